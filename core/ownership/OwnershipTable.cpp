// SPDX-License-Identifier: MIT
#include "OwnershipTable.h"

#include "core/sources/connectors/common/JsonFields.h"
#include "core/store/Store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace OwnershipTable {

namespace {

QVariant ms(const QDateTime &time) {
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

// Text as the columns take it: QtSql binds a null QString as SQL NULL, and the text columns
// are NOT NULL ("" for no target, no expected owner).
QVariant text(const QString &value) {
    return QVariant(value.isNull() ? QStringLiteral("") : value);
}

QDateTime fromMs(const QVariant &value) {
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const char *const columns = "source, item_id, kind, title, owner, owned_since, action_id, target, "
                            "acknowledged_at, reference, reference_url, ends_at";

// Who owns the item now, and since when ("" when nobody); nullopt on the store's error.
std::optional<std::pair<QString, QDateTime>> currentOwner(QSqlDatabase &db, const Ownership &o) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT owner, owned_since FROM ownerships WHERE source = ? AND "
                             "item_id = ?"));
    q.addBindValue(o.source);
    q.addBindValue(o.itemId);
    if (!q.exec())
        return std::nullopt;
    if (!q.next())
        return std::pair{QString(), QDateTime()};
    return std::pair{q.value(0).toString(), fromMs(q.value(1))};
}

QString tookIt(const std::pair<QString, QDateTime> &holder) {
    return QStringLiteral("%1 took it at %2")
        .arg(holder.first, holder.second.toLocalTime().toString(QStringLiteral("HH:mm")));
}

QString take(QSqlDatabase &db, const OwnershipChange &change, bool *failed) {
    const Ownership &o = change.ownership;
    QSqlQuery q(db);
    // Nobody owns it: the first insert wins (the primary key decides between two screens).
    q.prepare(QStringLiteral("INSERT INTO ownerships(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, "
                             "NULL, NULL, ?) ON CONFLICT(source, item_id) DO NOTHING")
                  .arg(QLatin1String(columns)));
    for (const QVariant &v :
         {text(o.source), text(o.itemId), text(itemKindPanelName(o.kind)), text(o.title),
          text(o.owner), ms(o.since), text(o.actionId), text(o.target), ms(o.endsAt)})
        q.addBindValue(v);
    if (!q.exec()) {
        *failed = true;
        return q.lastError().text();
    }
    if (q.numRowsAffected() > 0)
        return {};
    // Someone owns it: taken over only from the owner this screen showed.
    const auto holder = currentOwner(db, o);
    if (!holder) {
        *failed = true;
        return db.lastError().text();
    }
    if (holder->first == o.owner)
        return QStringLiteral("%1 already owns it").arg(o.owner);
    if (holder->first != change.expectedOwner)
        return tookIt(*holder);
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE ownerships SET kind = ?, title = ?, owner = ?, owned_since = ?, action_id = ?, "
        "target = ?, acknowledged_at = NULL, reference = NULL, reference_url = NULL, ends_at = ? "
        "WHERE source = ? AND item_id = ? AND owner = ?"));
    for (const QVariant &v : {text(itemKindPanelName(o.kind)), text(o.title), text(o.owner),
                              ms(o.since), text(o.actionId), text(o.target), ms(o.endsAt),
                              text(o.source), text(o.itemId), text(change.expectedOwner)})
        update.addBindValue(v);
    if (!update.exec()) {
        *failed = true;
        return update.lastError().text();
    }
    return update.numRowsAffected() > 0 ? QString() : tookIt(*holder);
}

QString renew(QSqlDatabase &db, const OwnershipChange &change, bool *failed) {
    const Ownership &o = change.ownership;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE ownerships SET action_id = ?, ends_at = ? WHERE source = ? "
                             "AND item_id = ? AND ends_at = ?"));
    for (const QVariant &v : {text(o.actionId), ms(o.endsAt), text(o.source), text(o.itemId),
                              ms(change.expectedEndsAt)})
        q.addBindValue(v);
    if (!q.exec()) {
        *failed = true;
        return q.lastError().text();
    }
    return q.numRowsAffected() > 0 ? QString() : QStringLiteral("already renewed");
}

QString release(QSqlDatabase &db, const OwnershipChange &change, bool *failed) {
    const Ownership &o = change.ownership;
    QSqlQuery q(db);
    if (change.expectedActionId.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM ownerships WHERE source = ? AND item_id = ?"));
    } else {
        q.prepare(QStringLiteral(
            "DELETE FROM ownerships WHERE source = ? AND item_id = ? AND action_id = ?"));
    }
    q.addBindValue(o.source);
    q.addBindValue(o.itemId);
    if (!change.expectedActionId.isEmpty())
        q.addBindValue(change.expectedActionId);
    if (!q.exec()) {
        *failed = true;
        return q.lastError().text();
    }
    return q.numRowsAffected() > 0 ? QString() : QStringLiteral("nobody owns it any more");
}

Ownership readRow(const QSqlQuery &q) {
    Ownership o;
    o.source = q.value(0).toString();
    o.itemId = q.value(1).toString();
    itemKindFromPanelName(q.value(2).toString(), &o.kind);
    o.title = q.value(3).toString();
    o.owner = q.value(4).toString();
    o.since = fromMs(q.value(5));
    o.actionId = q.value(6).toString();
    o.target = q.value(7).toString();
    o.acknowledged = fromMs(q.value(8));
    o.reference = q.value(9).toString();
    o.referenceUrl = q.value(10).toString();
    o.endsAt = fromMs(q.value(11));
    return o;
}

std::string s(const QString &text) {
    return text.toStdString();
}

qint64 msAt(const nlohmann::json &json, const char *key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_number_integer() ? it->get<qint64>() : 0;
}

QDateTime timeAt(const nlohmann::json &json, const char *key) {
    const qint64 value = msAt(json, key);
    return value > 0 ? QDateTime::fromMSecsSinceEpoch(value, Qt::UTC) : QDateTime();
}

QString textAt(const nlohmann::json &json, const char *key) {
    return utf8ToQString(jsonString(&json, key));
}

} // namespace

QString apply(QSqlDatabase &db, const OwnershipChange &change, bool *failed) {
    *failed = false;
    QString refusal;
    switch (change.op) {
    case OwnershipChange::Op::Take:
        refusal = take(db, change, failed);
        break;
    case OwnershipChange::Op::Renew:
        refusal = renew(db, change, failed);
        break;
    case OwnershipChange::Op::Release:
        refusal = release(db, change, failed);
        break;
    }
    if (refusal.isEmpty())
        Store::announce(db, QStringLiteral("ownership"));
    return refusal;
}

bool noteDelivered(QSqlDatabase &db, qint64 rowId, const QDateTime &at, const QString &createdId,
                   const QString &createdUrl) {
    QSqlQuery q(db);
    // What the source made stays when a later answer names nothing (a renewal in place).
    q.prepare(QStringLiteral(
        "UPDATE ownerships SET acknowledged_at = ?, reference = CASE WHEN ? = '' THEN reference "
        "ELSE ? END, reference_url = CASE WHEN ? = '' THEN reference_url ELSE ? END WHERE "
        "action_id = (SELECT action_id FROM outbox WHERE id = ?) AND target = (SELECT target "
        "FROM outbox WHERE id = ?)"));
    for (const QVariant &v : {ms(at), text(createdId), text(createdId), text(createdUrl),
                              text(createdUrl), QVariant(rowId), QVariant(rowId)})
        q.addBindValue(v);
    if (!q.exec())
        return false;
    if (q.numRowsAffected() > 0)
        Store::announce(db, QStringLiteral("ownership"));
    return true;
}

std::optional<std::vector<Ownership>> load(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM ownerships").arg(QLatin1String(columns))))
        return std::nullopt;
    std::vector<Ownership> rows;
    while (q.next())
        rows.push_back(readRow(q));
    return rows;
}

nlohmann::json toJson(const OwnershipChange &change) {
    static const char *const ops[] = {"take", "renew", "release"};
    const Ownership &o = change.ownership;
    return {{"op", ops[static_cast<int>(change.op)]},
            {"source", s(o.source)},
            {"item_id", s(o.itemId)},
            {"kind", s(itemKindPanelName(o.kind))},
            {"title", s(o.title)},
            {"owner", s(o.owner)},
            {"since", o.since.isValid() ? o.since.toMSecsSinceEpoch() : 0},
            {"action_id", s(o.actionId)},
            {"target", s(o.target)},
            {"ends_at", o.endsAt.isValid() ? o.endsAt.toMSecsSinceEpoch() : 0},
            {"expected_owner", s(change.expectedOwner)},
            {"expected_ends_at",
             change.expectedEndsAt.isValid() ? change.expectedEndsAt.toMSecsSinceEpoch() : 0},
            {"expected_action_id", s(change.expectedActionId)}};
}

OwnershipChange changeFromJson(const nlohmann::json &json) {
    OwnershipChange change;
    const QString op = textAt(json, "op");
    change.op = op == QLatin1String("renew")     ? OwnershipChange::Op::Renew
                : op == QLatin1String("release") ? OwnershipChange::Op::Release
                                                 : OwnershipChange::Op::Take;
    Ownership &o = change.ownership;
    o.source = textAt(json, "source");
    o.itemId = textAt(json, "item_id");
    itemKindFromPanelName(textAt(json, "kind"), &o.kind);
    o.title = textAt(json, "title");
    o.owner = textAt(json, "owner");
    o.since = timeAt(json, "since");
    o.actionId = textAt(json, "action_id");
    o.target = textAt(json, "target");
    o.endsAt = timeAt(json, "ends_at");
    change.expectedOwner = textAt(json, "expected_owner");
    change.expectedEndsAt = timeAt(json, "expected_ends_at");
    change.expectedActionId = textAt(json, "expected_action_id");
    return change;
}

} // namespace OwnershipTable
