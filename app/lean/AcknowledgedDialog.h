// SPDX-License-Identifier: MIT
// The "Acknowledged" view: every ownership the team's state holds, one row each: the item, its
// owner and since when, what it made in the source (a silence with its link, "in pagerduty",
// "on the board only"), when that ends (a silence, renewed while the alert fires) and whether
// the source accepted it yet. Not modal, and live: it follows every change of owner.
#pragma once

#include <QDialog>

class Clock;
class Ownerships;
class QLabel;
class QTableWidget;
class QTimer;

class AcknowledgedDialog final : public QDialog {
    Q_OBJECT
public:
    // objectNames "acknowledged-dialog", "acknowledged-table", "acknowledged-summary".
    AcknowledgedDialog(const Ownerships *ownerships, const Clock &clock, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

public Q_SLOTS:
    void refresh();

private:
    const Ownerships *m_ownerships;
    const Clock &m_clock;
    QTableWidget *m_table;
    QLabel *m_summary;
    QTimer *m_coalesce;
};
