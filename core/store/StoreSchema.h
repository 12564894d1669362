// SPDX-License-Identifier: MIT
// The lean state's tables, one versioned schema for SQLite and PostgreSQL: investigation
// clocks, triage decisions, escalations and their claims, the outbox, the history. Store::open()
// brings a database up to this binary's version, in one transaction that one instance at a time
// runs; a database written by a newer dutyboard is refused, never altered.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace StoreSchema {

// The version this binary writes. 1: the lean tables of 0.1 plus escalation_claims. 2: the
// history, triage events (what the history counts), wall acknowledgements, the on-duty name.
// 3: ownerships (who acknowledged what). 4: the handover: handovers done, the notes being
// written, and each triage event's request text (the toil candidates group them).
constexpr int version = 4;

// Brings `db` to `version`. False with `error` when it cannot: a newer schema, or SQL refused.
bool migrate(QSqlDatabase &db, QString *error);
// The version `db` is at: 0 for none (a new database, or one from before versions).
int versionOf(QSqlDatabase &db);

bool isPostgres(const QSqlDatabase &db);

} // namespace StoreSchema
