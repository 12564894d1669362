// SPDX-License-Identifier: MIT
// The board's history in SQLite, for trend charts: each refresh records the counts that matter
// (requests open, bugs open and the oldest one's age, incidents open by severity, andons open).
// Every disk access is a LocalStore job: the UI thread posts and never waits.
#pragma once

#include "Clock.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>

#include <array>
#include <functional>
#include <vector>

class Board;
class LocalStore;
class Poller;

struct HistorySample {
    QDateTime at; // UTC, second resolution
    int requestsOpen = 0;
    int bugsOpen = 0;
    qint64 oldestBugAgeS = 0;            // 0 without bugs
    std::array<int, 5> incidentsBySev{}; // [0]: SEV-1 … [4]: unknown severity
    int andonsOpen = 0;
    // Appeared since the previous sample (by creation time): summed per week for the charts.
    std::array<int, 5> incidentsNewBySev{};
    int andonsRaised = 0;
    int incidentsOpen() const;
    bool operator==(const HistorySample &other) const;
};
using HistorySamples = std::vector<HistorySample>;

// The counts on `board` at `at`; "new" counts items created in (since, at] (pure).
HistorySample sampleBoard(const Board &board, const QDateTime &at, const QDateTime &since);

// One week's totals of new incidents (by severity) and andons raised, weeks starting Monday.
struct HistoryWeek {
    QDate monday;
    std::array<int, 5> incidentsBySev{};
    int andons = 0;
    int incidents() const;
};
// The totals of the seven days up to `now`: a rolling week, for the objectives.
HistoryWeek historyLastSevenDays(const HistorySamples &samples, const QDateTime &now);
// The `weeks` weeks ending with the one holding `now`, oldest first; empty weeks included.
std::vector<HistoryWeek> historyWeeks(const HistorySamples &samples, const QDateTime &now,
                                      int weeks);

// How history stays bounded.
struct HistoryLimits {
    qint64 minIntervalS = 300;   // refreshes closer than this to the last record are skipped
    int fullResolutionDays = 30; // older rows are downsampled to one per hour
    int maxRows = 50000;         // then the oldest rows go
};

// The SQL jobs themselves, run on the store's thread (and directly by tests).
namespace HistorySql {
bool createSchema(QSqlDatabase &db);
bool insert(QSqlDatabase &db, const HistorySample &sample);
// Downsamples rows older than `now` - fullResolutionDays to the first of each hour, then
// deletes the oldest rows beyond maxRows. Returns how many rows were deleted, -1 on error.
int prune(QSqlDatabase &db, const QDateTime &now, const HistoryLimits &limits);
HistorySamples load(QSqlDatabase &db, const QDateTime &since);
int rowCount(QSqlDatabase &db);
} // namespace HistorySql

class History final : public QObject {
    Q_OBJECT
public:
    // `store` must be open and outlive this object. Posts the schema creation.
    History(LocalStore *store, const Clock &clock, HistoryLimits limits = {},
            QObject *parent = nullptr);

    // Records `sample` unless the last one is too recent; prunes now and then. Asynchronous.
    void record(const HistorySample &sample);
    // Records the board's counts after each source's refresh (at most every minIntervalS).
    void follow(Poller *poller, Board *board);
    // Reads the samples since `since`; `done` runs on `context`'s thread.
    void load(const QDateTime &since, QObject *context, std::function<void(HistorySamples)> done);

private:
    LocalStore *m_store;
    const Clock &m_clock;
    HistoryLimits m_limits;
    QDateTime m_lastRecorded;
    int m_recorded = 0;
};

Q_DECLARE_METATYPE(HistorySamples)
