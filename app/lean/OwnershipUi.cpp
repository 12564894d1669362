// SPDX-License-Identifier: MIT
#include "OwnershipUi.h"

#include "app/MainWindow.h"
#include "app/lean/AcknowledgedDialog.h"
#include "app/lean/PanelSelection.h"
#include "core/attention/Notifier.h"
#include "core/attention/UnownedItems.h"
#include "core/board/Board.h"
#include "core/config/LeanConfig.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"
#include "core/ownership/Ownerships.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/ItemDelegate.h"
#include "widgets/board/PanelView.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QStatusBar>
#include <QTreeView>

namespace {

constexpr ItemKind panelKinds[] = {ItemKind::Incident, ItemKind::Andon, ItemKind::Request,
                                   ItemKind::Bug};

} // namespace

OwnershipUi::OwnershipUi(MainWindow *window, LeanController *controller, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_controller(controller)
    , m_marks(controller) {
    m_acknowledge = new QAction(QStringLiteral("\u25CF I'm on it"), window);
    m_acknowledge->setObjectName(QStringLiteral("action-acknowledge"));
    m_acknowledge->setToolTip(QStringLiteral("Own the selected item, here and in its source (A)"));
    connect(m_acknowledge, &QAction::triggered, this, [this] { acknowledgeSelected(); });
    m_release = new QAction(QStringLiteral("Release"), window);
    m_release->setObjectName(QStringLiteral("action-release"));
    m_release->setToolTip(QStringLiteral("Nobody owns the selected item any more (Shift+A)"));
    connect(m_release, &QAction::triggered, this, &OwnershipUi::releaseSelected);
    m_view = new QAction(QStringLiteral("Acknowledged"), window);
    m_view->setObjectName(QStringLiteral("action-acknowledged-view"));
    m_view->setToolTip(QStringLiteral("Who owns what, and what the sources said"));
    connect(m_view, &QAction::triggered, this, &OwnershipUi::showAcknowledged);

    for (ItemKind kind : panelKinds) {
        PanelView *panel = window->boardView()->panelView(kind);
        panel->delegate()->setOwnerMarker([this](const QModelIndex &index) {
            if (isGroupAt(index))
                return m_marks.markForGroup(itemsAt(index));
            const Item *item = itemAt(index);
            return item ? m_marks.markFor(*item) : OwnerMark();
        });
        QTreeView *list = panel->list();
        // The toolbar's buttons act on the list last used.
        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, kind] { m_active = kind; });
        auto *own = new QShortcut(QKeySequence(Qt::Key_A), list);
        own->setContext(Qt::WidgetShortcut);
        connect(own, &QShortcut::activated, this, [this, kind] {
            m_active = kind;
            acknowledgeSelected();
        });
        auto *release = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_A), list);
        release->setContext(Qt::WidgetShortcut);
        connect(release, &QShortcut::activated, this, [this, kind] {
            m_active = kind;
            releaseSelected();
        });
    }
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (ItemKind kind : panelKinds) {
            if (now && now == m_window->boardView()->panelView(kind)->list())
                m_active = kind;
        }
    });
    connect(controller, &LeanController::ownershipChanged, this, &OwnershipUi::repaintRows);
}

void OwnershipUi::setUnowned(UnownedItems *unowned) {
    m_marks.setUnowned(unowned);
    connect(unowned, &UnownedItems::changed, this, &OwnershipUi::repaintRows);
}

void OwnershipUi::repaintRows() {
    for (ItemKind kind : panelKinds)
        repaintPanel(m_window, kind);
}

QMessageBox *OwnershipUi::acknowledgeSelected() {
    // A group is many alerts, each its own silence: one is owned at a time, from inside it.
    if (groupSelected(m_window, m_active)) {
        m_window->statusBar()->showMessage(
            QStringLiteral("A group: open it (Enter or \u2192) and select an alert; A owns one "
                           "alert at a time"),
            5000);
        return nullptr;
    }
    const Item *selected = selectedItem(m_window, m_active);
    if (!selected) {
        m_window->statusBar()->showMessage(QStringLiteral("Select an item first: A says you are "
                                                          "on it"),
                                           5000);
        return nullptr;
    }
    const Item item = *selected; // the model may move while the box is open
    const QString me = m_controller->onDuty()->actingPerson();
    const QString owner = m_controller->ownerOf(item);
    if (owner.isEmpty() || owner == me) {
        m_controller->acknowledge(item);
        return nullptr;
    }
    const Ownership *owned = m_controller->state()->ownerships()->find(item.source, item.id);
    const QString since =
        owned ? QStringLiteral("since %1")
                    .arg(ownershipTime(owned->since, m_controller->board()->clock().now()))
              : QStringLiteral("in %1").arg(item.source);
    // Not modal: the board goes on updating behind it.
    auto *box = new QMessageBox(
        QMessageBox::Question, QStringLiteral("Take it over?"),
        QStringLiteral("%1 owns \u201C%2\u201D %3: take it over?").arg(owner, item.title, since),
        QMessageBox::Yes | QMessageBox::No, m_window);
    box->setObjectName(QStringLiteral("takeover-confirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this, item](int result) {
        if (result == QMessageBox::Yes)
            m_controller->acknowledge(item, true);
    });
    box->open();
    return box;
}

void OwnershipUi::releaseSelected() {
    const Item *selected = selectedItem(m_window, m_active);
    if (!selected) {
        m_window->statusBar()->showMessage(QStringLiteral("Select an item first: Shift+A "
                                                          "releases it"),
                                           5000);
        return;
    }
    // Where the source cannot undo it, the controller's notice says so (released on the board).
    m_controller->release(*selected);
}

void OwnershipUi::addMenuEntries(QMenu *menu, ItemKind kind) {
    m_active = kind;
    const Item *item = selectedItem(m_window, kind);
    if (!item)
        return;
    QAction *own =
        menu->addAction(QStringLiteral("I'm on it"), this, [this] { acknowledgeSelected(); });
    own->setObjectName(QStringLiteral("menu-acknowledge"));
    own->setShortcut(QKeySequence(Qt::Key_A));
    const bool canUndo = m_controller->canRelease(*item);
    QAction *release = menu->addAction(
        canUndo ? QStringLiteral("Release")
                : QStringLiteral("Release on the board only (%1 cannot undo it)").arg(item->source),
        this, &OwnershipUi::releaseSelected);
    release->setObjectName(QStringLiteral("menu-release"));
    release->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_A));
    release->setEnabled(m_controller->state()->ownerships()->find(item->source, item->id));
}

AcknowledgedDialog *OwnershipUi::showAcknowledged() {
    if (!m_dialog) {
        m_dialog = new AcknowledgedDialog(m_controller->state()->ownerships(),
                                          m_controller->board()->clock(), m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

UnownedItems *watchUnowned(LeanController *controller, Notifier *notifier, QObject *parent) {
    auto *unowned = new UnownedItems(
        controller->board(), notifier->config().unownedAlertMin,
        [controller](const Item &item) { return controller->ownerOf(item); },
        controller->config().inProgress, parent);
    unowned->ignoreSource(LeanController::declaringSource());
    QObject::connect(unowned, &UnownedItems::alert, notifier, &Notifier::reportUnowned);
    QObject::connect(controller, &LeanController::ownershipChanged, unowned, &UnownedItems::check);
    unowned->start();
    return unowned;
}
