// SPDX-License-Identifier: MIT
// Every source on one line at the bottom of the board: a shape and a word for its health,
// its name, and the details (error, last success, rate limit, TLS) on hover.
#pragma once

#include <QFrame>

#include <vector>

class Clock;
class QHBoxLayout;
class QLabel;
class QScrollArea;
class SourceHealthModel;

class SourceBar final : public QFrame {
    Q_OBJECT
public:
    // objectName "source-bar"; one QLabel per source named "source-<name>".
    SourceBar(SourceHealthModel *health, const Clock &clock, QWidget *parent = nullptr);

    // The label's rich text and its tooltip, for one row of the health model.
    QString entryText(int row) const;
    QString entryToolTip(int row) const;

public Q_SLOTS:
    // Re-renders every entry: tooltips show times relative to today.
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void fitHeight();
    void updateRows(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void updateRow(int row);

    SourceHealthModel *m_health;
    const Clock &m_clock;
    QWidget *m_row;
    QHBoxLayout *m_rowLayout;
    QLabel *m_none;
    QScrollArea *m_scroll;
    std::vector<QLabel *> m_entries;
};
