// SPDX-License-Identifier: MIT
// The normalized item every connector produces: one small type for all five panels.
#pragma once

#include "core/board/Severity.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

enum class ItemKind { Request, Bug, Incident, Andon, Card };

// Every kind, in panel order: loop over this rather than listing kinds by hand.
inline constexpr ItemKind allItemKinds[] = {ItemKind::Request, ItemKind::Bug, ItemKind::Incident,
                                            ItemKind::Andon, ItemKind::Card};
inline constexpr int itemKindCount = 5;

// The panel a source feeds; config names: "requests", "bugs", "incidents", "andons", "kanban".
QString itemKindPanelName(ItemKind kind);
// Returns false when the name is not a known panel.
bool itemKindFromPanelName(const QString &name, ItemKind *kind);

struct Item {
    ItemKind kind = ItemKind::Incident;
    QString source; // the source's configured name
    QString id;     // stable within the source
    QString title;
    QString state;       // the source's own word: "active", "suppressed", "open", "taken"…
    QDateTime createdAt; // UTC; invalid when the source did not say
    QStringList people;  // assignees, commander, requester: who to talk to
    QString url;         // back to the original
    // Who handles it, as the source says (a PagerDuty acknowledger, a Jira assignee, an
    // Opsgenie owner); empty when nobody does or the source cannot say. What is acknowledged
    // through dutyboard is kept apart (Ownerships) and shown before it.
    QString owner;
    // Every label as `name="value"`, sorted (Alertmanager): what an acknowledgement's silence
    // matches exactly.
    QStringList labels;
    // Incidents (and bugs, where the source has a priority).
    Severity severity;
    // Andons.
    QString project;
    QString reason;
    QString raisedBy;
    // Kanban cards: the column (the source's word until the board maps it to a configured
    // column), the due date and since when the card sits in its column (both UTC; invalid when
    // the source did not say). Halted is not stored: it follows the board's andons.
    QString column;
    QDateTime due;
    QDateTime columnSince;

    bool operator==(const Item &other) const;
    bool operator!=(const Item &other) const { return !(*this == other); }
};

using Items = std::vector<Item>;
