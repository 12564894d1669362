// SPDX-License-Identifier: MIT
// One record of the board's history and the totals the trend charts draw from a run of them:
// per week (incidents, andons, time to resolve) and per day (requests by triage outcome).
#pragma once

#include <QDateTime>

#include <array>
#include <optional>
#include <vector>

class Board;

// The triage outcomes in chart order: [0] self-service, [1] toil, [2] bug, [3] project.
inline constexpr int triageOutcomeCount = 4;

struct HistorySample {
    QDateTime at; // UTC, second resolution
    int requestsOpen = 0;
    int bugsOpen = 0;
    qint64 oldestBugAgeS = 0;            // 0 without bugs
    std::array<int, 5> incidentsBySev{}; // [0]: SEV-1 … [4]: unknown severity
    int andonsOpen = 0;
    // What happened since the previous sample: summed per day or week for the charts, and
    // summed again when old rows are downsampled.
    std::array<int, 5> incidentsNewBySev{}; // appeared (by creation time)
    int andonsRaised = 0;
    std::array<int, triageOutcomeCount> triaged{}; // requests given their first outcome
    int escalated = 0;                             // investigations (toil) escalated to a bug
    int andonsResolved = 0;
    std::vector<qint64> resolveS; // each incident resolved: its time to resolve, seconds

    int incidentsOpen() const;
    bool operator==(const HistorySample &other) const;
};
using HistorySamples = std::vector<HistorySample>;

// The counts on `board` at `at`; "new" counts items created in (since, at] (pure). The
// triage, escalation and resolution counts are not on a board: the caller adds them.
HistorySample sampleBoard(const Board &board, const QDateTime &at, const QDateTime &since);

// One week's totals, weeks starting Monday (or seven days from `monday` for the rolling week).
struct HistoryWeek {
    QDate monday;
    std::array<int, 5> incidentsBySev{};
    int andons = 0;
    int andonsResolved = 0;
    std::array<int, triageOutcomeCount> triaged{};
    int escalated = 0;
    std::vector<qint64> resolveS;
    int incidents() const;
    // The median time to resolve; unset when no incident was resolved.
    std::optional<qint64> medianResolveS() const;
    // Toil among the triaged requests, 0..100; unset when none was triaged.
    std::optional<double> runPercent() const;
};
// The totals of the seven days up to `now`: a rolling week, for the objectives.
HistoryWeek historyLastSevenDays(const HistorySamples &samples, const QDateTime &now);
// The `weeks` weeks ending with the one holding `now`, oldest first; empty weeks included.
std::vector<HistoryWeek> historyWeeks(const HistorySamples &samples, const QDateTime &now,
                                      int weeks);

// One calendar day (UTC) of requests triaged, by outcome.
struct HistoryDay {
    QDate day;
    std::array<int, triageOutcomeCount> triaged{};
};
// The `days` days ending with today (of `now`), oldest first; empty days included.
std::vector<HistoryDay> historyDays(const HistorySamples &samples, const QDateTime &now, int days);
