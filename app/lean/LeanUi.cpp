// SPDX-License-Identifier: MIT
#include "LeanUi.h"

#include "app/MainWindow.h"
#include "app/lean/LeanDialogs.h"
#include "app/lean/OutboxDialog.h"
#include "app/lean/OwnershipUi.h"
#include "app/lean/PanelSelection.h"
#include "app/lean/RequestTriageUi.h"
#include "app/lean/WorkQueueMarks.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"
#include "widgets/Theme.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

LeanUi::LeanUi(MainWindow *window, LeanController *controller)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_triage(new RequestTriageUi(window, controller, this))
    , m_queues(new WorkQueueMarks(window, controller, this))
    , m_ownership(new OwnershipUi(window, controller, this)) {
    installToolbar();
    installAndons();
    installContextMenus();
    installStatus();
    connect(controller, &LeanController::breached, this, [this](const Item &request) {
        QApplication::alert(m_window);
        m_window->statusBar()->showMessage(
            QStringLiteral("15 minutes on \"%1\": escalate it to a bug (B)").arg(request.title),
            30000);
    });
    connect(controller, &LeanController::notice, this,
            [this](const QString &text) { m_window->statusBar()->showMessage(text, 15000); });
}

void LeanUi::installToolbar() {
    QToolBar *bar = m_window->mainToolBar();
    auto *declare = new QAction(QStringLiteral("Declare incident"), m_window);
    declare->setObjectName(QStringLiteral("action-declare-incident"));
    declare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    declare->setToolTip(QStringLiteral("Declare an incident (Ctrl+Shift+I)"));
    connect(declare, &QAction::triggered, this, &LeanUi::declareIncident);
    bar->addAction(declare);
    bar->addAction(m_ownership->acknowledgeAction());
    bar->addAction(m_ownership->releaseAction());
    bar->addAction(m_ownership->acknowledgedViewAction());

    // Who is on duty: the name actions are signed with (from the schedule when there is one).
    m_onDuty = new QLabel(bar);
    m_onDuty->setObjectName(QStringLiteral("on-duty"));
    m_onDuty->setContentsMargins(16, 0, 8, 0);
    connect(m_controller->onDuty(), &OnDuty::changed, this, &LeanUi::updateOnDuty);
    bar->addWidget(m_onDuty);
    updateOnDuty();
    if (m_controller->canSetOnDuty()) {
        // Taking over the RUN by hand: every screen sharing the state shows the new name.
        auto *set = new QAction(QStringLiteral("\u270E"), m_window);
        set->setObjectName(QStringLiteral("action-set-on-duty"));
        set->setToolTip(QStringLiteral("Set who is on duty (every screen sharing the state shows "
                                       "it)"));
        connect(set, &QAction::triggered, this, &LeanUi::askWhoIsOnDuty);
        bar->addAction(set);
    }

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    // Always there, always red: stopping must never be hard to find.
    auto *andon = new QAction(QStringLiteral("\u25A0  ANDON"), m_window);
    andon->setObjectName(QStringLiteral("action-andon"));
    andon->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    andon->setToolTip(QStringLiteral("Stop a project when in doubt (Ctrl+Shift+A)"));
    connect(andon, &QAction::triggered, this, &LeanUi::pullAndon);
    auto *button = new QToolButton(bar);
    button->setObjectName(QStringLiteral("andon-button"));
    button->setDefaultAction(andon);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(QStringLiteral("Andon: stop a project"));
    QFont f = button->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    button->setFont(f);
    button->setStyleSheet(
        QStringLiteral(
            "QToolButton#andon-button { background: %1; color: white; border-radius: 6px;"
            " padding: 6px 22px; margin: 2px 4px; }"
            "QToolButton#andon-button:hover { background: %2; }"
            "QToolButton#andon-button:pressed { background: %3; }")
            .arg(Theme::andonColor().name(), Theme::andonColor().lighter(115).name(),
                 Theme::andonColor().darker(130).name()));
    bar->addWidget(button);
}

QInputDialog *LeanUi::askWhoIsOnDuty() {
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("on-duty-dialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QStringLiteral("Who is on duty"));
    dialog->setLabelText(QStringLiteral("On duty from now (empty: back to the schedule):"));
    dialog->setTextValue(m_controller->onDuty()->actingPerson());
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &person) { m_controller->setOnDuty(person); });
    dialog->open(); // not modal to the board: it goes on updating behind
    return dialog;
}

void LeanUi::updateOnDuty() {
    const OnDuty *onDuty = m_controller->onDuty();
    const QString person = onDuty->actingPerson();
    const bool configured = !onDuty->person().trimmed().isEmpty();
    const bool stale = onDuty->isStale();
    QString text = QStringLiteral("On duty: <b>%1</b>").arg(person.toHtmlEscaped());
    if (onDuty->isByHand())
        text += QStringLiteral(" <span style=\"color:%1\">(set by %2)</span>")
                    .arg(Theme::staleColor().darker(130).name(), onDuty->setBy().toHtmlEscaped());
    else if (stale)
        text += QStringLiteral(" <span style=\"color:%1\">(schedule not answering)</span>")
                    .arg(Theme::amberColor().darker(130).name());
    else if (!configured)
        text += QStringLiteral(" <span style=\"color:%1\">(from $USER)</span>")
                    .arg(Theme::staleColor().darker(130).name());
    m_onDuty->setText(text);
    QString tip = QStringLiteral("Actions are signed with this name.");
    if (stale) {
        const QDateTime at = onDuty->lastAnswerAt();
        tip += QStringLiteral("\nThe on-duty schedule failed: %1.\n%2")
                   .arg(onDuty->error(),
                        at.isValid() ? QStringLiteral("Last answer at %1.")
                                           .arg(at.toLocalTime().toString(QStringLiteral("HH:mm")))
                                     : QStringLiteral("No answer yet: this is \"on_duty\" from "
                                                      "the config."));
    }
    m_onDuty->setToolTip(tip);
}

void LeanUi::pullAndon() {
    AndonDialog dialog(m_controller->knownProjects(), m_controller->onDuty()->actingPerson(),
                       m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_controller->raiseAndon(dialog.project(), dialog.reason()).isEmpty())
        m_window->statusBar()->showMessage(
            QStringLiteral("No andon target: add \"actions\": {\"andon\": [\"<source>\"]} to the "
                           "config"),
            15000);
}

void LeanUi::declareIncident() {
    DeclareIncidentDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_controller
            ->declareIncident(dialog.name(), dialog.description(), dialog.severity(),
                              dialog.impact())
            .isEmpty())
        m_window->statusBar()->showMessage(
            QStringLiteral("No incident target: add \"actions\": {\"incident\": \"<source>\"} to "
                           "the config"),
            15000);
}

void LeanUi::resolveSelectedAndon() {
    const Item *andon = selectedItem(m_window, ItemKind::Andon);
    if (!andon) {
        m_window->statusBar()->showMessage(QStringLiteral("Select an andon to resolve"), 5000);
        return;
    }
    const Item copy = *andon;
    ResolveAndonDialog dialog(copy.project, copy.reason, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_controller->resolveAndon(copy, dialog.decision(), dialog.note());
}

void LeanUi::showOutbox() {
    OutboxDialog dialog(m_controller->state()->outbox(), m_window);
    dialog.exec();
}

void LeanUi::installAndons() {
    PanelView *panel = m_window->boardView()->panelView(ItemKind::Andon);
    auto *bar = new QWidget(panel);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 6);
    auto *resolve = new QPushButton(QStringLiteral("&Resolve\u2026"), bar);
    resolve->setObjectName(QStringLiteral("andon-resolve"));
    resolve->setToolTip(QStringLiteral("Decide: continue, abandon or new value engineering (R)"));
    connect(resolve, &QPushButton::clicked, this, &LeanUi::resolveSelectedAndon);
    layout->addWidget(resolve);
    layout->addStretch(1);
    panel->addFooterWidget(bar);
    QTreeView *list = panel->list();
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_R), list);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &LeanUi::resolveSelectedAndon);
}

void LeanUi::installContextMenus() {
    // One menu per list: "I'm on it" and Release on every row, Resolve… on an andon.
    for (ItemKind kind : {ItemKind::Incident, ItemKind::Andon, ItemKind::Request, ItemKind::Bug}) {
        QTreeView *list = m_window->boardView()->panelView(kind)->list();
        list->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(list, &QWidget::customContextMenuRequested, this,
                [this, list, kind](const QPoint &at) {
                    if (!list->indexAt(at).isValid())
                        return;
                    list->setCurrentIndex(list->indexAt(at));
                    QMenu menu(list);
                    m_ownership->addMenuEntries(&menu, kind);
                    if (kind == ItemKind::Andon) {
                        menu.addSeparator();
                        menu.addAction(QStringLiteral("Resolve\u2026"), this,
                                       &LeanUi::resolveSelectedAndon);
                    }
                    menu.exec(list->viewport()->mapToGlobal(at));
                });
    }
}

void LeanUi::installStatus() {
    m_outboxStatus = new QToolButton(m_window);
    m_outboxStatus->setObjectName(QStringLiteral("outbox-status"));
    m_outboxStatus->setAutoRaise(true);
    connect(m_outboxStatus, &QToolButton::clicked, this, &LeanUi::showOutbox);
    m_window->statusBar()->addPermanentWidget(m_outboxStatus);
    Outbox *outbox = m_controller->state()->outbox();
    connect(outbox, &Outbox::changed, this, &LeanUi::updateOutboxStatus);
    updateOutboxStatus();
}

void LeanUi::updateOutboxStatus() {
    Outbox *outbox = m_controller->state()->outbox();
    const int n = outbox->pendingCount();
    m_outboxStatus->setVisible(n > 0);
    const QString error = outbox->lastError();
    m_outboxStatus->setText(
        QStringLiteral("\u21BB %1 action%2 pending%3")
            .arg(n)
            .arg(n == 1 ? QString() : QStringLiteral("s"))
            .arg(error.isEmpty() ? QString() : QStringLiteral(" \u2014 last error: ") + error));
    m_outboxStatus->setToolTip(QStringLiteral("Written to disk, retried until accepted. Click for "
                                              "the list."));
}
