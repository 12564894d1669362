// SPDX-License-Identifier: MIT
// A Kanban board filled by hand for tests and screenshots: the talk's five columns with WIP
// limits, a card in each, "Work in progress" over its limit and one project halted by an andon.
#pragma once

#include "core/board/Board.h"

#include <QDateTime>

// The config used by fillSampleKanban: VE wip 2, Dive-in 1, WIP 1, Done, What's next.
KanbanConfig sampleKanbanConfig();
// A card from source "team-board" in the source word `state`, `inColumnH` hours in its column.
Item fixtureCard(const QString &id, const QString &title, const QString &state,
                 const QDateTime &now, int inColumnH);
// Sets the config, then fills the "team-board" cards and a "halts" andon on `project-x`.
void fillSampleKanban(Board &board, const QDateTime &now);
