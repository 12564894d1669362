// SPDX-License-Identifier: MIT
// `dutyboard state copy`: a desk's lean state moved into another store (the team's): its
// investigation clocks, triage decisions, escalations with their claims, who owns what, the
// outbox's pending actions, its handovers and their notes, and its history. Written with the
// target's own rules (the earliest clock, the latest decision, the first claim, an action already
// there left alone, the samples older than the target's), so a second run changes nothing.
#pragma once

#include <QString>
#include <QStringList>

class Store;

struct StateCopyReport {
    int clocks = 0;
    int decisions = 0;
    int escalations = 0;
    int actionsNew = 0;   // pending actions written
    int actionsThere = 0; // pending actions the target had already
    int samples = 0;      // history samples written
    int samplesThere = 0; // history samples not written: the target's history covers them
    int owned = 0;        // ownerships written (one the target has for the item stays)
    int handovers = 0;    // handovers done (one the target has already stays once)
    QStringList refused;  // escalations the target holds for another bug
    QString error;        // non-empty: the copy stopped there (what was written stays)
};

// Both stores open; `to` reachable. Blocks: for the command line.
StateCopyReport copyLeanState(Store &from, Store &to);
