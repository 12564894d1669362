// SPDX-License-Identifier: MIT
// Puts the lean workflow into the main window: the andon button and "Declare incident" in the
// toolbar, triage buttons and keys under Pending requests, investigation clocks on request
// cards, the WIP limit on the bug queue, resolve on the andon panel, and the outbox's pending
// actions in the status bar.
#pragma once

#include "Item.h"
#include "ItemDelegate.h"
#include "TriageStore.h"

#include <QObject>

class LeanController;
class MainWindow;
class PanelView;
class QLabel;
class QPushButton;
class QToolButton;

class LeanUi final : public QObject {
    Q_OBJECT
public:
    LeanUi(MainWindow *window, LeanController *controller);

    // The actions behind the buttons, for keys and tests.
    void pullAndon();
    void declareIncident();
    void resolveSelectedAndon();
    void triageSelected(Triage triage);
    void copySuggestion();
    void showOutbox();

    // What the row marks say (also used for the tooltips and tests).
    RowMark requestMark(const Item &item) const;
    RowMark bugMark(const Item &item) const;
    RowMark incidentMark(const Item &item) const;
    // "WIP 2/1": bugs in progress over the limit.
    int bugsInProgress() const;

private:
    void installToolbar();
    void installRequests();
    void installBugs();
    void installAndons();
    void installStatus();
    const Item *selected(ItemKind kind) const;
    void updateTriageBar();
    void updateWip();
    void updateOutboxStatus();
    void repaint(ItemKind kind);

    MainWindow *m_window;
    LeanController *m_controller;
    QLabel *m_suggestion = nullptr;
    QPushButton *m_copy = nullptr;
    QList<QPushButton *> m_triageButtons;
    QLabel *m_wip = nullptr;
    QToolButton *m_outboxStatus = nullptr;
};
