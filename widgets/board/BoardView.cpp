// SPDX-License-Identifier: MIT
#include "BoardView.h"

#include "core/board/Board.h"
#include "widgets/board/PanelView.h"
#include "widgets/board/SourceBar.h"

#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace {
size_t slot(ItemKind kind) {
    return static_cast<size_t>(kind);
}

// Lands just after the boundary so the new minute is already there to read.
constexpr int tickSlackMs = 250;
} // namespace

BoardView::BoardView(Board *board, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
    , m_sourceBar(new SourceBar(board->health(), board->clock(), this))
    , m_ageTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("board"));
    // Created in reading order, which is also the keyboard focus order.
    for (ItemKind kind : {ItemKind::Incident, ItemKind::Andon, ItemKind::Request, ItemKind::Bug})
        m_panels[slot(kind)] = new PanelView(kind, board, this);

    auto makeRow = [this](ItemKind left, ItemKind right) {
        auto *row = new QSplitter(Qt::Horizontal, this);
        row->setChildrenCollapsible(false);
        row->setHandleWidth(8);
        row->addWidget(panelView(left));
        row->addWidget(panelView(right));
        row->setStretchFactor(0, 3);
        row->setStretchFactor(1, 2);
        // Proportions, scaled to the real width on first layout.
        row->setSizes({3000, 2000});
        return row;
    };
    // What must not wait goes on top: incidents, and any halt.
    QSplitter *top = makeRow(ItemKind::Incident, ItemKind::Andon);
    QSplitter *bottom = makeRow(ItemKind::Request, ItemKind::Bug);
    // The two rows share their column split, so the board reads as one grid.
    connect(top, &QSplitter::splitterMoved, bottom,
            [top, bottom] { bottom->setSizes(top->sizes()); });
    connect(bottom, &QSplitter::splitterMoved, top,
            [top, bottom] { top->setSizes(bottom->sizes()); });
    auto *rows = new QSplitter(Qt::Vertical, this);
    rows->setChildrenCollapsible(false);
    rows->setHandleWidth(8);
    rows->addWidget(top);
    rows->addWidget(bottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(rows, 1);
    layout->addWidget(m_sourceBar);

    m_ageTimer->setSingleShot(true);
    // Precise: a coarse timer may fire early and show the previous minute for a minute more.
    m_ageTimer->setTimerType(Qt::PreciseTimer);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        refreshAges();
        scheduleNextTick();
    });
    scheduleNextTick();
}

PanelView *BoardView::panelView(ItemKind kind) const {
    return m_panels[slot(kind)];
}

void BoardView::refreshAges() {
    m_board->refreshAges();
    for (PanelView *panel : m_panels) {
        if (panel) // Kanban cards have their own page, not a panel here
            panel->refreshFreshness();
    }
    m_sourceBar->refresh();
}

void BoardView::scheduleNextTick() {
    // Re-aligned every tick from the clock itself: no drift, and right again after sleep.
    const QDateTime now = m_board->clock().now();
    const qint64 intoMinute = now.toMSecsSinceEpoch() % 60000;
    m_ageTimer->start(static_cast<int>(60000 - intoMinute + tickSlackMs));
}
