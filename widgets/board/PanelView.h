// SPDX-License-Identifier: MIT
// One panel of the board: a header (count, title, freshness badge) over the sorted list of
// its items, or a friendly empty state when there is nothing to do. The incidents panel groups
// its alerts (PanelGroupModel): a group is a row that expands to its alerts.
#pragma once

#include "core/board/Item.h"
#include "core/models/PanelGroupModel.h"

#include <QFrame>

class Board;
class FreshnessBadge;
class ItemDelegate;
class PanelModel;
class PanelSortProxy;
class QLabel;
class QTreeView;
class QStackedWidget;

class PanelView final : public QFrame {
    Q_OBJECT
public:
    // objectNames: "panel-<requests|bugs|incidents|andons>" on the panel, "count", "title",
    // "freshness", "items" (the list: a tree whose group rows expand on the incidents panel) and
    // "empty-state" inside it.
    PanelView(ItemKind kind, Board *board, QWidget *parent = nullptr);

    ItemKind kind() const { return m_kind; }
    QTreeView *list() const { return m_list; }
    // The incidents panel's grouping over its filter proxy; null on the other panels.
    PanelGroupModel *groups() const { return m_groups; }
    // What each source groups its alerts by (from the configuration): none until set.
    void setGroupBy(PanelGroupModel::GroupByOf groupBy);
    const PanelGroupModel::GroupByOf &groupBy() const { return m_groupBy; }
    ItemDelegate *delegate() const { return m_delegate; }
    // The sorted, filtered rows the list shows (the filter bar sets its filter).
    PanelSortProxy *proxy() const { return m_proxy; }
    // Room for features: a widget in the header (before the freshness badge), and a bar under
    // the list (triage buttons…).
    void addHeaderWidget(QWidget *widget);
    void addFooterWidget(QWidget *widget);
    // The sources whose health the badge summarises: the configured ones, and any other that
    // contributes items here (one Alertmanager can feed incidents and andons).
    QStringList feedingSources() const;

    static QString title(ItemKind kind);
    // The header reads "1,000 Open incidents in 14 groups": the count (the alerts when grouped,
    // else the rows) before the title, and the groups after it, so a wall's half-width panel
    // says both without cutting its title.
    static QString countText(const PanelGroupModel *groups, int rows);
    static QString titleText(ItemKind kind, const PanelGroupModel *groups);
    static QString emptyText(ItemKind kind);

public Q_SLOTS:
    // Re-reads health and counts; ages inside the badge ("stale 3 min") move with the clock.
    void refreshFreshness();

private:
    void updateCount();
    void openIndex(const QModelIndex &index);

    ItemKind m_kind;
    Board *m_board;
    PanelModel *m_model;
    PanelSortProxy *m_proxy;
    PanelGroupModel *m_groups;
    PanelGroupModel::GroupByOf m_groupBy;
    ItemDelegate *m_delegate;
    QLabel *m_count;
    QLabel *m_title;
    FreshnessBadge *m_freshness;
    QStackedWidget *m_stack;
    QTreeView *m_list;
    QLabel *m_empty;
    class QHBoxLayout *m_header;
    class QVBoxLayout *m_layout;
};
