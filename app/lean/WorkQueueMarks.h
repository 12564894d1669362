// SPDX-License-Identifier: MIT
// What the bug and incident queues say about flow: one piece flow on the bug queue (the bug in
// progress highlighted, "WIP 2/1 — over the limit" when more are worked on than the limit,
// bugs waiting on a third party with their wait), and "DECLARING…" / "POST-MORTEM DUE" on
// incidents.
#pragma once

#include "widgets/board/ItemDelegate.h"

#include <QObject>

class LeanController;
class MainWindow;
class QLabel;

class WorkQueueMarks final : public QObject {
    Q_OBJECT
public:
    WorkQueueMarks(MainWindow *window, LeanController *controller, QObject *parent = nullptr);

    RowMark bugMark(const Item &item) const;
    RowMark incidentMark(const Item &item) const;
    int bugsInProgress() const;
    // Re-reads the bugs in progress and the WIP limit (also after a live reload).
    void updateWip();

private:
    MainWindow *m_window;
    LeanController *m_controller;
    QLabel *m_wip = nullptr;
};
