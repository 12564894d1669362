// SPDX-License-Identifier: MIT
#include "EscalationTable.h"

#include "core/store/Store.h"

#include "core/sources/connectors/common/JsonFields.h"

#include <QSqlError>
#include <QSqlQuery>

namespace EscalationTable {

bool write(QSqlDatabase &db, const Escalation &e) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO escalations(action_id, source, item_id, title, state, bug_id, bug_url, "
        "bug_target) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(action_id) DO UPDATE SET "
        "state = CASE WHEN escalations.state = 'done' OR excluded.state = 'filing' "
        "THEN escalations.state ELSE excluded.state END, "
        "bug_id = COALESCE(NULLIF(excluded.bug_id, ''), escalations.bug_id), "
        "bug_url = COALESCE(NULLIF(excluded.bug_url, ''), escalations.bug_url), "
        "bug_target = COALESCE(NULLIF(excluded.bug_target, ''), escalations.bug_target)"));
    for (const QString &v :
         {e.actionId, e.source, e.itemId, e.title, e.state, e.bugId, e.bugUrl, e.bugTarget})
        q.addBindValue(v);
    const bool ok = q.exec();
    if (ok)
        Store::announce(db, QStringLiteral("escalations"));
    return ok;
}

QString claim(QSqlDatabase &db, const EscalationClaim &c) {
    const Escalation &e = c.escalation;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO escalation_claims(source, item_id, action_id, "
                             "claimed_by, claimed_at) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT(source, item_id) DO NOTHING"));
    q.addBindValue(e.source);
    q.addBindValue(e.itemId);
    q.addBindValue(e.actionId);
    q.addBindValue(c.by);
    q.addBindValue(c.at.toMSecsSinceEpoch());
    if (!q.exec())
        return QStringLiteral("the escalation could not be recorded: %1").arg(q.lastError().text());
    if (q.numRowsAffected() == 1)
        return write(db, e) ? QString() : QStringLiteral("the escalation could not be recorded");
    QSqlQuery holder(db);
    holder.prepare(QStringLiteral("SELECT claimed_by, claimed_at, action_id FROM escalation_claims "
                                  "WHERE source = ? AND item_id = ?"));
    holder.addBindValue(e.source);
    holder.addBindValue(e.itemId);
    if (!holder.exec() || !holder.next())
        return QStringLiteral("already escalated");
    if (holder.value(2).toString() == e.actionId)
        return QString(); // this very claim, replayed
    const QString who = holder.value(0).toString();
    const QDateTime when =
        QDateTime::fromMSecsSinceEpoch(holder.value(1).toLongLong(), Qt::UTC).toLocalTime();
    return QStringLiteral("\u201C%1\u201D was already escalated by %2 at %3")
        .arg(e.title, who.isEmpty() ? QStringLiteral("someone") : who,
             when.toString(QStringLiteral("HH:mm")));
}

nlohmann::json toJson(const Escalation &e) {
    return {{"action_id", e.actionId.toStdString()}, {"source", e.source.toStdString()},
            {"item_id", e.itemId.toStdString()},     {"title", e.title.toStdString()},
            {"state", e.state.toStdString()},        {"bug_id", e.bugId.toStdString()},
            {"bug_url", e.bugUrl.toStdString()},     {"bug_target", e.bugTarget.toStdString()}};
}

Escalation escalationFromJson(const nlohmann::json &json) {
    Escalation e;
    e.actionId = utf8ToQString(jsonString(&json, "action_id"));
    e.source = utf8ToQString(jsonString(&json, "source"));
    e.itemId = utf8ToQString(jsonString(&json, "item_id"));
    e.title = utf8ToQString(jsonString(&json, "title"));
    e.state = utf8ToQString(jsonString(&json, "state"));
    e.bugId = utf8ToQString(jsonString(&json, "bug_id"));
    e.bugUrl = utf8ToQString(jsonString(&json, "bug_url"));
    e.bugTarget = utf8ToQString(jsonString(&json, "bug_target"));
    return e;
}

nlohmann::json toJson(const EscalationClaim &c) {
    return {{"escalation", toJson(c.escalation)},
            {"by", c.by.toStdString()},
            {"at", c.at.toMSecsSinceEpoch()}};
}

EscalationClaim claimFromJson(const nlohmann::json &json) {
    EscalationClaim c;
    if (const auto e = json.find("escalation"); e != json.end() && e->is_object())
        c.escalation = escalationFromJson(*e);
    c.by = utf8ToQString(jsonString(&json, "by"));
    const auto at = json.find("at");
    c.at = QDateTime::fromMSecsSinceEpoch(
        at != json.end() && at->is_number_integer() ? at->get<qint64>() : 0, Qt::UTC);
    return c;
}

} // namespace EscalationTable
