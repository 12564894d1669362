// SPDX-License-Identifier: MIT
// The handover's part of the lean state: each handover done (it starts the next period), the
// notes the outgoing person is writing, and the one read that gathers what the report needs
// from the state for a period. SQLite or PostgreSQL alike (StoreSchema version 4).
#pragma once

#include "core/handover/HandoverReport.h"
#include "core/store/Store.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

struct HandoverRecord {
    QDateTime at; // the next period starts here
    QString from;
    QString to;
    QDateTime since; // the period it closed
    QString notes;
};

// What the state holds for a report (HandoverInputs' part that is not the board).
struct HandoverState {
    QDateTime since;
    bool sinceLastHandover = false;
    std::optional<HandoverRecord> last;
    std::vector<Ownership> ownerships;
    std::vector<InvestigationClock> clocks;
    std::vector<HandoverTriaged> decisions;
    std::vector<HandoverTriaged> triagedInPeriod;
    HistorySamples samples;
    std::vector<OutboxEntry> outbox;
    QString notes;
    bool readable = true; // false: the store did not answer
};

namespace HandoverStore {

// How far back a report goes without a handover recorded nor a --since.
inline constexpr int defaultDays = 7;

// The "handover" writer (a handover done: it clears the notes written before it) and the
// "handover-notes" writer (the latest saved wins).
void addWriters(Store *store);
nlohmann::json recordData(const HandoverRecord &record);
nlohmann::json notesData(const QString &notes, const QDateTime &savedAt, const QString &savedBy);

std::optional<HandoverRecord> lastHandover(QSqlDatabase &db);
QString notes(QSqlDatabase &db);
// Everything the report reads for the period from `since` (invalid: since the last handover,
// else defaultDays before `now`) to `now`.
HandoverState read(QSqlDatabase &db, const QDateTime &since, const QDateTime &now);

// Every handover and the notes as writer data (state copy), oldest first.
std::vector<nlohmann::json> exportHandovers(QSqlDatabase &db);
std::optional<nlohmann::json> exportNotes(QSqlDatabase &db);

} // namespace HandoverStore
