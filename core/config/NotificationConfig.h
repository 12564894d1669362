// SPDX-License-Identifier: MIT
// The "notifications" section of the config: which desktop notifications are wanted.
#pragma once

#include <nlohmann/json.hpp>

struct NotificationConfig {
    bool incident = true;    // a new incident
    bool andon = true;       // a new andon
    bool breach = true;      // a request past the 15-minute rule
    bool andonSound = false; // beep when an andon arrives
    // A SEV-1/SEV-2 incident, an andon or the bug in progress with nobody on it this long: the
    // wall shows it UNOWNED and the desktop is told, once.
    int unownedAlertMin = 5;
};

// Read from the whole config document (AppConfig::raw); a missing section gives the defaults.
// Throws ConfigError with the JSON pointer of the bad value ("/notifications/andon").
NotificationConfig parseNotificationConfig(const nlohmann::json &document);
