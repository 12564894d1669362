// SPDX-License-Identifier: MIT
#include "NotificationConfig.h"

#include "core/config/ConfigError.h"
#include "core/config/ConfigSection.h"

NotificationConfig parseNotificationConfig(const nlohmann::json &document) {
    NotificationConfig config;
    const nlohmann::json *notifications = configSection(document, "notifications");
    if (!notifications)
        return config;
    const QString pointer = QStringLiteral("/notifications");
    rejectUnknownKeys(*notifications, pointer,
                      {"incident", "andon", "breach", "andon_sound", "unowned_alert_min"});
    config.incident = configFlag(*notifications, "incident", pointer, config.incident);
    config.andon = configFlag(*notifications, "andon", pointer, config.andon);
    config.breach = configFlag(*notifications, "breach", pointer, config.breach);
    config.andonSound = configFlag(*notifications, "andon_sound", pointer, config.andonSound);
    if (const auto it = notifications->find("unowned_alert_min"); it != notifications->end()) {
        constexpr long long minMin = 1;
        constexpr long long maxMin = 1440;
        if (!it->is_number_integer() || it->get<long long>() < minMin ||
            it->get<long long>() > maxMin)
            throw ConfigError(jsonPointerAt(pointer, QStringLiteral("unowned_alert_min")),
                              QStringLiteral("expected an integer from %1 to %2 (minutes)")
                                  .arg(minMin)
                                  .arg(maxMin));
        config.unownedAlertMin = static_cast<int>(it->get<long long>());
    }
    return config;
}
