// SPDX-License-Identifier: MIT
// What a group row says about its alerts beyond its key: the span of the label that tells them
// apart ("node-0001 … node-0120"), how many are in each state ("118 active · 2 suppressed"),
// and the people they name. Reads every member: made once per change, when first painted.
#pragma once

#include "core/board/Item.h"

#include <QString>
#include <QStringList>

#include <vector>

struct GroupSummary {
    QString span;
    QString states;
    QString people;
};

// `members` in panel order (non-empty); `groupBy`: the labels they share.
GroupSummary summariseGroup(const std::vector<const Item *> &members, const QStringList &groupBy);
