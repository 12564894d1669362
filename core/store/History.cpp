// SPDX-License-Identifier: MIT
#include "History.h"

#include "core/board/Board.h"
#include "core/store/Store.h"

#include <algorithm>
#include <utility>

namespace {

constexpr int pruneEvery = 50;

} // namespace

History::History(Store *store, const Clock &clock, HistoryLimits limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_limits(limits) {}

void History::record(const HistorySample &sample) {
    if (m_latest.isValid() && m_latest.secsTo(sample.at) < m_limits.minIntervalS)
        return;
    offer(sample);
}

void History::offer(const HistorySample &sample) {
    const QDateTime expectedLatest = m_latest;
    // Assume it is kept until the store answers, so the next refresh does not offer another.
    m_latest = QDateTime::fromSecsSinceEpoch(sample.at.toSecsSinceEpoch(), Qt::UTC);
    const int offered = ++m_offered;
    const HistoryLimits limits = m_limits;
    m_store->post(
        [sample, expectedLatest, limits, kept = m_kept](QSqlDatabase &db) {
            const HistoryRecord outcome =
                HistorySql::recordFollowing(db, sample, expectedLatest, limits.minIntervalS);
            // The first record, then every 50th: a DELETE per refresh would be wasted work.
            if (outcome.recorded && (*kept)++ % pruneEvery == 0)
                HistorySql::prune(db, sample.at, limits);
            return outcome;
        },
        this,
        [this, offered](HistoryRecord outcome) {
            // An older offer's answer says nothing the newer one will not.
            if (offered == m_offered) {
                m_latest = outcome.latest;
                if (m_latest.isValid())
                    m_resolutions.forgetUpTo(m_latest);
            }
            Q_EMIT recorded(outcome.recorded);
        });
}

void History::follow(Board *board) {
    // After each source's refresh: the board then holds its new snapshot. record() skips the
    // ones closer than minIntervalS to the last record.
    connect(board, &Board::sourceRefreshed, this, [this, board] {
        // Until every source answered once the board is half-filled: not a sample.
        if (!board->everySourceAnswered())
            return;
        // Whole seconds, as the store keeps them: a period ends where the next one starts.
        const QDateTime now =
            QDateTime::fromSecsSinceEpoch(m_clock.now().toSecsSinceEpoch(), Qt::UTC);
        // Every refresh, not only recorded ones: an incident may come and go in between.
        m_resolutions.observe(*board, now);
        if (m_latest.isValid() && m_latest.secsTo(now) < m_limits.minIntervalS)
            return;
        // The period since the latest record. With none known (a new store, or this instance's
        // first offer) "new" counts the last interval only: what was already open when the app
        // started was counted before, or is lost.
        const QDateTime since = m_latest.isValid()
                                    ? m_latest
                                    : now.addSecs(-std::max<qint64>(m_limits.minIntervalS, 60));
        HistorySample sample = sampleBoard(*board, now, since);
        const ResolutionWatch::Resolved resolved = m_resolutions.resolvedIn(m_latest, sample.at);
        sample.resolveS = resolved.resolveS;
        sample.andonsResolved = resolved.andons;
        offer(sample);
    });
}

void History::load(const QDateTime &since, QObject *context,
                   std::function<void(HistorySamples)> done) {
    m_store->post([since](QSqlDatabase &db) { return HistorySql::load(db, since); }, context,
                  std::move(done));
}
