// SPDX-License-Identifier: MIT
#include "History.h"

#include "core/board/Board.h"
#include "core/lean/TriageStore.h"
#include "core/store/Store.h"

#include <QVariant>

#include <algorithm>
#include <utility>

namespace {

// Prune every so many records: a DELETE per refresh would be wasted work.
constexpr int pruneEvery = 50;

} // namespace

History::History(Store *store, const Clock &clock, HistoryLimits limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_limits(limits) {
    m_store->post([](QSqlDatabase &db) { HistorySql::createSchema(db); });
}

void History::record(const HistorySample &sample) {
    if (m_lastRecorded.isValid() && m_lastRecorded.secsTo(sample.at) < m_limits.minIntervalS)
        return;
    m_lastRecorded = sample.at;
    const bool prune = m_recorded++ % pruneEvery == 0; // the first record, then every 50th
    const HistoryLimits limits = m_limits;
    const QDateTime now = m_clock.now();
    m_store->post([sample, prune, limits, now](QSqlDatabase &db) {
        const bool ok = HistorySql::insert(db, sample);
        if (prune)
            HistorySql::prune(db, now, limits);
        return ok;
    });
}

void History::follow(Board *board) {
    // After each source's refresh: the board then holds its new snapshot. record() skips the
    // ones closer than minIntervalS to the last record.
    connect(board, &Board::sourceRefreshed, this, [this, board] {
        // Until every source answered once the board is half-filled: not a sample.
        if (!board->everySourceAnswered())
            return;
        const QDateTime now = m_clock.now();
        // Every refresh, not only recorded ones: an incident may come and go in between.
        m_resolutions.observe(*board, now);
        if (m_lastRecorded.isValid() && m_lastRecorded.secsTo(now) < m_limits.minIntervalS)
            return;
        // The first record of a session counts what appeared in the last interval only:
        // what was already open when the app started was counted before, or is lost.
        HistorySample sample = sampleBoard(
            *board, now,
            m_lastRecorded.isValid() ? m_lastRecorded
                                     : now.addSecs(-std::max<qint64>(m_limits.minIntervalS, 60)));
        sample.triaged = std::exchange(m_pending.triaged, {});
        sample.escalated = std::exchange(m_pending.escalated, 0);
        sample.resolveS = m_resolutions.takeResolveS();
        sample.andonsResolved = m_resolutions.takeAndonsResolved();
        record(sample);
    });
}

void History::followTriage(TriageStore *triage) {
    connect(triage, &TriageStore::decided, this,
            [this](const QString &, const QString &, Triage previous, Triage now) {
                if (previous == Triage::None && now != Triage::None)
                    ++m_pending.triaged[static_cast<size_t>(static_cast<int>(now) - 1)];
                else if (previous == Triage::Toil && now == Triage::Bug)
                    ++m_pending.escalated;
            });
}

void History::load(const QDateTime &since, QObject *context,
                   std::function<void(HistorySamples)> done) {
    m_store->post([since](QSqlDatabase &db) { return HistorySql::load(db, since); }, context,
                  std::move(done));
}
