// SPDX-License-Identifier: MIT
// "I'm on it": who owns an item (an incident, a bug, an andon, a request taken), since when, and
// what that made in the source (an acknowledgement, an assignee, a silence). One per item, kept
// in the lean state so every screen of the team shows the same owner.
#pragma once

#include "core/board/Item.h"

#include <QDateTime>
#include <QString>

struct Ownership {
    QString source; // the item
    QString itemId;
    ItemKind kind = ItemKind::Incident;
    QString title;
    QString owner;
    QDateTime since;
    // The outbox action that acknowledges it in the source (its last renewal for a silence);
    // empty when it is owned in dutyboard only (the source cannot say it, or has no target).
    QString actionId;
    QString target;         // the source that was asked, when one was
    QDateTime acknowledged; // when the source accepted it; invalid while it waits (or never)
    QString reference;      // what the source made: a silence's id
    QString referenceUrl;   // and its page
    QDateTime endsAt;       // a silence's end, renewed while the alert fires

    bool isValid() const { return !owner.isEmpty(); }
};

// One change of ownership, written in the same transaction as the outbox rows that do it in
// the source: the database, not timing, decides between two screens pressing A together.
struct OwnershipChange {
    enum class Op {
        Take,    // `ownership` becomes the owner, unless someone other than `expectedOwner` is
        Renew,   // the silence goes on to ownership.endsAt under ownership.actionId, unless it
                 // was renewed elsewhere (its end is no longer `expectedEndsAt`)
        Release, // nobody owns it any more (released, or resolved): the row goes, unless it is
                 // no longer the acknowledgement `expectedActionId` (when given)
    };
    Op op = Op::Take;
    Ownership ownership;
    QString expectedOwner; // Take: who this screen saw owning it ("" = nobody)
    QDateTime expectedEndsAt;
    QString expectedActionId;
};
