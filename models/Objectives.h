// SPDX-License-Identifier: MIT
// The team's objectives from the config's "objectives" section, drawn as lines on the trend
// charts: {"max_open_bugs":0, "max_incidents_per_week":0, "max_andons_per_week":1}.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

struct Objectives {
    std::optional<int> maxOpenBugs;
    std::optional<int> maxIncidentsPerWeek;
    std::optional<int> maxAndonsPerWeek;
};

// Absent keys stay unset. Throws ConfigError naming the key ("/objectives/max_open_bugs").
Objectives parseObjectives(const nlohmann::json &root);
