// SPDX-License-Identifier: MIT
// The incidents panel grouped: alerts that share a group key (GroupKey.h) collapse into one row
// whose children are the alerts; a group of one is a plain row. It sits on top of the panel's
// filter proxy, so what the filter lets through is what gets grouped, and it keeps its own order
// (the proxy stays unsorted): groups by worst severity then earliest start, the alerts inside in
// panel order. Every change of the source becomes incremental row signals (never a reset), so
// selection and expansion survive a refresh. Per alert it holds two ints (its group and its
// place there); per group its key, title and a cache of the text that spans its members.
// PanelGroupModel.cpp answers the views; PanelGroupUpdates.cpp follows the source.
#pragma once

#include "core/board/Item.h"
#include "core/grouping/GroupSummary.h"
#include "core/models/PanelModel.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>

#include <array>
#include <functional>
#include <vector>

class QAbstractProxyModel;

class PanelGroupModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    // The labels a source groups by (SourceInfo::groupBy); empty: no grouping.
    using GroupByOf = std::function<QStringList(const QString &source)>;
    enum Role {
        GroupSizeRole = PanelModel::HaltedRole + 64, // int: the alerts of a group row, else 0
    };
    Q_ENUM(Role)

    PanelGroupModel(const PanelModel *panel, GroupByOf groupByOf, QObject *parent = nullptr);
    // Another answer to what sources group by (the configuration, once read): groups again.
    void setGroupBy(GroupByOf groupByOf);

    // `source`: the panel model itself, or a proxy (the filter) over it whose rows stay flat.
    void setSourceModel(QAbstractItemModel *source);
    QAbstractItemModel *sourceModel() const { return m_source; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A group row (two alerts or more), not an alert.
    bool isGroup(const QModelIndex &index) const;
    // The source index of an alert row (plain or child); invalid for a group row.
    QModelIndex mapToSource(const QModelIndex &index) const;
    // The row showing the source's alert: its plain row, or its child row in its group.
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const;
    // The alerts of a row: a group's members, or the alert itself.
    std::vector<const Item *> itemsOf(const QModelIndex &index) const;

    // The alerts shown (what the filter lets through) and the top-level rows they make.
    int alertCount() const { return static_cast<int>(m_slotOfRow.size()); }
    int groupCount() const { return static_cast<int>(m_order.size()); }
    // The group-by labels changed (a live reload): every alert is grouped again.
    void regroup();

Q_SIGNALS:
    // alertCount() or groupCount() may have changed.
    void countsChanged();

private:
    struct Group {
        QString key;
        QString title;
        std::vector<int> rows; // source rows, in panel order
        std::array<int, 5> perRank{};
        int worst = 5;
        QDateTime earliest;
        QDateTime newest;
        int earliestRow = -1; // source rows of the earliest and newest dated members
        int newestRow = -1;
        // The text a group row shows about its members, made when first painted after a change.
        mutable bool summaryValid = false;
        mutable GroupSummary summary;
    };

    const Item &itemOfRow(int row) const;
    bool itemLess(int left, int right) const;
    bool groupLess(int leftSlot, int rightSlot) const;
    const QStringList &groupByFor(const QString &source) const;
    QModelIndex groupIndex(int slot) const;
    int memberRow(const QModelIndex &index) const;
    void updateAggregates(Group &group) const;
    void summarise(const Group &group) const;
    QVariant groupData(const Group &group, int role) const;

    int takeSlot(const QString &key, const QString &title);
    void freeSlot(int slot);
    void renumber(int from, int to);
    void addMember(int row);
    void removeMember(int row, bool orderTrusted);
    void reposition(int slot);

    void onAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRemoved(const QModelIndex &parent, int first, int last);
    void onInserted(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void rebuild();

    const PanelModel *m_panel;
    GroupByOf m_groupByOf;
    QAbstractItemModel *m_source = nullptr;
    const QAbstractProxyModel *m_proxy = nullptr;
    std::vector<Group> m_slots;
    std::vector<int> m_freeSlots;
    std::vector<int> m_order;          // top-level row -> slot
    std::vector<int> m_positionOfSlot; // slot -> top-level row, -1 when free
    std::vector<int> m_slotOfRow;      // source row -> slot
    QHash<QString, int> m_slotByKey;
    mutable QHash<QString, QStringList> m_groupByCache;
    std::vector<QMetaObject::Connection> m_connections;
};
