// SPDX-License-Identifier: MIT
// The Kanban board's columns: which column a card sits in, each column's WIP state, and the
// due-date phrase on a card. Pure functions over the "kanban" config section.
#pragma once

#include "core/board/Item.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

struct KanbanColumnSpec {
    QString name;
    std::optional<int> wip; // no limit when unset
};

struct KanbanConfig {
    std::vector<KanbanColumnSpec> columns;
    QHash<QString, QString> map; // lower-cased source word -> column name
    // Value engineering, Dive-in, Work in progress, Done, What's next; no WIP limits.
    static KanbanConfig defaults();
};

// Where cards whose state maps to no configured column go: shown, never dropped.
QString kanbanUnmappedColumn();
// "What's next": the pull column, shown oldest first.
QString kanbanPullColumn();

// Reads the config's "kanban" section (defaults when absent). Throws ConfigError naming the
// exact key ("/kanban/columns/1/wip") and what was expected.
KanbanConfig parseKanbanConfig(const nlohmann::json &root);

// The column of a card: its `column` word, else its state, through the map (case-insensitive),
// or a configured column's own name; otherwise the unmapped column.
QString kanbanColumnFor(const KanbanConfig &config, const Item &card);

struct KanbanColumnState {
    QString name;
    int count = 0;
    std::optional<int> limit;
    bool exceeded() const { return limit && count > *limit; }
    // "2 / 1", or "3" without a limit.
    QString countText() const;
};

// One state per configured column, in order, plus the unmapped column when it holds cards.
// `cards` carry their mapped column already (see kanbanColumnFor).
std::vector<KanbanColumnState> kanbanColumnStates(const KanbanConfig &config, const Items &cards);

// "due today", "due tomorrow", "4 days remaining", "1 day late", "3 days late"; by calendar
// day in UTC. Empty when `due` is invalid.
QString kanbanDueText(const QDateTime &due, const QDateTime &now);
