// SPDX-License-Identifier: MIT
#include "TriageStore.h"

#include "core/sources/connectors/common/JsonFields.h"
#include "core/store/HistorySql.h"

#include <QSqlError>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace {

QString keyOf(const QString &source, const QString &itemId) {
    return source + QChar(0x1f) + itemId;
}

const std::pair<Triage, const char *> names[] = {{Triage::SelfService, "self-service"},
                                                 {Triage::Toil, "toil"},
                                                 {Triage::Bug, "bug"},
                                                 {Triage::Project, "project"}};

} // namespace

QString triageName(Triage triage) {
    for (const auto &[t, name] : names) {
        if (t == triage)
            return QLatin1String(name);
    }
    return {};
}

Triage triageFromName(const QString &name) {
    for (const auto &[t, n] : names) {
        if (name == QLatin1String(n))
            return t;
    }
    return Triage::None;
}

namespace {

// Every decision in the store; empty when it could not be read (unreachable).
std::optional<QHash<QString, TriageDecision>> readDecisions(QSqlDatabase &db) {
    QHash<QString, TriageDecision> rows;
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT source, item_id, decision, decided_at, decided_by FROM triage")))
        return std::nullopt;
    while (q.next())
        rows.insert(keyOf(q.value(0).toString(), q.value(1).toString()),
                    {triageFromName(q.value(2).toString()),
                     QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC),
                     q.value(4).toString()});
    return rows;
}

nlohmann::json decisionToJson(const QString &source, const QString &itemId,
                              const TriageDecision &d) {
    return {{"source", source.toStdString()},
            {"item_id", itemId.toStdString()},
            {"decision", triageName(d.triage).toStdString()},
            {"decided_at", d.decidedAt.toMSecsSinceEpoch()},
            {"decided_by", d.decidedBy.toStdString()}};
}

// What the history counts, once per request whatever instance decided: the first outcome,
// and toil that became a bug. A replayed decision finds its event there already.
// The request's text goes with it: the handover groups the period's requests by what they ask.
bool recordEvent(QSqlDatabase &db, const QString &source, const QString &itemId, const char *kind,
                 const QString &outcome, qint64 at, const QString &title) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO triage_events(source, item_id, kind, outcome, at, title) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(source);
    q.addBindValue(itemId);
    q.addBindValue(QLatin1String(kind));
    q.addBindValue(outcome);
    q.addBindValue(at);
    // Never NULL (a decision copied from a desk has no text): the column is NOT NULL.
    q.addBindValue(title.isNull() ? QStringLiteral("") : title);
    return q.exec();
}

// The latest decision wins, whichever instance writes last; its event goes in the same
// transaction.
StoreWrite writeDecisionLocked(QSqlDatabase &db, const nlohmann::json &data) {
    const QString source = utf8ToQString(jsonString(&data, "source"));
    const QString itemId = utf8ToQString(jsonString(&data, "item_id"));
    const QString decision = utf8ToQString(jsonString(&data, "decision"));
    const QString title = utf8ToQString(jsonString(&data, "title"));
    const auto found = data.find("decided_at");
    const qint64 at = found != data.end() && found->is_number_integer() ? found->get<qint64>() : 0;
    QSqlQuery previous(db);
    previous.prepare(
        QStringLiteral("SELECT decision FROM triage WHERE source = ? AND item_id = ?"));
    previous.addBindValue(source);
    previous.addBindValue(itemId);
    if (!previous.exec())
        return StoreWrite::failed(previous.lastError().text());
    const bool first = !previous.next();
    const Triage before = first ? Triage::None : triageFromName(previous.value(0).toString());
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO triage(source, item_id, decision, decided_at, decided_by) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source, item_id) DO UPDATE SET "
        "decision = excluded.decision, decided_at = excluded.decided_at, "
        "decided_by = excluded.decided_by WHERE excluded.decided_at >= triage.decided_at"));
    q.addBindValue(source);
    q.addBindValue(itemId);
    q.addBindValue(decision);
    q.addBindValue(at);
    q.addBindValue(utf8ToQString(jsonString(&data, "decided_by")));
    if (!q.exec())
        return StoreWrite::failed(q.lastError().text());
    const bool changed = q.numRowsAffected() > 0;
    const Triage now = triageFromName(decision);
    if (changed && first && now != Triage::None &&
        !recordEvent(db, source, itemId, HistorySql::triageEventFirst, decision, at, title))
        return StoreWrite::failed(db.lastError().text());
    if (changed && before == Triage::Toil && now == Triage::Bug &&
        !recordEvent(db, source, itemId, HistorySql::triageEventEscalated, decision, at, title))
        return StoreWrite::failed(db.lastError().text());
    Store::announce(db, QStringLiteral("triage"));
    return StoreWrite::applied();
}

StoreWrite writeDecision(QSqlDatabase &db, const nlohmann::json &data) {
    if (!db.transaction())
        return StoreWrite::failed(db.lastError().text());
    const StoreWrite outcome = writeDecisionLocked(db, data);
    if (outcome.status != StoreWrite::Status::Applied || !db.commit()) {
        const QString why = outcome.reason.isEmpty() ? db.lastError().text() : outcome.reason;
        db.rollback();
        return StoreWrite::failed(why);
    }
    return outcome;
}

} // namespace

TriageStore::TriageStore(Store *store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock) {
    addWriters(store);
}

void TriageStore::addWriters(Store *store) {
    store->addWriter(QStringLiteral("triage"), writeDecision);
}

std::vector<nlohmann::json> TriageStore::exportRows(QSqlDatabase &db) {
    std::vector<nlohmann::json> rows;
    const auto decisions = readDecisions(db).value_or(QHash<QString, TriageDecision>());
    for (auto it = decisions.cbegin(); it != decisions.cend(); ++it)
        rows.push_back(decisionToJson(it.key().section(QChar(0x1f), 0, 0),
                                      it.key().section(QChar(0x1f), 1), it.value()));
    return rows;
}

void TriageStore::load() {
    m_store->post(readDecisions, this, [this](std::optional<QHash<QString, TriageDecision>> rows) {
        if (rows)
            merge(*rows);
        Q_EMIT loaded();
    });
    // Decisions made here while a team store was away (before a restart, too) show meanwhile.
    m_store->readJournal(QStringLiteral("triage"), this, [this](std::vector<nlohmann::json> data) {
        QHash<QString, TriageDecision> rows;
        for (const nlohmann::json &d : data) {
            const auto at = d.find("decided_at");
            const TriageDecision decision{
                triageFromName(utf8ToQString(jsonString(&d, "decision"))),
                QDateTime::fromMSecsSinceEpoch(
                    at != d.end() && at->is_number_integer() ? at->get<qint64>() : 0, Qt::UTC),
                utf8ToQString(jsonString(&d, "decided_by"))};
            rows.insert(keyOf(utf8ToQString(jsonString(&d, "source")),
                              utf8ToQString(jsonString(&d, "item_id"))),
                        decision); // oldest first: the latest stays
        }
        merge(rows);
    });
}

void TriageStore::merge(const QHash<QString, TriageDecision> &rows) {
    // A decision made here and not written yet is newer than what the store said: it stays.
    // Two in the same millisecond (taken, then escalated): the store's, the last written, wins.
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const auto known = m_decisions.constFind(it.key());
        if (known != m_decisions.cend() &&
            (known->decidedAt > it->decidedAt ||
             (known->decidedAt == it->decidedAt && known->triage == it->triage &&
              known->decidedBy == it->decidedBy)))
            continue;
        m_decisions.insert(it.key(), it.value());
        const QString source = it.key().section(QChar(0x1f), 0, 0);
        const QString itemId = it.key().section(QChar(0x1f), 1);
        Q_EMIT changed(source, itemId);
    }
}

void TriageStore::decide(const QString &source, const QString &itemId, Triage triage,
                         const QString &by, const QString &title) {
    const TriageDecision d{triage, m_clock.now(), by};
    m_decisions.insert(keyOf(source, itemId), d);
    m_store->write(QStringLiteral("triage"), {{"source", source.toStdString()},
                                              {"item_id", itemId.toStdString()},
                                              {"decision", triageName(d.triage).toStdString()},
                                              {"decided_at", d.decidedAt.toMSecsSinceEpoch()},
                                              {"decided_by", d.decidedBy.toStdString()},
                                              {"title", title.toStdString()}});
    Q_EMIT changed(source, itemId);
}

TriageDecision TriageStore::decision(const QString &source, const QString &itemId) const {
    return m_decisions.value(keyOf(source, itemId));
}
