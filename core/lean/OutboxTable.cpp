// SPDX-License-Identifier: MIT
#include "OutboxTable.h"

#include "core/ownership/OwnershipTable.h"

#include "core/lean/WriteActionJson.h"
#include "core/store/Store.h"

#include "core/sources/connectors/common/JsonFields.h"
#include <QCoreApplication>
#include <QRandomGenerator>

#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

#include <cerrno>
#include <csignal>
#include <optional>

namespace OutboxTable {

namespace {

QVariant ms(const QDateTime &t) {
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMs(const QVariant &v) {
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const QString columns = QStringLiteral(
    "id, action_id, target, payload, state, attempts, last_error, created_at, next_attempt_at, "
    "delivered_at, created_id, created_url");

std::vector<OutboxEntry> readRows(QSqlQuery &query) {
    std::vector<OutboxEntry> rows;
    while (query.next()) {
        OutboxEntry e;
        e.rowId = query.value(0).toLongLong();
        e.actionId = query.value(1).toString();
        e.target = query.value(2).toString();
        QString error;
        const QByteArray payload = query.value(3).toString().toUtf8();
        const nlohmann::json json = nlohmann::json::parse(
            payload.constData(), payload.constData() + payload.size(), nullptr, false);
        if (!writeActionFromJson(json, &e.action, &error))
            e.lastError = error; // kept visible: the user can discard it
        e.state = query.value(4).toString();
        e.attempts = query.value(5).toInt();
        if (e.lastError.isEmpty())
            e.lastError = query.value(6).toString();
        e.createdAt = fromMs(query.value(7));
        e.nextAttemptAt = fromMs(query.value(8));
        e.deliveredAt = fromMs(query.value(9));
        e.createdId = query.value(10).toString();
        e.createdUrl = query.value(11).toString();
        rows.push_back(std::move(e));
    }
    return rows;
}

} // namespace

bool insert(QSqlDatabase &db, std::vector<OutboxEntry> *rows, QString *error,
            const OutboxGuard *guard, QString *refusal) {
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    if (guard && guard->escalation) {
        *refusal = EscalationTable::claim(db, *guard->escalation);
        if (!refusal->isEmpty()) {
            db.rollback();
            rows->clear();
            return true;
        }
    }
    if (guard && guard->ownership) {
        bool failed = false;
        *refusal = OwnershipTable::apply(db, *guard->ownership, &failed);
        if (failed) {
            *error = *refusal;
            refusal->clear();
            db.rollback();
            return false;
        }
        if (!refusal->isEmpty()) {
            db.rollback();
            rows->clear();
            return true;
        }
    }
    // A row already there (a replay, or a reply two instances both finish) stays as it is.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO outbox(action_id, target, kind, payload, idempotency_key, created_at, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(action_id, target) DO NOTHING "
        "RETURNING id"));
    std::vector<OutboxEntry> inserted;
    for (OutboxEntry &e : *rows) {
        q.addBindValue(e.actionId);
        q.addBindValue(e.target);
        q.addBindValue(writeKindName(e.action.kind));
        q.addBindValue(QString::fromStdString(writeActionToJson(e.action).dump()));
        q.addBindValue(e.action.idempotencyKey);
        q.addBindValue(ms(e.createdAt));
        q.addBindValue(ms(e.nextAttemptAt));
        if (!q.exec()) {
            *error = q.lastError().text();
            db.rollback();
            return false;
        }
        if (q.next()) {
            e.rowId = q.value(0).toLongLong();
            inserted.push_back(std::move(e));
        }
        q.finish();
    }
    Store::announce(db, QStringLiteral("outbox"));
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    *rows = std::move(inserted);
    return true;
}

std::optional<std::vector<OutboxEntry>> loadPending(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT ") + columns +
                QStringLiteral(" FROM outbox WHERE state = 'pending' ORDER BY id")))
        return std::nullopt;
    return readRows(q);
}

std::vector<OutboxEntry> loadAction(QSqlDatabase &db, const QString &actionId) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + columns +
              QStringLiteral(" FROM outbox WHERE action_id = ? ORDER BY id"));
    q.addBindValue(actionId);
    q.exec();
    return readRows(q);
}

std::vector<OutboxEntry> loadSince(QSqlDatabase &db, const QDateTime &since) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT ") + columns +
        QStringLiteral(" FROM outbox WHERE created_at >= ? OR state = 'pending' ORDER BY id"));
    q.addBindValue(since.toMSecsSinceEpoch());
    q.exec();
    return readRows(q);
}

Claim claim(QSqlDatabase &db, qint64 rowId, const QString &owner, const QDateTime &now,
            const QDateTime &until, QDateTime *busyUntil) {
    // One statement decides: of two instances updating the same row, the second sees the
    // first's claim (both SQLite and PostgreSQL re-check the WHERE on the row they lock).
    const auto take = [&](const QString &condition, std::initializer_list<QVariant> values) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? "
                                 "AND state = 'pending' AND ") +
                  condition);
        q.addBindValue(owner);
        q.addBindValue(ms(until));
        q.addBindValue(rowId);
        for (const QVariant &value : values)
            q.addBindValue(value);
        return q.exec() && q.numRowsAffected() == 1;
    };
    if (take(QStringLiteral("(claimed_by IS NULL OR claimed_by = ? OR claimed_until IS NULL OR "
                            "claimed_until <= ?)"),
             {owner, ms(now)}))
        return Claim::Claimed;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT state, claimed_by, claimed_until FROM outbox WHERE id = ?"));
    q.addBindValue(rowId);
    if (!q.exec() || !q.next()) {
        if (q.lastError().isValid()) { // the store did not answer: try again later
            *busyUntil = now.addSecs(5);
            return Claim::Busy;
        }
        return Claim::Gone;
    }
    if (q.value(0).toString() != QLatin1String("pending"))
        return Claim::Gone;
    const QString holder = q.value(1).toString();
    // A process of this machine that died holding it: no need to wait for its claim to end.
    if (!ownerAlive(holder) && take(QStringLiteral("claimed_by = ?"), {holder}))
        return Claim::Claimed;
    *busyUntil = fromMs(q.value(2));
    if (!busyUntil->isValid() || *busyUntil <= now)
        *busyUntil = now.addSecs(5);
    return Claim::Busy;
}

bool markDelivered(QSqlDatabase &db, const OutboxEntry &e) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'delivered', attempts = ?, last_error = '', delivered_at = ?, "
        "created_id = ?, created_url = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?"));
    q.addBindValue(e.attempts);
    q.addBindValue(ms(e.deliveredAt));
    q.addBindValue(e.createdId);
    q.addBindValue(e.createdUrl);
    q.addBindValue(e.rowId);
    // One transaction: an acknowledgement accepted is never left without what it made.
    if (!db.transaction())
        return false;
    if (!q.exec() ||
        !OwnershipTable::noteDelivered(db, e.rowId, e.deliveredAt, e.createdId, e.createdUrl) ||
        !db.commit()) {
        db.rollback();
        return false;
    }
    Store::announce(db, QStringLiteral("outbox"));
    return true;
}

bool markFailed(QSqlDatabase &db, const OutboxEntry &e, const QString &owner) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, "
        "claimed_until = NULL WHERE id = ? AND state = 'pending' AND (claimed_by IS NULL OR "
        "claimed_by = ?)"));
    q.addBindValue(e.attempts);
    q.addBindValue(e.lastError);
    q.addBindValue(ms(e.nextAttemptAt));
    q.addBindValue(e.rowId);
    q.addBindValue(owner);
    return q.exec();
}

bool markDiscarded(QSqlDatabase &db, qint64 rowId) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'discarded', claimed_by = NULL WHERE id = ? AND state = "
        "'pending'"));
    q.addBindValue(rowId);
    const bool ok = q.exec();
    if (ok)
        Store::announce(db, QStringLiteral("outbox"));
    return ok;
}

nlohmann::json insertData(const std::vector<OutboxEntry> &rows, const OutboxGuard &guard) {
    nlohmann::json list = nlohmann::json::array();
    for (const OutboxEntry &e : rows)
        list.push_back({{"action_id", e.actionId.toStdString()},
                        {"target", e.target.toStdString()},
                        {"action", writeActionToJson(e.action)},
                        {"created_at", e.createdAt.toMSecsSinceEpoch()},
                        {"next_attempt_at", e.nextAttemptAt.toMSecsSinceEpoch()}});
    nlohmann::json data = {{"rows", list}};
    if (guard.escalation)
        data["claim"] = EscalationTable::toJson(*guard.escalation);
    if (guard.ownership)
        data["ownership"] = OwnershipTable::toJson(*guard.ownership);
    return data;
}

nlohmann::json deliveredData(const OutboxEntry &e) {
    return {{"id", e.rowId},
            {"attempts", e.attempts},
            {"delivered_at", e.deliveredAt.toMSecsSinceEpoch()},
            {"created_id", e.createdId.toStdString()},
            {"created_url", e.createdUrl.toStdString()}};
}

namespace {

qint64 numberAt(const nlohmann::json &json, const char *key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_number_integer() ? it->get<qint64>() : 0;
}

StoreWrite insertFromData(QSqlDatabase &db, const nlohmann::json &data) {
    std::vector<OutboxEntry> rows;
    if (const auto list = data.find("rows"); list != data.end() && list->is_array()) {
        for (const nlohmann::json &r : *list) {
            OutboxEntry e;
            e.actionId = utf8ToQString(jsonString(&r, "action_id"));
            e.target = utf8ToQString(jsonString(&r, "target"));
            QString ignored;
            if (const auto action = r.find("action"); action != r.end())
                writeActionFromJson(*action, &e.action, &ignored);
            e.createdAt = QDateTime::fromMSecsSinceEpoch(numberAt(r, "created_at"), Qt::UTC);
            e.nextAttemptAt =
                QDateTime::fromMSecsSinceEpoch(numberAt(r, "next_attempt_at"), Qt::UTC);
            rows.push_back(std::move(e));
        }
    }
    OutboxGuard guard;
    if (const auto c = data.find("claim"); c != data.end() && c->is_object())
        guard.escalation = EscalationTable::claimFromJson(*c);
    if (const auto o = data.find("ownership"); o != data.end() && o->is_object())
        guard.ownership = OwnershipTable::changeFromJson(*o);
    QString error;
    QString refusal;
    const std::vector<OutboxEntry> asked = rows;
    if (!insert(db, &rows, &error, &guard, &refusal))
        return StoreWrite::failed(error);
    if (!refusal.isEmpty())
        return StoreWrite::refused(refusal);
    // The id of each row asked for, in order; 0 for one that was already there.
    nlohmann::json ids = nlohmann::json::array();
    size_t written = 0;
    for (const OutboxEntry &e : asked) {
        const bool isNew = written < rows.size() && rows[written].actionId == e.actionId &&
                           rows[written].target == e.target;
        ids.push_back(isNew ? rows[written++].rowId : 0);
    }
    return StoreWrite::applied({{"ids", ids}});
}

} // namespace

void addWriters(Store *store) {
    store->addWriter(QStringLiteral("outbox-insert"), insertFromData);
    store->addWriter(QStringLiteral("outbox-delivered"), [](QSqlDatabase &db,
                                                            const nlohmann::json &data) {
        OutboxEntry e;
        e.rowId = numberAt(data, "id");
        e.attempts = static_cast<int>(numberAt(data, "attempts"));
        e.deliveredAt = QDateTime::fromMSecsSinceEpoch(numberAt(data, "delivered_at"), Qt::UTC);
        e.createdId = utf8ToQString(jsonString(&data, "created_id"));
        e.createdUrl = utf8ToQString(jsonString(&data, "created_url"));
        return markDelivered(db, e) ? StoreWrite::applied()
                                    : StoreWrite::failed(QStringLiteral("not marked delivered"));
    });
    store->addWriter(QStringLiteral("outbox-discarded"),
                     [](QSqlDatabase &db, const nlohmann::json &data) {
                         return markDiscarded(db, numberAt(data, "id"))
                                    ? StoreWrite::applied()
                                    : StoreWrite::failed(QStringLiteral("not discarded"));
                     });
}

QString newOwner() {
    return QStringLiteral("%1/%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

bool ownerAlive(const QString &owner) {
    // "host/pid/random"; before 0.2 "pid:random", always this machine's.
    const QStringList parts = owner.split(QLatin1Char('/'));
    if (parts.size() == 3 && parts[0] != QSysInfo::machineHostName())
        return true; // another machine's process: only its claim's end says it is gone
    bool ok = false;
    const qint64 pid =
        (parts.size() == 3 ? parts[1] : owner.section(QLatin1Char(':'), 0, 0)).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    // Signal 0 only checks: the process exists (EPERM: it exists, owned by someone else).
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace OutboxTable
