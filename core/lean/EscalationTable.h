// SPDX-License-Identifier: MIT
// The escalations' tables, as plain functions on the store's thread: a request's claim (one bug
// per request, whoever asks first) and its escalation row. The escalation's bug goes into the
// outbox in the same transaction as the claim (OutboxTable::insert).
#pragma once

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

struct Escalation {
    QString actionId; // the CreateBug action in the outbox
    QString source;   // the request
    QString itemId;
    QString title;
    QString state = QStringLiteral("filing"); // filing, filed, done
    QString bugId;
    QString bugUrl;
    QString bugTarget;        // the source that filed it, when the answer named no id or link
    bool replyQueued = false; // loaded rows: the reply is already in the outbox
};

// Who escalates a request, and when: what a claim records.
struct EscalationClaim {
    Escalation escalation;
    QString by;
    QDateTime at;
};

namespace EscalationTable {

// Writes the row; a state never goes back (filing, filed, done), whichever instance writes.
bool write(QSqlDatabase &db, const Escalation &escalation);
// Claims the request for this escalation and writes its row (filing). Empty when claimed;
// otherwise who escalated it first and when ("… was already escalated by victor at 14:02"), or
// the store's error.
QString claim(QSqlDatabase &db, const EscalationClaim &claim);

nlohmann::json toJson(const Escalation &escalation);
Escalation escalationFromJson(const nlohmann::json &json);
nlohmann::json toJson(const EscalationClaim &claim);
EscalationClaim claimFromJson(const nlohmann::json &json);

} // namespace EscalationTable
