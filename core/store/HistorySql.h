// SPDX-License-Identifier: MIT
// The history table in SQLite: the jobs History posts to the store's thread (and tests run
// directly), and the limits that keep the table bounded.
#pragma once

#include "core/store/HistorySample.h"

#include <QSqlDatabase>

// How history stays bounded.
struct HistoryLimits {
    qint64 minIntervalS = 300;   // refreshes closer than this to the last record are skipped
    int fullResolutionDays = 30; // older rows are downsampled to one per hour
    int maxRows = 50000;         // then the oldest rows go
};

namespace HistorySql {
// Creates the table, or adds the columns a table from an older version lacks.
bool createSchema(QSqlDatabase &db);
bool insert(QSqlDatabase &db, const HistorySample &sample);
// Downsamples rows older than `now` - fullResolutionDays to the first of each hour, which
// keeps the sum of what happened in the hour (new incidents, triage, times to resolve…), then
// deletes the oldest rows beyond maxRows. Returns how many rows were deleted, -1 on error.
int prune(QSqlDatabase &db, const QDateTime &now, const HistoryLimits &limits);
HistorySamples load(QSqlDatabase &db, const QDateTime &since);
int rowCount(QSqlDatabase &db);
} // namespace HistorySql
