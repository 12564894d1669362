// SPDX-License-Identifier: MIT
#include "HandoverUi.h"

#include "app/MainWindow.h"
#include "app/handover/HandoverDialog.h"
#include "core/lean/LeanController.h"
#include "core/lean/OnDuty.h"

#include <QAction>
#include <QLabel>
#include <QToolBar>

HandoverUi::HandoverUi(MainWindow *window, LeanController *controller, Store *store,
                       const Objectives &objectives, bool scheduled)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_store(store)
    , m_objectives(objectives)
    , m_action(new QAction(QStringLiteral("Handover"), window))
    , m_banner(new QToolBar(QStringLiteral("Handover"), window))
    , m_bannerText(new QLabel(m_banner)) {
    m_action->setObjectName(QStringLiteral("action-handover"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_action->setToolTip(QStringLiteral("The week of RUN summarised, to pass on (Ctrl+Shift+H)"));
    connect(m_action, &QAction::triggered, this, [this] { showDialog(); });
    window->mainToolBar()->addAction(m_action);

    // Under the toolbar, hidden until the schedule names someone new.
    m_banner->setObjectName(QStringLiteral("handover-banner"));
    m_banner->setMovable(false);
    m_banner->setFloatable(false);
    m_banner->setStyleSheet(QStringLiteral("QToolBar#handover-banner { background: #fff4ce; "
                                           "border-bottom: 1px solid #e0c060; }"));
    m_bannerText->setObjectName(QStringLiteral("handover-banner-text"));
    m_bannerText->setContentsMargins(8, 0, 8, 0);
    m_banner->addWidget(m_bannerText);
    QAction *open = m_banner->addAction(QStringLiteral("Hand over\u2026"));
    open->setObjectName(QStringLiteral("handover-banner-open"));
    connect(open, &QAction::triggered, this, [this] {
        m_banner->hide();
        showDialog();
    });
    QAction *later = m_banner->addAction(QStringLiteral("Later"));
    connect(later, &QAction::triggered, m_banner, &QWidget::hide);
    window->addToolBarBreak(Qt::TopToolBarArea);
    window->addToolBar(Qt::TopToolBarArea, m_banner);
    m_banner->hide();
    if (scheduled) {
        m_lastScheduled = controller->onDuty()->scheduled();
        connect(controller->onDuty(), &OnDuty::changed, this, &HandoverUi::scheduleChanged);
    }
}

void HandoverUi::scheduleChanged() {
    const OnDuty *onDuty = m_controller->onDuty();
    const QString now = onDuty->scheduled();
    const QString before = m_lastScheduled;
    if (!onDuty->hasAnswered() || onDuty->isStale() || now.isEmpty() || now == before)
        return;
    m_lastScheduled = now;
    if (before.isEmpty())
        return; // the first answer: nobody changed
    m_bannerText->setText(QStringLiteral("The schedule says <b>%1</b> is on duty now, after "
                                         "<b>%2</b>: hand over the RUN.")
                              .arg(now.toHtmlEscaped(), before.toHtmlEscaped()));
    m_banner->show();
}

HandoverDialog *HandoverUi::showDialog() {
    if (!m_dialog) {
        m_dialog = new HandoverDialog(m_controller, m_store, m_objectives, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}
