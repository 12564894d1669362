// SPDX-License-Identifier: MIT
// `dutyboard state copy`: a desk's lean state moved into another store (the team's): its
// investigation clocks, triage decisions, escalations with their claims, and the outbox's
// pending actions. Written with the target's own rules (the earliest clock, the latest
// decision, the first claim, an action already there left alone), so a second run changes
// nothing. The history stays with the desk (it is per machine for now).
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
    QStringList refused;  // escalations the target holds for another bug
    QString error;        // non-empty: the copy stopped there (what was written stays)
};

// Both stores open; `to` reachable. Blocks: for the command line.
StateCopyReport copyLeanState(Store &from, Store &to);
