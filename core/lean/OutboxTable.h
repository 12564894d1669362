// SPDX-License-Identifier: MIT
// The outbox's table: one row per (action, target), written before anything is sent. Plain
// functions run on the Store's thread; the Outbox schedules them. Every change is announced to
// the instances sharing the store.
#pragma once

#include "core/lean/OutboxGuard.h"
#include "core/lean/WriteAction.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

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

class Store;

namespace OutboxTable {

// One transaction for every target: all rows are in the store, or none. Leaves in `rows` the
// ones written, with their ids (a row already there, same action and target, stays as it was).
// With a `guard` (a bug that escalates a request, a change of owner), it goes first in the same
// transaction; when it does not hold: true, `rows` empty and `refusal` says why.
bool insert(QSqlDatabase &db, std::vector<OutboxEntry> *rows, QString *error,
            const OutboxGuard *guard = nullptr, QString *refusal = nullptr);

// The outbox's writes as Store writers (journaled while a team store does not answer):
// "outbox-insert" {rows, claim?, ownership?} answers {"ids": [...]} (0 for a row already there);
// "outbox-delivered" and "outbox-discarded" mark one row.
void addWriters(Store *store);
nlohmann::json insertData(const std::vector<OutboxEntry> &rows, const OutboxGuard &guard);
nlohmann::json deliveredData(const OutboxEntry &entry);
// Every pending row, oldest first; empty when the store did not answer.
std::optional<std::vector<OutboxEntry>> loadPending(QSqlDatabase &db);
// The rows of one action, whatever their state (the command line reports on them).
std::vector<OutboxEntry> loadAction(QSqlDatabase &db, const QString &actionId);
// The rows created since `since`, and every row still pending, oldest first (the handover).
std::vector<OutboxEntry> loadSince(QSqlDatabase &db, const QDateTime &since);

enum class Claim { Claimed, Gone, Busy };
// Takes a pending row for this process until `until`, unless another live process holds it
// (Busy: `busyUntil` says until when) or it is no longer pending (Gone: delivered elsewhere).
Claim claim(QSqlDatabase &db, qint64 rowId, const QString &owner, const QDateTime &now,
            const QDateTime &until, QDateTime *busyUntil);
// Also records, on the ownership the row acknowledges, when and what the source made.
bool markDelivered(QSqlDatabase &db, const OutboxEntry &entry);
// Only by `owner`'s claim, or on a row nobody claims: a failure never clears another
// process's claim on a row it is sending.
bool markFailed(QSqlDatabase &db, const OutboxEntry &entry, const QString &owner);
bool markDiscarded(QSqlDatabase &db, qint64 rowId);

// "<host>/<pid>/<random>", one per outbox: another process of the same machine can see it is
// gone; another machine's waits for the end of its claim; two outboxes of one process (two
// instances in a test) are two owners.
QString newOwner();
bool ownerAlive(const QString &owner);

} // namespace OutboxTable
