// SPDX-License-Identifier: MIT
#include "WallMode.h"

#include "app/MainWindow.h"
#include "app/TrendsFeed.h"
#include "app/wall/WallScreen.h"
#include "app/wall/WallWindow.h"
#include "core/attention/WallAlerts.h"
#include "core/board/Board.h"
#include "core/config/WallConfig.h"
#include "core/filter/ItemFilter.h"
#include "core/lean/OnDuty.h"
#include "core/models/PanelSortProxy.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/ItemDelegate.h"
#include "widgets/board/PanelView.h"
#include "widgets/trends/TrendsView.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallItemDelegate.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QCoreApplication>
#include <QListView>
#include <QScreen>
#include <QTimer>

#include <cstdio>

WallMode::WallMode(Board *board, const WallConfig &config, const Objectives &objectives,
                   const OnDuty *onDuty, History *history, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_config(config)
    , m_objectives(objectives)
    , m_onDuty(onDuty)
    , m_history(history)
    , m_window(window) {}

WallMode::~WallMode() {
    delete m_wall;
}

bool WallMode::isActive() const {
    return m_wall && m_wall->isVisible();
}

void WallMode::enter(const QString &screen, const QSize &size) {
    m_screen = screen;
    m_size = size;
    if (!m_wall) {
        m_wall = new WallWindow(m_board, m_config, m_onDuty->person(), nullptr, m_objectives);
        connect(m_onDuty, &OnDuty::changed, m_wall, [this]() { showOnDuty(); });
        // A charts page draws from the history the desktop window records.
        if (TrendsView *trends = m_wall->view()->trends()) {
            if (m_history)
                feedTrends(m_history, trends, m_board->clock());
        }
        showDeskMarks();
        m_wall->view()->alerts()->setAcknowledgements(m_acks);
        connect(m_wall, &WallWindow::leaveRequested, this, &WallMode::leave);
        connect(m_wall, &WallWindow::quitRequested, qApp, &QCoreApplication::quit,
                Qt::QueuedConnection);
    }
    // Whoever is on duty now (the schedule may have moved on since the last time).
    showOnDuty();
    applyFilter();
    QScreen *fallback = m_window && m_window->isVisible() ? m_window->screen() : nullptr;
    const ScreenChoice choice = chooseWallScreen(screen, m_config.screen, fallback);
    if (!choice.warning.isEmpty())
        std::fprintf(stderr, "dutyboard: %s\n", qPrintable(choice.warning));
    // A screen named on the command line or in the menu is the one to come back to next time.
    if (!screen.isEmpty() && choice.screen && choice.spec == screen.trimmed())
        rememberWallScreen(choice.screen->name().isEmpty() ? choice.spec : choice.screen->name());
    m_wall->showOn(choice.screen, size);
    if (m_window)
        m_window->hide();
    Q_EMIT activeChanged(true);
}

void WallMode::applyFilter() {
    // The config's filter (checked at start), and the muted alerts off the wall by default.
    FilterError error;
    FilterQuery query = FilterQuery::parse(m_config.filter, &error);
    FilterToggles toggles;
    toggles.hideSilenced = m_config.hideSilenced;
    auto filter = std::make_shared<const ItemFilter>(
        std::move(query), toggles,
        [onDuty = m_onDuty, clock = &m_board->clock(), ownerOf = m_ownerOf]() {
            return FilterContext{onDuty->actingPerson(), clock->now(), ownerOf};
        });
    for (WallPanel *panel : m_wall->view()->panels())
        panel->proxy()->setItemFilter(filter);
}

void WallMode::setTicking(std::function<bool()> ticking) {
    m_ticking = std::move(ticking);
}

void WallMode::showDeskMarks() {
    if (!m_window)
        return;
    // The desk's marks, asked at paint time: what the lean workflow says on the desk (taken by
    // whom, the clock, the bug in progress, who is on it) the room reads on the wall.
    for (WallPanel *panel : m_wall->view()->panels()) {
        const PanelView *deskPanel = m_window->boardView()->panelView(panel->kind());
        const ItemDelegate *desk = deskPanel->delegate();
        panel->setGroupBy(deskPanel->groupBy()); // the desk's grouping, groups only
        panel->delegate()->setMarker(
            [desk](const QModelIndex &index) { return desk->markOf(index); });
        panel->delegate()->setOwnerMarker(
            [desk](const QModelIndex &index) { return desk->ownerMarkOf(index); });
    }
    // Clocks move every second: the panels are repainted while one runs and the wall shows.
    auto *tick = new QTimer(m_wall);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_ticking && m_ticking())
            repaintMarks();
    });
    tick->start();
}

void WallMode::repaintMarks() {
    if (!m_wall || !m_wall->isVisible())
        return;
    for (WallPanel *panel : m_wall->view()->panels())
        panel->list()->viewport()->update();
}

void WallMode::applyConfig() {
    if (!m_wall)
        return; // built from the config when first shown
    const bool active = isActive();
    delete m_wall; // its timers and connections go with it
    m_wall = nullptr;
    if (active)
        enter(m_screen, m_size);
}

void WallMode::showOnDuty() {
    m_wall->view()->header()->setOnDuty(m_onDuty->person(), m_onDuty->isStale());
}

void WallMode::leave() {
    if (!m_wall || !m_wall->isVisible())
        return;
    m_wall->hide();
    if (m_window) {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    }
    Q_EMIT activeChanged(false);
}

void WallMode::toggle() {
    if (isActive())
        leave();
    else
        enter();
}
