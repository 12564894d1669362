// SPDX-License-Identifier: MIT
// The outbox's table: one row per (action, target), written before anything is sent. Plain
// functions run on the Store's thread; the Outbox schedules them. Every change is announced to
// the instances sharing the store.
#pragma once

#include "core/lean/WriteAction.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
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

// Runs inside insert()'s transaction before the rows go in: a non-empty answer refuses the
// action (nothing is written) and says why ("already escalated by …").
using Guard = std::function<QString(QSqlDatabase &db)>;
// One transaction for every target: all rows are in the store, or none. Leaves in `rows` the
// ones written, with their ids (a row already there, same action and target, stays as it was).
// `guard` refused: true, `rows` empty and `refusal` set.
bool insert(QSqlDatabase &db, std::vector<OutboxEntry> *rows, QString *error,
            const Guard &guard = {}, QString *refusal = nullptr);
// Every pending row, oldest first; empty when the store did not answer.
std::optional<std::vector<OutboxEntry>> loadPending(QSqlDatabase &db);
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

// "<host>/<pid>/<random>", one per outbox: another process of the same machine can see it is
// gone; another machine's waits for the end of its claim; two outboxes of one process (two
// instances in a test) are two owners.
QString newOwner();
bool ownerAlive(const QString &owner);

} // namespace OutboxTable
