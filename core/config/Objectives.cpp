// SPDX-License-Identifier: MIT
#include "Objectives.h"

#include "core/config/ConfigError.h"

Objectives parseObjectives(const nlohmann::json &root) {
    Objectives o;
    if (!root.is_object())
        return o;
    const auto section = root.find("objectives");
    if (section == root.end())
        return o;
    if (!section->is_object())
        throw ConfigError(QStringLiteral("/objectives"),
                          QStringLiteral("expected an object such as {\"max_open_bugs\":0}"));
    const auto read = [&](const char *key, std::optional<int> *out, int max = 100000) {
        const auto it = section->find(key);
        if (it == section->end() || it->is_null())
            return;
        if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > max)
            throw ConfigError(QStringLiteral("/objectives/") + QString::fromLatin1(key),
                              QStringLiteral("expected a whole number from 0 to %1").arg(max));
        *out = it->get<int>();
    };
    read("max_open_bugs", &o.maxOpenBugs);
    read("max_incidents_per_week", &o.maxIncidentsPerWeek);
    read("max_andons_per_week", &o.maxAndonsPerWeek);
    read("max_run_percent", &o.maxRunPercent, 100);
    read("max_median_resolve_h", &o.maxMedianResolveH);
    return o;
}
