// SPDX-License-Identifier: MIT
// What a row says about who is on it: "● victor · 12 min" (owned through dutyboard: waiting for
// the source, accepted, or on the board only), "● chloe · in pagerduty" (as the source says),
// "UNOWNED · 7 min" (an item that needs an owner, past the delay), and the tooltip in full. The
// desk's panels and the wall's ask the same.
#pragma once

#include <vector>

#include "core/board/Item.h"
#include "widgets/board/OwnerMark.h"

#include <QDateTime>

class LeanController;
class UnownedItems;
struct Ownership;

class OwnerMarks final {
public:
    explicit OwnerMarks(const LeanController *controller)
        : m_controller(controller) {}
    // Where "UNOWNED" comes from (may stay unset: never).
    void setUnowned(const UnownedItems *unowned) { m_unowned = unowned; }

    OwnerMark markFor(const Item &item) const;
    // A group's: its owners ("● victor, chloe · 3 of 120"), else UNOWNED when one of its alerts
    // is, else none. Reads every member: a group row is painted only when it shows.
    OwnerMark markForGroup(const std::vector<const Item *> &items) const;
    // "since 14:02 (12 min)", "acknowledged in alerts at 14:03", the silence and its end: one
    // line each, for the tooltip.
    QStringList describe(const Ownership &ownership, const QDateTime &now) const;

private:
    const LeanController *m_controller;
    const UnownedItems *m_unowned = nullptr;
};

// "14:02" today, "Mon 14:02" / a date further back.
QString ownershipTime(const QDateTime &t, const QDateTime &now);
