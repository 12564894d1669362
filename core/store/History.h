// SPDX-License-Identifier: MIT
// The board's history in SQLite, for trend charts: each refresh records the counts that matter
// (requests open and triaged by outcome, bugs open and the oldest one's age, incidents open by
// severity and resolved with their time to resolve, andons raised and resolved, investigations
// escalated). Every disk access is a Store job: the UI thread posts and never waits.
#pragma once

#include "core/store/HistorySample.h"
#include "core/store/HistorySql.h"
#include "core/store/ResolutionWatch.h"
#include "core/time/Clock.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class Board;
class Store;
class TriageStore;

class History final : public QObject {
    Q_OBJECT
public:
    // `store` must be open and outlive this object. Posts the schema creation.
    History(Store *store, const Clock &clock, HistoryLimits limits = {}, QObject *parent = nullptr);

    // Records `sample` unless the last one is too recent; prunes now and then. Asynchronous.
    void record(const HistorySample &sample);
    // Records the board's counts after each source's refresh (at most every minIntervalS),
    // with the incidents and andons resolved and the triage decisions made since the last
    // record.
    void follow(Board *board);
    // Counts the triage decisions: a request's first outcome, and toil escalated to a bug.
    void followTriage(TriageStore *triage);
    // Reads the samples since `since`; `done` runs on `context`'s thread.
    void load(const QDateTime &since, QObject *context, std::function<void(HistorySamples)> done);

private:
    Store *m_store;
    const Clock &m_clock;
    HistoryLimits m_limits;
    QDateTime m_lastRecorded;
    int m_recorded = 0;
    ResolutionWatch m_resolutions;
    HistorySample m_pending; // triage counts since the last record
};
