// SPDX-License-Identifier: MIT
// The desktop board: incidents and andons on top, requests and bugs below, the sources'
// health along the bottom. One timer, once a minute on the minute, moves every age.
#pragma once

#include "core/board/Item.h"

#include <QWidget>

#include <array>

class Board;
class PanelView;
class QTimer;
class SourceBar;

class BoardView final : public QWidget {
    Q_OBJECT
public:
    explicit BoardView(Board *board, QWidget *parent = nullptr);

    PanelView *panelView(ItemKind kind) const;
    SourceBar *sourceBar() const { return m_sourceBar; }
    // The minute timer, for tests: single-shot, re-armed to the next minute boundary each tick.
    const QTimer *ageTimer() const { return m_ageTimer; }

public Q_SLOTS:
    // Ages are shown at minute resolution: this is the only periodic repaint.
    void refreshAges();

private:
    void scheduleNextTick();

    Board *m_board;
    std::array<PanelView *, itemKindCount> m_panels{}; // the Kanban card slot stays empty
    SourceBar *m_sourceBar;
    QTimer *m_ageTimer;
};
