// SPDX-License-Identifier: MIT
// The outbox's SQLite table: one row per (action, target), written before anything is sent.
// Plain functions run on the LocalStore thread; the Outbox schedules them.
#pragma once

#include "core/lean/WriteAction.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

struct OutboxEntry {
    qint64 rowId = 0;
    QString actionId; // one per action, shared by its targets; also its idempotency key
    QString target;   // the source whose connector makes the call
    WriteAction action;
    QString state = QStringLiteral("pending"); // pending, delivered, discarded
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime deliveredAt;
    QString createdId; // what the target answered: the new bug's key…
    QString createdUrl;
};

namespace OutboxTable {

bool createSchema(QSqlDatabase &db, QString *error);
// One transaction for every target: all rows are on disk, or none.
bool insert(QSqlDatabase &db, std::vector<OutboxEntry> *rows, QString *error);
// Every pending row, oldest first.
std::vector<OutboxEntry> loadPending(QSqlDatabase &db);
// The rows of one action, whatever their state (the command line reports on them).
std::vector<OutboxEntry> loadAction(QSqlDatabase &db, const QString &actionId);

enum class Claim { Claimed, Gone, Busy };
// Takes a pending row for this process until `until`, unless another live process holds it
// (Busy: `busyUntil` says until when) or it is no longer pending (Gone: delivered elsewhere).
Claim claim(QSqlDatabase &db, qint64 rowId, const QString &owner, const QDateTime &now,
            const QDateTime &until, QDateTime *busyUntil);
bool markDelivered(QSqlDatabase &db, const OutboxEntry &entry);
bool markFailed(QSqlDatabase &db, const OutboxEntry &entry);
bool markDiscarded(QSqlDatabase &db, qint64 rowId);

// "<pid>:<random>" for this process; the pid part lets another process see it is gone.
QString processOwner();
bool ownerAlive(const QString &owner);

} // namespace OutboxTable
