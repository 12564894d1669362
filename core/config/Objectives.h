// SPDX-License-Identifier: MIT
// The team's objectives from the config's "objectives" section, drawn as lines on the trend
// charts and shown met or missed above them: {"max_open_bugs":0, "max_incidents_per_week":0,
// "max_andons_per_week":1, "max_run_percent":0, "max_median_resolve_h":4}.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

struct Objectives {
    std::optional<int> maxOpenBugs;
    std::optional<int> maxIncidentsPerWeek;
    std::optional<int> maxAndonsPerWeek;
    std::optional<int> maxRunPercent;     // toil among triaged requests, 0..100
    std::optional<int> maxMedianResolveH; // median time to resolve an incident, hours
};

// Absent keys stay unset. Throws ConfigError naming the key ("/objectives/max_open_bugs").
Objectives parseObjectives(const nlohmann::json &root);
