// SPDX-License-Identifier: MIT
// The normalized item every connector produces: one small type for all four panels.
#pragma once

#include "Severity.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

enum class ItemKind { Request, Bug, Incident, Andon };

// The panel a source feeds; config names: "requests", "bugs", "incidents", "andons".
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
    // Incidents (and bugs, where the source has a priority).
    Severity severity;
    // Andons.
    QString project;
    QString reason;
    QString raisedBy;

    bool operator==(const Item &other) const;
    bool operator!=(const Item &other) const { return !(*this == other); }
};

using Items = std::vector<Item>;
