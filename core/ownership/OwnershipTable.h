// SPDX-License-Identifier: MIT
// The ownerships' table, as plain functions on the store's thread. A change goes in with the
// outbox rows that make it in the source (OutboxTable::insert), so both are there or neither.
#pragma once

#include "core/ownership/Ownership.h"

#include <nlohmann/json.hpp>

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace OwnershipTable {

// Applies `change`. Empty when done; otherwise why not, for a person ("chloe took it at
// 14:02"), or the store's error (`*failed` then true). Announces "ownership" when done.
QString apply(QSqlDatabase &db, const OwnershipChange &change, bool *failed);
// The outbox row `rowId` was accepted by its target: the ownership it acknowledges records the
// time, and what the source made (`createdId`, `createdUrl`: a silence), when it says.
bool noteDelivered(QSqlDatabase &db, qint64 rowId, const QDateTime &at, const QString &createdId,
                   const QString &createdUrl);
// Every ownership; nullopt when the store did not answer.
std::optional<std::vector<Ownership>> load(QSqlDatabase &db);

nlohmann::json toJson(const OwnershipChange &change);
OwnershipChange changeFromJson(const nlohmann::json &json);

} // namespace OwnershipTable
