// SPDX-License-Identifier: MIT
// The board's history, for trend charts: each refresh records the counts that matter
// (requests open and triaged by outcome, bugs open and the oldest one's age, incidents open by
// severity and resolved with their time to resolve, andons raised and resolved, investigations
// escalated). Every access is a Store job: the UI thread posts and never waits.
//
// On a team's store every instance offers a sample when the period is due, and the store keeps
// one per period (HistorySql::recordFollowing): no instance is "the recorder", so none has to
// take over when another stops. The triage counts come from the store's triage events, so a
// decision made on any screen is counted once.
#pragma once

#include "core/store/HistorySample.h"
#include "core/store/HistorySql.h"
#include "core/store/ResolutionWatch.h"
#include "core/time/Clock.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

class Board;
class Store;

class History final : public QObject {
    Q_OBJECT
public:
    // `store` must be open (its schema holds the history) and outlive this object.
    History(Store *store, const Clock &clock, HistoryLimits limits = {}, QObject *parent = nullptr);

    // Offers `sample` unless the latest record known is too recent; prunes now and then.
    // Asynchronous: recorded() follows with whether the store kept it.
    void record(const HistorySample &sample);
    // Offers the board's counts after each source's refresh (at most every minIntervalS), with
    // the incidents and andons resolved in the period.
    void follow(Board *board);
    // Reads the samples since `since`; `done` runs on `context`'s thread.
    void load(const QDateTime &since, QObject *context, std::function<void(HistorySamples)> done);

    // The latest sample the store holds, as last heard (invalid: none, or not heard yet).
    QDateTime latestRecorded() const { return m_latest; }

Q_SIGNALS:
    // A sample offered was kept (true) or another instance had recorded the period (false).
    void recorded(bool kept);

private:
    // Offers `sample` as the one after the latest record known.
    void offer(const HistorySample &sample);

    Store *m_store;
    const Clock &m_clock;
    HistoryLimits m_limits;
    QDateTime m_latest; // the latest sample in the store, as far as this instance knows
    int m_offered = 0;  // samples offered: the answer of the last one is the one that counts
    // Samples this instance got kept, counted on the store's thread: it prunes every so many.
    std::shared_ptr<int> m_kept = std::make_shared<int>(0);
    ResolutionWatch m_resolutions;
};
