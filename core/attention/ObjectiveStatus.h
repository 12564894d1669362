// SPDX-License-Identifier: MIT
// Whether each configured objective is met now, from the history: the open bugs of the latest
// sample, and the last seven days for the rest. Shown above the charts, on them and in the
// window's header, in words and colour (pure).
#pragma once

#include "core/config/Objectives.h"
#include "core/store/HistorySample.h"

#include <QString>

#include <vector>

struct ObjectiveState {
    QString key;      // the config key: "max_open_bugs"
    QString target;   // "≤ 0 open bugs"
    QString current;  // "now 4", "now 2 in 7 days", "none resolved in 7 days"
    double value = 0; // the objective's number, in the chart's unit
    double latest = 0;
    bool met = true;
    // "≤ 0 open bugs · now 4 · ✗ not met" and the like: words as well as colour.
    QString text() const;
};

// One state per configured objective, in the charts' order: RUN, bugs, incidents, time to
// resolve, andons.
std::vector<ObjectiveState> objectiveStates(const Objectives &objectives,
                                            const HistorySamples &samples, const QDateTime &now);
