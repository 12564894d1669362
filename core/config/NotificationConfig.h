// SPDX-License-Identifier: MIT
// The "notifications" section of the config: which desktop notifications are wanted.
#pragma once

#include <nlohmann/json.hpp>

struct NotificationConfig {
    bool incident = true;    // a new incident
    bool andon = true;       // a new andon
    bool breach = true;      // a request past the 15-minute rule
    bool andonSound = false; // beep when an andon arrives
};

// Read from the whole config document (AppConfig::raw); a missing section gives the defaults.
// Throws ConfigError with the JSON pointer of the bad value ("/notifications/andon").
NotificationConfig parseNotificationConfig(const nlohmann::json &document);
