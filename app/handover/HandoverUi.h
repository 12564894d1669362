// SPDX-License-Identifier: MIT
// The handover in the main window: "Handover" in the toolbar (Ctrl+Shift+H) opens the dialog,
// and when the on-duty schedule names someone new, a banner (never a modal over the board)
// offers the outgoing person to hand over.
//
// objectNames: "action-handover", "handover-banner", "handover-banner-text",
// "handover-banner-open".
#pragma once

#include "app/handover/HandoverDialog.h"
#include "core/config/Objectives.h"

#include <QObject>
#include <QPointer>

class LeanController;
class MainWindow;
class QAction;
class QLabel;
class QToolBar;
class Store;

class HandoverUi final : public QObject {
    Q_OBJECT
public:
    // `scheduled`: the on-duty schedule (on_duty_url) is configured, so a new name can come.
    HandoverUi(MainWindow *window, LeanController *controller, Store *store,
               const Objectives &objectives, bool scheduled);

    QAction *action() const { return m_action; }
    // Opens the dialog (or raises the one open).
    HandoverDialog *showDialog();
    HandoverDialog *dialog() const { return m_dialog; }

private:
    void scheduleChanged();

    MainWindow *m_window;
    LeanController *m_controller;
    Store *m_store;
    Objectives m_objectives;
    QAction *m_action;
    QToolBar *m_banner;
    QLabel *m_bannerText;
    QString m_lastScheduled; // the schedule's name when last heard
    QPointer<HandoverDialog> m_dialog;
};
