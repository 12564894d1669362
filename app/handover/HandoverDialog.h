// SPDX-License-Identifier: MIT
// The Handover dialog (toolbar, Ctrl+Shift+H): the report of the period rendered, the notes the
// outgoing person types (kept in the state as they are typed, for every screen and after a
// restart), "Copy as Markdown", "Save…" (Markdown, HTML or JSON by the file's suffix) and
// "Send" through the outbox. The incoming person's side: "Take over the RUN" sets who is on
// duty (shared through the state), transfers the outgoing person's ownerships that are ticked
// ("transfer to me") and records the handover, which starts the next period. Not modal; the
// state is read on the store's thread.
//
// objectNames: "handover-dialog", "handover-report", "handover-notes", "handover-copy",
// "handover-save", "handover-send", "handover-incoming", "handover-ownerships",
// "handover-take-over", "handover-status".
#pragma once

#include "core/config/Objectives.h"
#include "core/handover/HandoverReport.h"

#include <QDialog>

class LeanController;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;
class Store;

class HandoverDialog final : public QDialog {
    Q_OBJECT
public:
    HandoverDialog(LeanController *controller, Store *store, const Objectives &objectives,
                   QWidget *parent = nullptr);

    // Reads the period from the state again and renders it; loaded() follows.
    void reload();
    const HandoverReport &report() const { return m_report; }
    bool isLoaded() const { return m_loaded; }

    void copyMarkdown();
    // Writes the report to `path`: .html, .json, else Markdown. False with a message when not.
    bool saveTo(const QString &path);
    void send();
    // The incoming person (the field's name) takes over: on duty, the ticked ownerships
    // transferred, the handover recorded.
    void takeOver();

Q_SIGNALS:
    void loaded();

private:
    void render();
    void saveNotes();
    void fillOwnerships();
    void askWhereToSave();

    LeanController *m_controller;
    Store *m_store;
    Objectives m_objectives;
    HandoverInputs m_inputs; // as last read: the notes typed rebuild the report from them
    HandoverReport m_report;
    bool m_loaded = false;
    bool m_notesTouched = false; // typed here since the last load: kept over the store's
    QTextBrowser *m_view;
    QPlainTextEdit *m_notes;
    QTimer *m_notesSave;
    QLineEdit *m_incoming;
    QListWidget *m_ownerships;
    QPushButton *m_send;
    QLabel *m_status;
};
