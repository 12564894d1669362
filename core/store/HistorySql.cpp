// SPDX-License-Identifier: MIT
#include "HistorySql.h"

#include "core/lean/TriageStore.h"
#include "core/store/StoreSchema.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <iterator>

namespace {

// Every column after `at`, in insert and select order. The counts of what happened since the
// previous sample are summed when rows are downsampled; the levels are not.
struct Column {
    const char *name;
    bool summed;
};
const Column columns[] = {
    {"requests", false},      {"bugs", false},       {"oldest_bug_s", false},
    {"sev1", false},          {"sev2", false},       {"sev3", false},
    {"sev4", false},          {"sev5", false},       {"andons", false},
    {"new1", true},           {"new2", true},        {"new3", true},
    {"new4", true},           {"new5", true},        {"andons_raised", true},
    {"triage_self", true},    {"triage_toil", true}, {"triage_bug", true},
    {"triage_project", true}, {"escalated", true},   {"andons_resolved", true},
};
// Times to resolve, as text: "3600,7200" (merged with group_concat when downsampling).
const char *const resolveColumn = "resolve_s";

QString columnList() {
    QStringList names;
    for (const Column &c : columns)
        names.append(QLatin1String(c.name));
    names.append(QLatin1String(resolveColumn));
    return names.join(QStringLiteral(", "));
}

QString resolveText(const std::vector<qint64> &seconds) {
    QStringList parts;
    for (qint64 s : seconds)
        parts.append(QString::number(s));
    // Never a null string: SQLite would store NULL.
    return parts.isEmpty() ? QStringLiteral("") : parts.join(QLatin1Char(','));
}

std::vector<qint64> resolveFromText(const QString &text) {
    std::vector<qint64> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.push_back(part.toLongLong());
    return out;
}

// The latest sample's time: invalid when there is none, nullopt when it cannot be read.
std::optional<QDateTime> latestSample(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(at) FROM history")) || !q.next())
        return std::nullopt;
    return q.value(0).isNull() ? QDateTime()
                               : QDateTime::fromSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
}

} // namespace

namespace HistorySql {

bool createSchema(QSqlDatabase &db) {
    const bool postgres = StoreSchema::isPostgres(db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS history (id %1, at BIGINT NOT NULL, "
                    "requests INTEGER, bugs INTEGER, oldest_bug_s BIGINT, sev1 INTEGER, "
                    "sev2 INTEGER, sev3 INTEGER, sev4 INTEGER, sev5 INTEGER, andons INTEGER, "
                    "new1 INTEGER, new2 INTEGER, new3 INTEGER, new4 INTEGER, new5 INTEGER, "
                    "andons_raised INTEGER)")
                    .arg(postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                  : QStringLiteral("INTEGER PRIMARY KEY"))) ||
        !q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS history_at ON history(at)")))
        return false;
    // Columns added since the first version: a table written by it gains them, zero/empty.
    QStringList present;
    if (postgres) {
        if (!q.exec(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                   "table_schema = current_schema() AND table_name = 'history'")))
            return false;
        while (q.next())
            present.append(q.value(0).toString());
    } else {
        if (!q.exec(QStringLiteral("PRAGMA table_info(history)")))
            return false;
        while (q.next())
            present.append(q.value(1).toString());
    }
    for (const Column &c : columns) {
        if (!present.contains(QLatin1String(c.name)) &&
            !q.exec(QStringLiteral("ALTER TABLE history ADD COLUMN %1 INTEGER NOT NULL DEFAULT 0")
                        .arg(QLatin1String(c.name))))
            return false;
    }
    if (!present.contains(QLatin1String(resolveColumn)) &&
        !q.exec(QStringLiteral("ALTER TABLE history ADD COLUMN %1 TEXT NOT NULL DEFAULT ''")
                    .arg(QLatin1String(resolveColumn))))
        return false;
    // Each sample names the one it follows, and only one may follow it: however many
    // instances share the store, a period is recorded once (NULL for rows from before).
    if (!present.contains(QLatin1String("follows_at")) &&
        !q.exec(QStringLiteral("ALTER TABLE history ADD COLUMN follows_at BIGINT")))
        return false;
    return q.exec(
        QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS history_follows ON history(follows_at)"));
}

bool insert(QSqlDatabase &db, const HistorySample &s) {
    return insertFollowing(db, s, std::nullopt) == 1;
}

// Inserts `s`; `follows`, when set, is the `at` of the sample it follows (0: the first one).
// Returns the rows inserted (0 when another sample already follows the same one), -1 on error.
int insertFollowing(QSqlDatabase &db, const HistorySample &s, std::optional<qint64> follows) {
    QSqlQuery q(db);
    const QString marks = QStringLiteral(",?").repeated(std::size(columns) + 2);
    q.prepare(QStringLiteral("INSERT INTO history (at, %1, follows_at) VALUES (?%2) "
                             "ON CONFLICT (follows_at) DO NOTHING")
                  .arg(columnList(), marks));
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
    for (int n : s.triaged)
        q.addBindValue(n);
    q.addBindValue(s.escalated);
    q.addBindValue(s.andonsResolved);
    q.addBindValue(resolveText(s.resolveS));
    q.addBindValue(follows ? QVariant(*follows) : QVariant(QMetaType(QMetaType::LongLong)));
    if (!q.exec())
        return -1;
    return q.numRowsAffected();
}

HistoryRecord recordFollowing(QSqlDatabase &db, HistorySample sample,
                              const QDateTime &expectedLatest, qint64 minIntervalS) {
    HistoryRecord out;
    const std::optional<QDateTime> latest = latestSample(db);
    if (!latest)
        return out;
    out.latest = *latest;
    const bool any = latest->isValid();
    const qint64 latestAt = any ? latest->toSecsSinceEpoch() : 0;
    // The caller sampled the period since the latest record it knew: if another instance
    // recorded meanwhile, that period is no longer this sample's to record.
    const qint64 at = sample.at.toSecsSinceEpoch();
    if (expectedLatest.isValid() ? !any || expectedLatest.toSecsSinceEpoch() != latestAt
                                 : any && at - latestAt < minIntervalS)
        return out;
    if (any && at <= latestAt)
        return out;
    // The decisions made in the period, by anyone sharing the store (a sample's second holds
    // the decisions of that whole second).
    QSqlQuery events(db);
    events.prepare(QStringLiteral("SELECT kind, outcome, COUNT(*) FROM triage_events WHERE "
                                  "at > ? AND at <= ? GROUP BY kind, outcome"));
    events.addBindValue(any ? latestAt * 1000 + 999 : qint64(-1));
    events.addBindValue(at * 1000 + 999);
    if (!events.exec())
        return out;
    while (events.next()) {
        const QString kind = events.value(0).toString();
        // Triage::None is 0: the chart's index is one less.
        const int outcome = static_cast<int>(triageFromName(events.value(1).toString())) - 1;
        const int count = events.value(2).toInt();
        if (kind == QLatin1String(triageEventEscalated))
            sample.escalated += count;
        else if (kind == QLatin1String(triageEventFirst) && outcome >= 0)
            sample.triaged[static_cast<size_t>(outcome)] += count;
    }
    const int inserted = insertFollowing(db, sample, any ? latestAt : 0);
    if (inserted == 1) {
        out.recorded = true;
        out.latest = QDateTime::fromSecsSinceEpoch(at, Qt::UTC);
    } else if (inserted == 0) {
        // Another instance's sample took the period between our read and our insert.
        out.latest = latestSample(db).value_or(out.latest);
    }
    return out;
}

int prune(QSqlDatabase &db, const QDateTime &now, const HistoryLimits &limits) {
    const qint64 cutoff = now.toSecsSinceEpoch() - 86400LL * limits.fullResolutionDays;
    // The first row of each old hour takes the hour's sums before the others go. Pruning again
    // finds one row per hour: the sums stay what they are. The SQL is the same on SQLite and
    // PostgreSQL but for the text aggregate.
    const QString hour = QStringLiteral("FROM history h WHERE h.at < %1 AND "
                                        "h.at / 3600 = history.at / 3600")
                             .arg(cutoff);
    QStringList sets;
    for (const Column &c : columns) {
        if (c.summed)
            sets.append(QStringLiteral("%1 = (SELECT COALESCE(SUM(h.%1), 0) %2)")
                            .arg(QLatin1String(c.name), hour));
    }
    const QString joined = StoreSchema::isPostgres(db) ? QStringLiteral("string_agg(h.%1, ',')")
                                                       : QStringLiteral("group_concat(h.%1, ',')");
    sets.append(
        QStringLiteral("%1 = COALESCE((SELECT %2 %3 AND h.%1 <> ''), '')")
            .arg(QLatin1String(resolveColumn), joined.arg(QLatin1String(resolveColumn)), hour));
    QSqlQuery merge(db);
    if (!merge.exec(QStringLiteral("UPDATE history SET %1 WHERE id IN (SELECT MIN(id) FROM history "
                                   "WHERE at < %2 GROUP BY at / 3600) AND (SELECT COUNT(*) %3) > 1")
                        .arg(sets.join(QStringLiteral(", ")))
                        .arg(cutoff)
                        .arg(hour)))
        return -1;

    int deleted = 0;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM history WHERE at < ? AND id NOT IN (SELECT MIN(id) "
                             "FROM history WHERE at < ? GROUP BY at / 3600)"));
    q.addBindValue(cutoff);
    q.addBindValue(cutoff);
    if (!q.exec())
        return -1;
    deleted += q.numRowsAffected();
    const int excess = rowCount(db) - limits.maxRows;
    if (excess > 0) {
        QSqlQuery cap(db);
        cap.prepare(QStringLiteral("DELETE FROM history WHERE id IN (SELECT id FROM history ORDER "
                                   "BY at ASC, id ASC LIMIT ?)"));
        cap.addBindValue(excess);
        if (!cap.exec())
            return -1;
        deleted += cap.numRowsAffected();
    }
    // Triage events are counted once the period that holds them is recorded, and the handover
    // groups the requests of its period by their text: kept as long as a period may run.
    QSqlQuery events(db);
    events.prepare(QStringLiteral("DELETE FROM triage_events WHERE at < ?"));
    events.addBindValue((now.toSecsSinceEpoch() - 86400LL * triageEventDays) * 1000);
    events.exec();
    return deleted;
}

HistorySamples load(QSqlDatabase &db, const QDateTime &since) {
    HistorySamples out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT at, %1 FROM history WHERE at >= ? ORDER BY at, id")
                  .arg(columnList()));
    q.addBindValue(since.isValid() ? since.toSecsSinceEpoch() : 0);
    if (!q.exec())
        return out;
    while (q.next()) {
        int i = 0;
        const auto next = [&q, &i]() { return q.value(i++); };
        HistorySample s;
        s.at = QDateTime::fromSecsSinceEpoch(next().toLongLong(), Qt::UTC);
        s.requestsOpen = next().toInt();
        s.bugsOpen = next().toInt();
        s.oldestBugAgeS = next().toLongLong();
        for (int &n : s.incidentsBySev)
            n = next().toInt();
        s.andonsOpen = next().toInt();
        for (int &n : s.incidentsNewBySev)
            n = next().toInt();
        s.andonsRaised = next().toInt();
        for (int &n : s.triaged)
            n = next().toInt();
        s.escalated = next().toInt();
        s.andonsResolved = next().toInt();
        s.resolveS = resolveFromText(next().toString());
        out.push_back(std::move(s));
    }
    return out;
}

int insertOlder(QSqlDatabase &db, const HistorySamples &samples) {
    if (!db.transaction())
        return -1;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MIN(at) FROM history")) || !q.next()) {
        db.rollback();
        return -1;
    }
    const bool any = !q.value(0).isNull();
    const qint64 earliest = q.value(0).toLongLong();
    int inserted = 0;
    for (const HistorySample &s : samples) {
        if (any && s.at.toSecsSinceEpoch() >= earliest)
            continue;
        if (!insert(db, s)) {
            db.rollback();
            return -1;
        }
        ++inserted;
    }
    return db.commit() ? inserted : -1;
}

int rowCount(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM history")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace HistorySql
