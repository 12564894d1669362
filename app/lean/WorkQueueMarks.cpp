// SPDX-License-Identifier: MIT
#include "WorkQueueMarks.h"

#include "app/MainWindow.h"
#include "app/lean/PanelSelection.h"
#include "core/board/Board.h"
#include "core/config/LeanConfig.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/models/PanelModel.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QLabel>
#include <QRegularExpression>

WorkQueueMarks::WorkQueueMarks(MainWindow *window, LeanController *controller, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_controller(controller) {
    BoardView *board = window->boardView();
    board->panelView(ItemKind::Incident)->delegate()->setMarker([this](const QModelIndex &index) {
        const Item *item = itemAt(index);
        return item ? incidentMark(*item) : RowMark();
    });
    PanelView *panel = board->panelView(ItemKind::Bug);
    panel->delegate()->setMarker([this](const QModelIndex &index) {
        const Item *item = itemAt(index);
        return item ? bugMark(*item) : RowMark();
    });
    m_wip = new QLabel(panel);
    m_wip->setObjectName(QStringLiteral("wip-status"));
    m_wip->setToolTip(QStringLiteral("One piece flow: bugs in progress / WIP limit"));
    panel->addHeaderWidget(m_wip);
    PanelModel *bugs = m_controller->board()->panel(ItemKind::Bug);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(bugs, signal, this, &WorkQueueMarks::updateWip);
    connect(bugs, &QAbstractItemModel::dataChanged, this, &WorkQueueMarks::updateWip);
    updateWip();
}

int WorkQueueMarks::bugsInProgress() const {
    int n = 0;
    for (const Item &bug : m_controller->board()->panel(ItemKind::Bug)->items())
        n += m_controller->config().inProgress.match(bug.state).hasMatch() ? 1 : 0;
    return n;
}

RowMark WorkQueueMarks::bugMark(const Item &item) const {
    const LeanConfig &lean = m_controller->config();
    if (lean.inProgress.match(item.state).hasMatch()) {
        const bool over = bugsInProgress() > lean.wipLimit;
        return {over ? QStringLiteral("IN PROGRESS \u2014 OVER WIP")
                     : QStringLiteral("IN PROGRESS"),
                over ? Theme::failedColor() : Theme::okColor(), true};
    }
    if (lean.waiting.match(item.state).hasMatch()) {
        const QDateTime now = m_controller->board()->clock().now();
        const QString age = item.createdAt.isValid() ? relativeAge(item.createdAt, now) : QString();
        return {QStringLiteral("THIRD PARTY \u00B7 %1").arg(age), Theme::amberColor()};
    }
    return {};
}

RowMark WorkQueueMarks::incidentMark(const Item &item) const {
    if (item.source == LeanController::declaringSource())
        return {QStringLiteral("DECLARING\u2026"), Theme::infoColor()};
    static const QRegularExpression postMortem(QStringLiteral("learning|post.?mortem"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (postMortem.match(item.state).hasMatch())
        return {QStringLiteral("POST-MORTEM DUE"), Theme::amberColor()};
    return {};
}

void WorkQueueMarks::updateWip() {
    const int n = bugsInProgress();
    const int limit = m_controller->config().wipLimit;
    const bool over = n > limit;
    m_wip->setText(QStringLiteral("WIP %1/%2%3")
                       .arg(n)
                       .arg(limit)
                       .arg(over ? QStringLiteral(" \u2014 over the limit") : QString()));
    m_wip->setStyleSheet(
        QStringLiteral("QLabel { border-radius: 4px; padding: 2px 8px; font-weight: bold; color: "
                       "%1; background: %2; }")
            .arg(over ? QStringLiteral("white") : Theme::okColor().darker(140).name(),
                 over ? Theme::failedColor().name() : QStringLiteral("transparent")));
    repaintPanel(m_window, ItemKind::Bug);
}
