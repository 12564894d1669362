// SPDX-License-Identifier: MIT
// The outbox's pending actions, one line each (what, where, attempts, last error, next try),
// with "Retry now" and "Discard". objectName "outbox-dialog", list "outbox-list".
#pragma once

#include <QDialog>

class Outbox;
class QListWidget;

class OutboxDialog final : public QDialog {
    Q_OBJECT
public:
    OutboxDialog(Outbox *outbox, QWidget *parent = nullptr);

private:
    void refresh();
    Outbox *m_outbox;
    QListWidget *m_list;
};
