// SPDX-License-Identifier: MIT
#include "NotificationConfig.h"

#include "core/config/ConfigSection.h"

NotificationConfig parseNotificationConfig(const nlohmann::json &document) {
    NotificationConfig config;
    const nlohmann::json *notifications = configSection(document, "notifications");
    if (!notifications)
        return config;
    const QString pointer = QStringLiteral("/notifications");
    rejectUnknownKeys(*notifications, pointer, {"incident", "andon", "breach", "andon_sound"});
    config.incident = configFlag(*notifications, "incident", pointer, config.incident);
    config.andon = configFlag(*notifications, "andon", pointer, config.andon);
    config.breach = configFlag(*notifications, "breach", pointer, config.breach);
    config.andonSound = configFlag(*notifications, "andon_sound", pointer, config.andonSound);
    return config;
}
