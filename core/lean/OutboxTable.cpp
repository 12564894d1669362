// SPDX-License-Identifier: MIT
#include "OutboxTable.h"

#include "core/lean/WriteActionJson.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cerrno>
#include <csignal>

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

bool createSchema(QSqlDatabase &db, QString *error) {
    QSqlQuery q(db);
    const bool ok =
        q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox("
                              " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                              " action_id TEXT NOT NULL,"
                              " target TEXT NOT NULL,"
                              " kind TEXT NOT NULL,"
                              " payload TEXT NOT NULL,"
                              " idempotency_key TEXT NOT NULL,"
                              " state TEXT NOT NULL DEFAULT 'pending',"
                              " attempts INTEGER NOT NULL DEFAULT 0,"
                              " last_error TEXT NOT NULL DEFAULT '',"
                              " created_at INTEGER NOT NULL,"
                              " next_attempt_at INTEGER NOT NULL,"
                              " delivered_at INTEGER,"
                              " created_id TEXT, created_url TEXT,"
                              " claimed_by TEXT, claimed_until INTEGER,"
                              " UNIQUE(action_id, target))")) &&
        q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, id)"));
    if (!ok && error)
        *error = q.lastError().text();
    return ok;
}

bool insert(QSqlDatabase &db, std::vector<OutboxEntry> *rows, QString *error) {
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO outbox(action_id, target, kind, payload, idempotency_key, created_at, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
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
        e.rowId = q.lastInsertId().toLongLong();
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

std::vector<OutboxEntry> loadPending(QSqlDatabase &db) {
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT ") + columns +
           QStringLiteral(" FROM outbox WHERE state = 'pending' ORDER BY id"));
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

Claim claim(QSqlDatabase &db, qint64 rowId, const QString &owner, const QDateTime &now,
            const QDateTime &until, QDateTime *busyUntil) {
    // One transaction: two processes on one file cannot both take the row.
    QSqlQuery begin(db);
    begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT state, claimed_by, claimed_until FROM outbox WHERE id = ?"));
    q.addBindValue(rowId);
    Claim result = Claim::Gone;
    if (q.exec() && q.next() && q.value(0).toString() == QLatin1String("pending")) {
        const QString holder = q.value(1).toString();
        const QDateTime heldUntil = fromMs(q.value(2));
        if (!holder.isEmpty() && holder != owner && heldUntil.isValid() && heldUntil > now &&
            ownerAlive(holder)) {
            result = Claim::Busy;
            *busyUntil = heldUntil;
        } else {
            QSqlQuery take(db);
            take.prepare(
                QStringLiteral("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?"));
            take.addBindValue(owner);
            take.addBindValue(ms(until));
            take.addBindValue(rowId);
            result = take.exec() ? Claim::Claimed : Claim::Busy;
            if (result == Claim::Busy)
                *busyUntil = now.addSecs(5);
        }
    }
    QSqlQuery end(db);
    end.exec(QStringLiteral("COMMIT"));
    return result;
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
    return q.exec();
}

bool markFailed(QSqlDatabase &db, const OutboxEntry &e) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, "
        "claimed_until = NULL WHERE id = ? AND state = 'pending'"));
    q.addBindValue(e.attempts);
    q.addBindValue(e.lastError);
    q.addBindValue(ms(e.nextAttemptAt));
    q.addBindValue(e.rowId);
    return q.exec();
}

bool markDiscarded(QSqlDatabase &db, qint64 rowId) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'discarded', claimed_by = NULL WHERE id = ? AND state = "
        "'pending'"));
    q.addBindValue(rowId);
    return q.exec();
}

QString processOwner() {
    static const QString owner =
        QStringLiteral("%1:%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    return owner;
}

bool ownerAlive(const QString &owner) {
    bool ok = false;
    const qint64 pid = owner.section(QLatin1Char(':'), 0, 0).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    // Signal 0 only checks: the process exists (EPERM: it exists, owned by someone else).
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace OutboxTable
