// SPDX-License-Identifier: MIT
// Triage under Pending requests: one button and one key each (S self-service, T take it,
// B bug, P project), the self-service suggestion with "Copy command", and the request cards'
// marks (the investigation clock in green, amber, red; "BUG filed"; "SELF-SERVICE").
#pragma once

#include "core/lean/TriageStore.h"
#include "widgets/board/ItemDelegate.h"

#include <QList>
#include <QObject>

class LeanController;
class MainWindow;
class QLabel;
class QPushButton;

class RequestTriageUi final : public QObject {
    Q_OBJECT
public:
    RequestTriageUi(MainWindow *window, LeanController *controller, QObject *parent = nullptr);

    // The actions behind the buttons and keys, on the selected request.
    void triageSelected(Triage triage);
    void copySuggestion();
    // What a request's card says (also used by tests).
    RowMark requestMark(const Item &item) const;

private:
    void updateTriageBar();

    MainWindow *m_window;
    LeanController *m_controller;
    QLabel *m_suggestion = nullptr;
    QPushButton *m_copy = nullptr;
    QList<QPushButton *> m_triageButtons;
};
