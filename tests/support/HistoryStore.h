// SPDX-License-Identifier: MIT
// History tests' common steps against a real Store: open it, read every row, prune, and
// load through History with the event loop running.
#pragma once

#include "core/store/History.h"
#include "core/store/Store.h"

// A sample at `t` with `bugsOpen` bugs, every other count zero.
HistorySample sampleAt(const QDateTime &t, int bugsOpen);
// Opens `store`; false when it failed or had to say something (a moved-aside file).
bool openCleanStore(Store &store);
// Every history row, oldest first, read on the store's thread.
HistorySamples loadAllHistory(Store &store);
// HistorySql::prune on the store's thread: the rows deleted.
int pruneHistory(Store &store, const QDateTime &now, const HistoryLimits &limits);
// History::load(since), waited for (at most 5 s) with events processed; empty on timeout.
HistorySamples loadHistoryAndWait(History &history, const QDateTime &since);
