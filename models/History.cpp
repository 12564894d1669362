// SPDX-License-Identifier: MIT
#include "History.h"

#include "Board.h"
#include "LocalStore.h"
#include "Poller.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

// Prune every so many records: a DELETE per refresh would be wasted work.
constexpr int pruneEvery = 50;

const char *const sevColumns[5] = {"sev1", "sev2", "sev3", "sev4", "sev5"};

} // namespace

int HistorySample::incidentsOpen() const {
    int total = 0;
    for (int n : incidentsBySev)
        total += n;
    return total;
}

bool HistorySample::operator==(const HistorySample &o) const {
    return at == o.at && requestsOpen == o.requestsOpen && bugsOpen == o.bugsOpen &&
           oldestBugAgeS == o.oldestBugAgeS && incidentsBySev == o.incidentsBySev &&
           andonsOpen == o.andonsOpen && incidentsNewBySev == o.incidentsNewBySev &&
           andonsRaised == o.andonsRaised;
}

HistorySample sampleBoard(const Board &board, const QDateTime &at, const QDateTime &since) {
    const auto isNew = [&](const Item &item) {
        return item.createdAt.isValid() && item.createdAt > since && item.createdAt <= at;
    };
    HistorySample s;
    s.at = at.toUTC();
    s.requestsOpen = board.panel(ItemKind::Request)->rowCount();
    const Items &bugs = board.panel(ItemKind::Bug)->items();
    s.bugsOpen = static_cast<int>(bugs.size());
    for (const Item &bug : bugs) {
        if (bug.createdAt.isValid())
            s.oldestBugAgeS = std::max(s.oldestBugAgeS, bug.createdAt.secsTo(at));
    }
    for (const Item &incident : board.panel(ItemKind::Incident)->items()) {
        const int rank = std::clamp(incident.severity.rank(), 1, 5);
        ++s.incidentsBySev[static_cast<size_t>(rank - 1)];
        if (isNew(incident))
            ++s.incidentsNewBySev[static_cast<size_t>(rank - 1)];
    }
    s.andonsOpen = board.panel(ItemKind::Andon)->rowCount();
    for (const Item &andon : board.panel(ItemKind::Andon)->items())
        s.andonsRaised += isNew(andon) ? 1 : 0;
    return s;
}

int HistoryWeek::incidents() const {
    int total = 0;
    for (int n : incidentsBySev)
        total += n;
    return total;
}

std::vector<HistoryWeek> historyWeeks(const HistorySamples &samples, const QDateTime &now,
                                      int weeks) {
    const QDate today = now.toUTC().date();
    const QDate lastMonday = today.addDays(1 - today.dayOfWeek());
    std::vector<HistoryWeek> out(static_cast<size_t>(std::max(weeks, 0)));
    for (int i = 0; i < weeks; ++i)
        out[static_cast<size_t>(i)].monday = lastMonday.addDays(-7LL * (weeks - 1 - i));
    if (out.empty())
        return out;
    for (const HistorySample &s : samples) {
        const qint64 days = out.front().monday.daysTo(s.at.toUTC().date());
        if (days < 0 || days >= 7LL * weeks)
            continue;
        HistoryWeek &week = out[static_cast<size_t>(days / 7)];
        for (size_t sev = 0; sev < 5; ++sev)
            week.incidentsBySev[sev] += s.incidentsNewBySev[sev];
        week.andons += s.andonsRaised;
    }
    return out;
}

HistoryWeek historyLastSevenDays(const HistorySamples &samples, const QDateTime &now) {
    HistoryWeek week;
    week.monday = now.toUTC().date().addDays(-6);
    const QDateTime from = now.addDays(-7);
    for (const HistorySample &s : samples) {
        if (s.at <= from || s.at > now)
            continue;
        for (size_t sev = 0; sev < 5; ++sev)
            week.incidentsBySev[sev] += s.incidentsNewBySev[sev];
        week.andons += s.andonsRaised;
    }
    return week;
}

namespace HistorySql {

bool createSchema(QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral(
               "CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
               "requests INTEGER, bugs INTEGER, oldest_bug_s INTEGER, sev1 INTEGER, "
               "sev2 INTEGER, sev3 INTEGER, sev4 INTEGER, sev5 INTEGER, andons INTEGER, "
               "new1 INTEGER, new2 INTEGER, new3 INTEGER, new4 INTEGER, new5 INTEGER, "
               "andons_raised INTEGER)")) &&
           q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS history_at ON history(at)"));
}

bool insert(QSqlDatabase &db, const HistorySample &s) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO history (at, requests, bugs, oldest_bug_s, sev1, sev2, "
                       "sev3, sev4, sev5, andons, new1, new2, new3, new4, new5, andons_raised) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(s.at.toSecsSinceEpoch());
    q.addBindValue(s.requestsOpen);
    q.addBindValue(s.bugsOpen);
    q.addBindValue(s.oldestBugAgeS);
    for (int n : s.incidentsBySev)
        q.addBindValue(n);
    q.addBindValue(s.andonsOpen);
    for (int n : s.incidentsNewBySev)
        q.addBindValue(n);
    q.addBindValue(s.andonsRaised);
    return q.exec();
}

int prune(QSqlDatabase &db, const QDateTime &now, const HistoryLimits &limits) {
    const qint64 cutoff = now.toSecsSinceEpoch() - 86400LL * limits.fullResolutionDays;
    int deleted = 0;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM history WHERE at < ? AND id NOT IN (SELECT MIN(id) "
                             "FROM history WHERE at < ? GROUP BY at / 3600)"));
    q.addBindValue(cutoff);
    q.addBindValue(cutoff);
    if (!q.exec())
        return -1;
    deleted += q.numRowsAffected();
    QSqlQuery cap(db);
    cap.prepare(QStringLiteral("DELETE FROM history WHERE id IN (SELECT id FROM history ORDER BY "
                               "at ASC, id ASC LIMIT max(0, (SELECT COUNT(*) FROM history) - ?))"));
    cap.addBindValue(limits.maxRows);
    if (!cap.exec())
        return -1;
    return deleted + cap.numRowsAffected();
}

HistorySamples load(QSqlDatabase &db, const QDateTime &since) {
    HistorySamples out;
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT at, requests, bugs, oldest_bug_s, sev1, sev2, sev3, sev4, "
                       "sev5, andons, new1, new2, new3, new4, new5, andons_raised FROM history "
                       "WHERE at >= ? ORDER BY at, id"));
    q.addBindValue(since.isValid() ? since.toSecsSinceEpoch() : 0);
    if (!q.exec())
        return out;
    while (q.next()) {
        HistorySample s;
        s.at = QDateTime::fromSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
        s.requestsOpen = q.value(1).toInt();
        s.bugsOpen = q.value(2).toInt();
        s.oldestBugAgeS = q.value(3).toLongLong();
        for (int i = 0; i < 5; ++i)
            s.incidentsBySev[static_cast<size_t>(i)] = q.value(4 + i).toInt();
        s.andonsOpen = q.value(9).toInt();
        for (int i = 0; i < 5; ++i)
            s.incidentsNewBySev[static_cast<size_t>(i)] = q.value(10 + i).toInt();
        s.andonsRaised = q.value(15).toInt();
        out.push_back(s);
    }
    return out;
}

int rowCount(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM history")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace HistorySql

History::History(LocalStore *store, const Clock &clock, HistoryLimits limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_limits(limits) {
    m_store->post([](QSqlDatabase &db) { return QVariant(HistorySql::createSchema(db)); });
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
        return QVariant(ok);
    });
}

void History::follow(Poller *poller, Board *board) {
    // After each source's refresh: the board then holds its new snapshot. record() skips the
    // ones closer than minIntervalS to the last record.
    connect(poller, &Poller::sourceAnswered, this, [this, poller, board] {
        // Until every source answered once the board is half-filled: not a sample.
        if (!poller->everySourceAnswered())
            return;
        const QDateTime now = m_clock.now();
        // The first record of a session counts what appeared in the last interval only:
        // what was already open when the app started was counted before, or is lost.
        if (!m_lastRecorded.isValid() || m_lastRecorded.secsTo(now) >= m_limits.minIntervalS)
            record(sampleBoard(*board, now,
                               m_lastRecorded.isValid()
                                   ? m_lastRecorded
                                   : now.addSecs(-std::max<qint64>(m_limits.minIntervalS, 60))));
    });
}

void History::load(const QDateTime &since, QObject *context,
                   std::function<void(HistorySamples)> done) {
    m_store->post(
        [since](QSqlDatabase &db) { return QVariant::fromValue(HistorySql::load(db, since)); },
        context,
        [done = std::move(done)](const QVariant &result) { done(result.value<HistorySamples>()); });
}
