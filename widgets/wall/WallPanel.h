// SPDX-License-Identifier: MIT
// One panel on the wall screen: count and title sized for the room, a loud band when its data
// is stale or failed (and why), the rows that fit and "+N more" for the rest. It reuses the
// desktop's model and sort order; only the painting differs. Incidents show their groups only
// (a list over the grouping's top-level rows): a wall is read, never expanded.
#pragma once

#include "core/board/Item.h"
#include "core/models/PanelGroupModel.h"
#include "widgets/wall/WallStyle.h"

#include <QFrame>

class Board;
class PanelModel;
class PanelSortProxy;
class QLabel;
class QListView;
class WallBand;
class WallItemDelegate;

class WallPanel final : public QFrame {
    Q_OBJECT
public:
    // objectNames: "wall-panel-<name>"; inside: "count", "title", "freshness" (the quiet
    // status), "freshness-band" (shown when not fresh), "items", "empty-state", "more".
    WallPanel(ItemKind kind, Board *board, QWidget *parent = nullptr);

    ItemKind kind() const { return m_kind; }
    void setMetrics(const WallMetrics &metrics);
    QLabel *titleLabel() const { return m_title; }
    QListView *list() const { return m_list; }
    // What each source groups its alerts by (the desk's answer); incidents only.
    void setGroupBy(PanelGroupModel::GroupByOf groupBy);
    WallItemDelegate *delegate() const { return m_delegate; }
    // The sorted, filtered rows (the wall's filter from its config is set on it).
    PanelSortProxy *proxy() const { return m_proxy; }
    WallBand *freshnessBand() const { return m_band; }
    // Rows hidden below the last one that fits (the "+N more" line).
    int hiddenRows() const { return m_hidden; }

public Q_SLOTS:
    // Re-reads health and counts: called on every health change and once a minute.
    void refresh();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void relayout();

    ItemKind m_kind;
    Board *m_board;
    PanelModel *m_model;
    PanelSortProxy *m_proxy;
    PanelGroupModel *m_groups;
    WallItemDelegate *m_delegate;
    WallMetrics m_metrics;
    QLabel *m_count;
    QLabel *m_title;
    QLabel *m_status;
    WallBand *m_band;
    QListView *m_list;
    QLabel *m_empty;
    QLabel *m_more;
    int m_ruleY = 0;
    int m_hidden = 0;
};
