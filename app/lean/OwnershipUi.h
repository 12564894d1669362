// SPDX-License-Identifier: MIT
// "I'm on it" on the desk: A on any panel's list owns the selected item (asking first, without
// blocking, when someone else owns it), Shift+A releases it; the same in each list's context
// menu and as toolbar buttons ("I'm on it", "Release", "Acknowledged"); the owner pill on every
// row, repainted when an owner changes here or on another screen.
#pragma once

#include "app/lean/OwnerMarks.h"

#include <QObject>
#include <QPointer>

class AcknowledgedDialog;
class LeanController;
class MainWindow;
class Notifier;
class QAction;
class QMenu;
class QMessageBox;
class UnownedItems;

class OwnershipUi final : public QObject {
    Q_OBJECT
public:
    OwnershipUi(MainWindow *window, LeanController *controller, QObject *parent = nullptr);

    // objectNames "action-acknowledge", "action-release", "action-acknowledged-view".
    QAction *acknowledgeAction() const { return m_acknowledge; }
    QAction *releaseAction() const { return m_release; }
    QAction *acknowledgedViewAction() const { return m_view; }
    const OwnerMarks &marks() const { return m_marks; }
    // Where "UNOWNED" comes from; its changes repaint the rows.
    void setUnowned(UnownedItems *unowned);

    // On the selected item of the list last used: A, and Shift+A. A takeover is confirmed in
    // the returned box (objectName "takeover-confirm"; nullptr when none was needed).
    QMessageBox *acknowledgeSelected();
    void releaseSelected();
    // The context menu's entries for `kind`'s selected row.
    void addMenuEntries(QMenu *menu, ItemKind kind);
    // The "Acknowledged" view: open, not modal, live.
    AcknowledgedDialog *showAcknowledged();

private:
    void repaintRows();

    MainWindow *m_window;
    LeanController *m_controller;
    OwnerMarks m_marks;
    ItemKind m_active = ItemKind::Incident; // the list the toolbar buttons act on
    QAction *m_acknowledge;
    QAction *m_release;
    QAction *m_view;
    QPointer<AcknowledgedDialog> m_dialog;
};

// "Unowned is visible" for `controller`'s board: checked every few seconds and on every change
// of owner, with the delay of `notifier`'s config, each item told to `notifier` once.
UnownedItems *watchUnowned(LeanController *controller, Notifier *notifier, QObject *parent);
