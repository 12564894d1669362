// SPDX-License-Identifier: MIT
// Two weeks of made-up history for the demo's trend charts: one sample an hour, a bug queue
// shrinking from 9 to the demo's 4, a handful of incidents and andons raised and resolved,
// requests triaged on working days with less toil as the weeks go (pure).
#pragma once

#include "core/store/History.h"

HistorySamples demoHistory(const QDateTime &now);
