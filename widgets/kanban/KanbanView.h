// SPDX-License-Identifier: MIT
// The Kanban board: the configured columns side by side, each headed by its WIP state
// ("Work in progress 2 / 1", coloured when exceeded), with its cards: title, assignees, the due
// phrase, age in the column, and a red andon mark on cards whose project is halted.
#pragma once

#include <QWidget>

class Board;
class QHBoxLayout;
class QLabel;

class KanbanView final : public QWidget {
    Q_OBJECT
public:
    explicit KanbanView(Board *board, QWidget *parent = nullptr);

    // Card titles of a column, top to bottom, and its header text: for tests.
    QStringList cardTitles(const QString &column) const;
    QString headerText(const QString &column) const;

    // The wall: no scroll bars (nobody scrolls a TV); cards beyond the bottom are not shown.
    void setScrollBarsShown(bool shown);

public Q_SLOTS:
    // Rebuilds the columns from the board now (changes are otherwise coalesced).
    void rebuild();

private:
    void scheduleRebuild();
    QWidget *makeColumn(const QString &name, const QString &countText, bool exceeded,
                        const QList<int> &rows);
    QWidget *makeCard(int row);

    Board *m_board;
    QHBoxLayout *m_columns;
    QLabel *m_empty;
    bool m_rebuildPending = false;
    bool m_scrollBars = true;
};
