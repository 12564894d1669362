// SPDX-License-Identifier: MIT
// Puts the lean workflow into the main window: the andon button, "Declare incident" and who is
// on duty in the toolbar, resolve on the andon panel, "I'm on it" everywhere (OwnershipUi), the
// outbox's pending actions in the status bar; triage under Pending requests (RequestTriageUi) and
// flow marks on the bug and incident queues (WorkQueueMarks).
#pragma once

#include <QObject>

class LeanController;
class MainWindow;
class OwnershipUi;
class QInputDialog;
class QLabel;
class QToolButton;
class RequestTriageUi;
class WorkQueueMarks;

class LeanUi final : public QObject {
    Q_OBJECT
public:
    LeanUi(MainWindow *window, LeanController *controller);

    // The actions behind the buttons, for keys and tests.
    void pullAndon();
    void declareIncident();
    void resolveSelectedAndon();
    void showOutbox();
    // Asks who takes over the RUN (the dialog, open and not modal; it sets the name on OK).
    QInputDialog *askWhoIsOnDuty();

    RequestTriageUi *triage() const { return m_triage; }
    WorkQueueMarks *queues() const { return m_queues; }
    OwnershipUi *ownership() const { return m_ownership; }

private:
    void installToolbar();
    void installAndons();
    void installContextMenus();
    void installStatus();
    void updateOutboxStatus();
    void updateOnDuty();

    MainWindow *m_window;
    LeanController *m_controller;
    RequestTriageUi *m_triage;
    WorkQueueMarks *m_queues;
    OwnershipUi *m_ownership;
    QLabel *m_onDuty = nullptr;
    QToolButton *m_outboxStatus = nullptr;
};
