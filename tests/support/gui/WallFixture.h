// SPDX-License-Identifier: MIT
// The wall tests' common pieces: a board whose sources have answered, andons, finding a panel,
// and telling red from the rest.
#pragma once

#include "core/board/Board.h"
#include "core/time/Clock.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QColor>

// A board at fixtureStart() with the standard sources, all answered once: what arrives now is
// news.
struct AnsweredBoard {
    ManualClock clock;
    Board board;
    AnsweredBoard();
};

// An andon from "halts" on `project`, raised by Dana `ageSecs` before fixtureStart(), with a
// reason.
Item andonItem(const QString &id, const QString &project, qint64 ageSecs);
// The wall panel "wall-panel-<name>", or nullptr.
WallPanel *panelOf(WallView *view, const QString &name);
// What the wall says, in the colours it says it in, close enough for a test: a band's fill.
bool isRed(const QColor &c);
