// SPDX-License-Identifier: MIT
#include "HandoverStore.h"

#include "core/ownership/OwnershipTable.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/store/HistorySql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace HandoverStore {

namespace {

qint64 msOf(const nlohmann::json &data, const char *key) {
    const auto found = data.find(key);
    return found != data.end() && found->is_number_integer() ? found->get<qint64>() : 0;
}

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Never NULL (an empty text, a key absent): the columns are NOT NULL.
QString textOf(const nlohmann::json &data, const char *key) {
    const QString text = utf8ToQString(jsonString(&data, key));
    return text.isNull() ? QStringLiteral("") : text;
}

// A replay, or a copy, of the same handover finds it there: the unique key keeps it once.
StoreWrite writeHandoverLocked(QSqlDatabase &db, const nlohmann::json &data) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO handovers(at, from_person, to_person, period_since, "
                             "notes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    const qint64 at = msOf(data, "at");
    q.addBindValue(at);
    q.addBindValue(textOf(data, "from"));
    q.addBindValue(textOf(data, "to"));
    q.addBindValue(msOf(data, "since"));
    q.addBindValue(textOf(data, "notes"));
    if (!q.exec())
        return StoreWrite::failed(q.lastError().text());
    // The notes belonged to the period that ended: the next person starts a blank page.
    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM handover_notes WHERE saved_at <= ?"));
    clear.addBindValue(at);
    if (!clear.exec())
        return StoreWrite::failed(clear.lastError().text());
    Store::announce(db, QStringLiteral("handover"));
    return StoreWrite::applied();
}

StoreWrite writeHandover(QSqlDatabase &db, const nlohmann::json &data) {
    if (!db.transaction())
        return StoreWrite::failed(db.lastError().text());
    const StoreWrite outcome = writeHandoverLocked(db, data);
    if (outcome.status != StoreWrite::Status::Applied || !db.commit()) {
        const QString why = outcome.reason.isEmpty() ? db.lastError().text() : outcome.reason;
        db.rollback();
        return StoreWrite::failed(why);
    }
    return outcome;
}

StoreWrite writeNotes(QSqlDatabase &db, const nlohmann::json &data) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO handover_notes(id, notes, saved_at, saved_by) VALUES (1, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET notes = excluded.notes, saved_at = excluded.saved_at, "
        "saved_by = excluded.saved_by WHERE excluded.saved_at >= handover_notes.saved_at"));
    q.addBindValue(textOf(data, "notes"));
    q.addBindValue(msOf(data, "saved_at"));
    q.addBindValue(textOf(data, "saved_by"));
    if (!q.exec())
        return StoreWrite::failed(q.lastError().text());
    Store::announce(db, QStringLiteral("handover"));
    return StoreWrite::applied();
}

std::vector<HandoverRecord> handovers(QSqlDatabase &db, const QString &order, int limit) {
    std::vector<HandoverRecord> rows;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT at, from_person, to_person, period_since, notes FROM "
                             "handovers ORDER BY at %1, id %1 LIMIT %2")
                  .arg(order)
                  .arg(limit));
    if (!q.exec())
        return rows;
    while (q.next())
        rows.push_back({fromMs(q.value(0).toLongLong()), q.value(1).toString(),
                        q.value(2).toString(), fromMs(q.value(3).toLongLong()),
                        q.value(4).toString()});
    return rows;
}

std::vector<HandoverTriaged> decisions(QSqlDatabase &db) {
    std::vector<HandoverTriaged> rows;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT source, item_id, decision, decided_at FROM triage")))
        return rows;
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toString(), QString(),
                        triageFromName(q.value(2).toString()), fromMs(q.value(3).toLongLong())});
    return rows;
}

std::vector<HandoverTriaged> triagedSince(QSqlDatabase &db, const QDateTime &since) {
    std::vector<HandoverTriaged> rows;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT source, item_id, title, outcome, at FROM triage_events "
                             "WHERE kind = ? AND at >= ? ORDER BY at, id"));
    q.addBindValue(QLatin1String(HistorySql::triageEventFirst));
    q.addBindValue(since.toMSecsSinceEpoch());
    if (!q.exec())
        return rows;
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        triageFromName(q.value(3).toString()), fromMs(q.value(4).toLongLong())});
    return rows;
}

} // namespace

void addWriters(Store *store) {
    store->addWriter(QStringLiteral("handover"), writeHandover);
    store->addWriter(QStringLiteral("handover-notes"), writeNotes);
}

nlohmann::json recordData(const HandoverRecord &r) {
    return {{"at", r.at.toMSecsSinceEpoch()},
            {"from", r.from.toStdString()},
            {"to", r.to.toStdString()},
            {"since", r.since.toMSecsSinceEpoch()},
            {"notes", r.notes.toStdString()}};
}

nlohmann::json notesData(const QString &notes, const QDateTime &savedAt, const QString &savedBy) {
    return {{"notes", notes.toStdString()},
            {"saved_at", savedAt.toMSecsSinceEpoch()},
            {"saved_by", savedBy.toStdString()}};
}

std::optional<HandoverRecord> lastHandover(QSqlDatabase &db) {
    std::vector<HandoverRecord> last = handovers(db, QStringLiteral("DESC"), 1);
    if (last.empty())
        return std::nullopt;
    return last.front();
}

QString notes(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT notes FROM handover_notes WHERE id = 1")) || !q.next())
        return {};
    return q.value(0).toString();
}

HandoverState read(QSqlDatabase &db, const QDateTime &since, const QDateTime &now) {
    HandoverState s;
    QSqlQuery probe(db);
    s.readable = probe.exec(QStringLiteral("SELECT 1"));
    if (!s.readable)
        return s;
    s.last = lastHandover(db);
    if (since.isValid())
        s.since = since;
    else if (s.last && s.last->at <= now) {
        s.since = s.last->at;
        s.sinceLastHandover = true;
    } else {
        s.since = now.addDays(-defaultDays);
    }
    s.ownerships = OwnershipTable::load(db).value_or(std::vector<Ownership>());
    s.clocks = InvestigationClocks::readAll(db);
    s.decisions = decisions(db);
    s.triagedInPeriod = triagedSince(db, s.since);
    // The objectives look at the last seven days whatever the period.
    s.samples = HistorySql::load(db, std::min(s.since, now.addDays(-7)));
    s.outbox = OutboxTable::loadSince(db, s.since);
    s.notes = notes(db);
    return s;
}

std::vector<nlohmann::json> exportHandovers(QSqlDatabase &db) {
    std::vector<nlohmann::json> rows;
    for (const HandoverRecord &r : handovers(db, QStringLiteral("ASC"), 100000))
        rows.push_back(recordData(r));
    return rows;
}

std::optional<nlohmann::json> exportNotes(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT notes, saved_at, saved_by FROM handover_notes")) ||
        !q.next())
        return std::nullopt;
    return notesData(q.value(0).toString(), fromMs(q.value(1).toLongLong()), q.value(2).toString());
}

} // namespace HandoverStore
