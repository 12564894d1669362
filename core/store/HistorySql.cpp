// SPDX-License-Identifier: MIT
#include "HistorySql.h"

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

} // namespace

namespace HistorySql {

bool createSchema(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
            "requests INTEGER, bugs INTEGER, oldest_bug_s INTEGER, sev1 INTEGER, "
            "sev2 INTEGER, sev3 INTEGER, sev4 INTEGER, sev5 INTEGER, andons INTEGER, "
            "new1 INTEGER, new2 INTEGER, new3 INTEGER, new4 INTEGER, new5 INTEGER, "
            "andons_raised INTEGER)")) ||
        !q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS history_at ON history(at)")))
        return false;
    // Columns added since the first version: a store written by it gains them, zero/empty.
    QStringList present;
    if (!q.exec(QStringLiteral("PRAGMA table_info(history)")))
        return false;
    while (q.next())
        present.append(q.value(1).toString());
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
    return true;
}

bool insert(QSqlDatabase &db, const HistorySample &s) {
    QSqlQuery q(db);
    const QString marks = QStringLiteral(",?").repeated(std::size(columns) + 1);
    q.prepare(QStringLiteral("INSERT INTO history (at, %1) VALUES (?%2)").arg(columnList(), marks));
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
    return q.exec();
}

int prune(QSqlDatabase &db, const QDateTime &now, const HistoryLimits &limits) {
    const qint64 cutoff = now.toSecsSinceEpoch() - 86400LL * limits.fullResolutionDays;
    // The first row of each old hour takes the hour's sums before the others go. Pruning again
    // finds one row per hour: the sums stay what they are.
    const QString hour = QStringLiteral("FROM history h WHERE h.at < %1 AND "
                                        "h.at / 3600 = history.at / 3600")
                             .arg(cutoff);
    QStringList sets;
    for (const Column &c : columns) {
        if (c.summed)
            sets.append(QStringLiteral("%1 = (SELECT CAST(TOTAL(h.%1) AS INTEGER) %2)")
                            .arg(QLatin1String(c.name), hour));
    }
    sets.append(QStringLiteral("%1 = COALESCE((SELECT group_concat(h.%1, ',') %2 AND h.%1 <> ''), "
                               "'')")
                    .arg(QLatin1String(resolveColumn), hour));
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

int rowCount(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM history")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace HistorySql
