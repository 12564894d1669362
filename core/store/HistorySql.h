// SPDX-License-Identifier: MIT
// The history table, on SQLite or PostgreSQL: the jobs History posts to the store's thread (and
// tests run directly), and the limits that keep the table bounded.
#pragma once

#include "core/store/HistorySample.h"

#include <QSqlDatabase>

#include <optional>

// How history stays bounded.
struct HistoryLimits {
    qint64 minIntervalS = 300;   // refreshes closer than this to the last record are skipped
    int fullResolutionDays = 30; // older rows are downsampled to one per hour
    int maxRows = 50000;         // then the oldest rows go
};

// What became of a sample offered to the store (recordFollowing).
struct HistoryRecord {
    bool recorded = false;
    QDateTime latest; // the latest sample in the store now (invalid: none)
};

namespace HistorySql {
// The triage_events kinds the history counts (the triage writer records them): a request's
// first outcome, and toil that became a bug.
inline constexpr const char *triageEventFirst = "first";
inline constexpr const char *triageEventEscalated = "escalated";
// How long triage events stay: the longest handover period looked back on.
inline constexpr int triageEventDays = 60;
// Creates the table, or adds the columns a table from an older version lacks (Store::open runs
// it through StoreSchema).
bool createSchema(QSqlDatabase &db);
// Inserts a sample as is (tests, the demo's seeded weeks).
bool insert(QSqlDatabase &db, const HistorySample &sample);
int insertFollowing(QSqlDatabase &db, const HistorySample &s, std::optional<qint64> follows);
// Records `sample` as the one after `expectedLatest`, the latest sample the caller knew (invalid:
// it knows none; then the sample is kept only if the latest is at least `minIntervalS` old).
// The triage counts come from triage_events in the period. The store's unique key decides
// between instances racing: one sample per period.
HistoryRecord recordFollowing(QSqlDatabase &db, HistorySample sample,
                              const QDateTime &expectedLatest, qint64 minIntervalS);
// Downsamples rows older than `now` - fullResolutionDays to the first of each hour, which
// keeps the sum of what happened in the hour (new incidents, triage, times to resolve…), then
// deletes the oldest rows beyond maxRows. Returns how many rows were deleted, -1 on error.
int prune(QSqlDatabase &db, const QDateTime &now, const HistoryLimits &limits);
HistorySamples load(QSqlDatabase &db, const QDateTime &since);
// Inserts the samples older than every sample `db` holds (all of them into an empty history),
// in one transaction: a desk's past joins a team's without overlapping its periods, and a
// second copy adds nothing. Returns how many were inserted, -1 on error.
int insertOlder(QSqlDatabase &db, const HistorySamples &samples);
int rowCount(QSqlDatabase &db);
} // namespace HistorySql
