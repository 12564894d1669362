// SPDX-License-Identifier: MIT
// The handover: what the outgoing person on the RUN passes on, built from the live board and
// the lean state's record of the period (by default since the last handover, else 7 days).
// Open now (incidents, andons waiting, the bug queue, requests pending and under
// investigation, each with its owner and age), the period (requests by triage outcome and the
// RUN share, escalations, incidents, andons and their decisions, actions still in the outbox,
// objectives), the toil candidates and the notes. Built by a pure function from plain inputs:
// the command line, the dialog and the tests give the same inputs the same report.
#pragma once

#include "core/attention/ObjectiveStatus.h"
#include "core/board/Item.h"
#include "core/config/LeanConfig.h"
#include "core/config/Objectives.h"
#include "core/handover/ToilCandidates.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/OutboxTable.h"
#include "core/lean/TriageStore.h"
#include "core/ownership/Ownership.h"
#include "core/store/HistorySample.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>
#include <vector>

// One item open now.
struct HandoverItem {
    ItemKind kind = ItemKind::Incident;
    QString source;
    QString id;
    QString title;
    QString state;
    QString url;
    QString owner;      // dutyboard's owner, else the source's; empty: unowned
    qint64 ageS = -1;   // -1: the source did not say when it was created
    qint64 clockS = -1; // a request under investigation: its clock; -1 otherwise
    QString severity;   // incidents: "SEV-2"
    QString project;    // andons
    QString reason;
    QString raisedBy;
    bool inProgress = false; // the bug in progress
};

// A request given its first triage outcome in the period (what triage_events recorded).
struct HandoverTriaged {
    QString source;
    QString id;
    QString title;
    Triage outcome = Triage::None;
    QDateTime at;
};

// An action of the period, from the outbox (one per action, whatever its number of targets).
struct HandoverAction {
    QString actionId;
    WriteKind kind = WriteKind::CreateBug;
    QString title; // the action's title, or its project (andons)
    QString targets;
    QString state; // pending, delivered, discarded
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QString decision; // resolve-andon: continue, abandon, new-ve
    QString note;
    QString by;
};

// An investigation escalated to a bug in the period (the 15-minute rule).
struct HandoverEscalation {
    QString source;
    QString id;
    QString title; // when the request is still known (board, triage record)
    qint64 investigationS = 0;
    QString bugId;
    QString bugUrl;
    QDateTime at;
};

struct HandoverPeriodTotals {
    std::array<int, triageOutcomeCount> triaged{}; // self-service, toil, bug, project
    std::optional<double> runPercent;              // toil among the triaged, 0..100
    std::vector<HandoverEscalation> escalations;
    int incidentsNew = 0;
    std::vector<HandoverAction> incidentsDeclared; // through dutyboard
    std::vector<qint64> resolveS;                  // each incident resolved: time to resolve
    std::optional<qint64> medianResolveS;
    std::vector<HandoverItem> postMortemsDue;
    int andonsRaised = 0;
    int andonsResolved = 0;
    std::vector<HandoverAction> andonDecisions;
    std::vector<HandoverAction> outboxPending;
    std::vector<ObjectiveState> objectives;
    std::vector<HistoryDay> days; // each day of the period: requests triaged by outcome
};

struct HandoverReport {
    QDateTime since;
    QDateTime until;
    bool sinceLastHandover = false; // else the default 7 days, or a --since
    QString outgoing;               // the person on duty when it was made
    std::vector<HandoverItem> incidents;
    std::vector<HandoverItem> andons;
    std::vector<HandoverItem> bugs; // in progress first
    int wipLimit = 1;
    int bugsInProgress = 0;
    std::vector<HandoverItem> requestsPending;
    std::vector<HandoverItem> requestsInvestigating;
    HandoverPeriodTotals period;
    std::vector<ToilCandidate> toil;
    QString notes;
};

// What the report is made from: the board's items and the lean state's records.
struct HandoverInputs {
    QDateTime now;
    QDateTime since;
    bool sinceLastHandover = false;
    QString onDuty;
    Items items; // every panel's
    std::vector<Ownership> ownerships;
    std::vector<InvestigationClock> clocks;
    // The current decision of each request that has one.
    std::vector<HandoverTriaged> decisions;
    // The first outcomes recorded in the period (with the request's text).
    std::vector<HandoverTriaged> triagedInPeriod;
    HistorySamples samples;          // since the earlier of `since` and 7 days before `now`
    std::vector<OutboxEntry> outbox; // the rows created in the period, and every pending one
    Objectives objectives;
    LeanConfig lean;
    QString notes;
};

HandoverReport buildHandoverReport(const HandoverInputs &in);

// The items' key as the lean state keys them ("source\x1fid").
QString handoverKey(const QString &source, const QString &id);
