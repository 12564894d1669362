// SPDX-License-Identifier: MIT
// PanelGroupModel, continued: how the source's row signals become the groups' row signals (an
// alert joins or leaves its group, a group takes its place), and the bulk regroup.
#include "PanelGroupModel.h"

#include "core/board/ItemOrder.h"
#include "core/grouping/GroupKey.h"

#include <algorithm>

namespace {

// The roles a change can move an alert by (its group or its place): a change that names only
// others (ages, staleness) is only repainted.
bool movesAlerts(const QList<int> &roles) {
    if (roles.isEmpty())
        return true;
    for (int role : roles) {
        if (role == PanelModel::SeverityRankRole || role == PanelModel::CreatedAtRole ||
            role == Qt::DisplayRole || role == PanelModel::TitleRole)
            return true;
    }
    return false;
}

} // namespace

int PanelGroupModel::takeSlot(const QString &key, const QString &title) {
    int slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_slots[static_cast<size_t>(slot)] = Group();
    } else {
        slot = static_cast<int>(m_slots.size());
        m_slots.emplace_back();
        m_positionOfSlot.push_back(-1);
    }
    Group &g = m_slots[static_cast<size_t>(slot)];
    g.key = key;
    g.title = title;
    m_slotByKey.insert(key, slot);
    return slot;
}

void PanelGroupModel::freeSlot(int slot) {
    Group &g = m_slots[static_cast<size_t>(slot)];
    m_slotByKey.remove(g.key);
    g = Group();
    m_positionOfSlot[static_cast<size_t>(slot)] = -1;
    m_freeSlots.push_back(slot);
}

void PanelGroupModel::renumber(int from, int to) {
    for (int pos = std::max(0, from); pos <= to && pos < groupCount(); ++pos)
        m_positionOfSlot[static_cast<size_t>(m_order[static_cast<size_t>(pos)])] = pos;
}

void PanelGroupModel::addMember(int row) {
    const Item &it = itemOfRow(row);
    const QStringList &by = groupByFor(it.source);
    const QString key = groupKeyOf(it, by);
    const int rank = std::clamp(it.severity.rank(), 1, 5) - 1;
    const auto found = m_slotByKey.constFind(key);
    if (found == m_slotByKey.cend()) {
        const int slot = takeSlot(key, groupTitleOf(it, by));
        Group &g = m_slots[static_cast<size_t>(slot)];
        g.rows.push_back(row);
        ++g.perRank[static_cast<size_t>(rank)];
        updateAggregates(g);
        m_slotOfRow[static_cast<size_t>(row)] = slot;
        const auto at = std::upper_bound(m_order.begin(), m_order.end(), slot,
                                         [this](int l, int r) { return groupLess(l, r); });
        const int pos = static_cast<int>(at - m_order.begin());
        beginInsertRows({}, pos, pos);
        m_order.insert(at, slot);
        renumber(pos, groupCount() - 1);
        endInsertRows();
        return;
    }
    const int slot = *found;
    Group &g = m_slots[static_cast<size_t>(slot)];
    const auto at = std::upper_bound(g.rows.begin(), g.rows.end(), row,
                                     [this](int l, int r) { return itemLess(l, r); });
    const int pos = static_cast<int>(at - g.rows.begin());
    const QModelIndex parent = groupIndex(slot);
    // A plain row becoming a group gains both alerts as children.
    if (g.rows.size() == 1)
        beginInsertRows(parent, 0, 1);
    else
        beginInsertRows(parent, pos, pos);
    g.rows.insert(at, row);
    m_slotOfRow[static_cast<size_t>(row)] = slot;
    ++g.perRank[static_cast<size_t>(rank)];
    updateAggregates(g);
    endInsertRows();
    Q_EMIT dataChanged(parent, parent);
    reposition(slot);
}

void PanelGroupModel::removeMember(int row, bool orderTrusted) {
    const int slot = m_slotOfRow[static_cast<size_t>(row)];
    if (slot < 0)
        return;
    m_slotOfRow[static_cast<size_t>(row)] = -1;
    Group &g = m_slots[static_cast<size_t>(slot)];
    const QModelIndex parent = groupIndex(slot);
    if (g.rows.size() == 1) {
        const int pos = parent.row();
        beginRemoveRows({}, pos, pos);
        m_order.erase(m_order.begin() + pos);
        freeSlot(slot);
        renumber(pos, groupCount() - 1);
        endRemoveRows();
        return;
    }
    auto at = g.rows.end();
    if (orderTrusted) {
        at = std::lower_bound(g.rows.begin(), g.rows.end(), row,
                              [this](int l, int r) { return itemLess(l, r); });
        if (at != g.rows.end() && *at != row)
            at = g.rows.end();
    }
    if (at == g.rows.end())
        at = std::find(g.rows.begin(), g.rows.end(), row);
    const int pos = static_cast<int>(at - g.rows.begin());
    // The severity it was counted under: the rank of its place among the ranks' runs.
    int rank = 0;
    for (int seen = 0; rank < 5; ++rank) {
        seen += g.perRank[static_cast<size_t>(rank)];
        if (pos < seen)
            break;
    }
    // A group shrinking to one becomes a plain row: both children go.
    if (g.rows.size() == 2)
        beginRemoveRows(parent, 0, 1);
    else
        beginRemoveRows(parent, pos, pos);
    g.rows.erase(at);
    --g.perRank[static_cast<size_t>(std::min(rank, 4))];
    updateAggregates(g);
    endRemoveRows();
    Q_EMIT dataChanged(parent, parent);
    reposition(slot);
}

void PanelGroupModel::reposition(int slot) {
    const int from = m_positionOfSlot[static_cast<size_t>(slot)];
    const bool afterPrevious =
        from == 0 || !groupLess(slot, m_order[static_cast<size_t>(from - 1)]);
    const bool beforeNext =
        from + 1 >= groupCount() || !groupLess(m_order[static_cast<size_t>(from + 1)], slot);
    if (afterPrevious && beforeNext)
        return;
    std::vector<int> rest = m_order;
    rest.erase(rest.begin() + from);
    const auto at = std::upper_bound(rest.begin(), rest.end(), slot,
                                     [this](int l, int r) { return groupLess(l, r); });
    const int to = static_cast<int>(at - rest.begin());
    // beginMoveRows counts the destination before the move.
    beginMoveRows({}, from, from, {}, to >= from ? to + 1 : to);
    m_order.erase(m_order.begin() + from);
    m_order.insert(m_order.begin() + to, slot);
    renumber(std::min(from, to), std::max(from, to));
    endMoveRows();
}

void PanelGroupModel::onAboutToBeRemoved(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    // Still readable: their place in their group is found by their order.
    for (int row = last; row >= first; --row)
        removeMember(row, true);
}

void PanelGroupModel::onRemoved(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    m_slotOfRow.erase(m_slotOfRow.begin() + first, m_slotOfRow.begin() + last + 1);
    for (int slot : m_order) {
        Group &g = m_slots[static_cast<size_t>(slot)];
        for (int &row : g.rows)
            row -= row > last ? count : 0;
        g.earliestRow -= g.earliestRow > last ? count : 0;
        g.newestRow -= g.newestRow > last ? count : 0;
    }
    Q_EMIT countsChanged();
}

void PanelGroupModel::onInserted(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int slot : m_order) {
        Group &g = m_slots[static_cast<size_t>(slot)];
        for (int &row : g.rows)
            row += row >= first ? count : 0;
        g.earliestRow += g.earliestRow >= first ? count : 0;
        g.newestRow += g.newestRow >= first ? count : 0;
    }
    m_slotOfRow.insert(m_slotOfRow.begin() + first, static_cast<size_t>(count), -1);
    for (int row = first; row <= last; ++row)
        addMember(row);
    Q_EMIT countsChanged();
}

void PanelGroupModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                    const QList<int> &roles) {
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = std::min(bottomRight.row(), alertCount() - 1);
    const bool content = movesAlerts(roles);
    // Alerts whose group, severity or place changed leave and come back; the others repaint.
    std::vector<int> moving;
    std::vector<int> touched;
    for (int row = first; row <= last; ++row) {
        const int slot = m_slotOfRow[static_cast<size_t>(row)];
        if (slot < 0)
            continue;
        touched.push_back(slot);
        if (!content)
            continue;
        Group &g = m_slots[static_cast<size_t>(slot)];
        const Item &it = itemOfRow(row);
        const auto at = std::find(g.rows.begin(), g.rows.end(), row);
        const size_t pos = static_cast<size_t>(at - g.rows.begin());
        size_t runEnd = 0;
        int oldRank = 0;
        for (; oldRank < 5; ++oldRank) {
            runEnd += static_cast<size_t>(g.perRank[static_cast<size_t>(oldRank)]);
            if (pos < runEnd)
                break;
        }
        const bool inOrder = (pos == 0 || !itemLess(row, g.rows[pos - 1])) &&
                             (pos + 1 >= g.rows.size() || !itemLess(g.rows[pos + 1], row));
        if (groupKeyOf(it, groupByFor(it.source)) != g.key ||
            oldRank + 1 != std::clamp(it.severity.rank(), 1, 5) || !inOrder)
            moving.push_back(row);
    }
    for (int row : moving)
        removeMember(row, false);
    for (int row : moving)
        addMember(row);
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    std::vector<int> topRows;
    for (int slot : touched) {
        if (m_positionOfSlot[static_cast<size_t>(slot)] < 0)
            continue;
        Group &g = m_slots[static_cast<size_t>(slot)];
        if (content)
            updateAggregates(g);
        const QModelIndex row = groupIndex(slot);
        topRows.push_back(row.row());
        if (g.rows.size() > 1)
            Q_EMIT dataChanged(index(0, 0, row), index(static_cast<int>(g.rows.size()) - 1, 0, row),
                               roles);
    }
    // The top-level rows in contiguous runs: an age tick over 50,000 plain rows is a few
    // signals, not 50,000.
    std::sort(topRows.begin(), topRows.end());
    for (size_t i = 0; i < topRows.size();) {
        size_t j = i;
        while (j + 1 < topRows.size() && topRows[j + 1] <= topRows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(topRows[i], 0), index(topRows[j], 0), roles);
        i = j + 1;
    }
    // Then the groups whose worst severity or earliest start changed take their new place.
    for (int slot : touched) {
        if (content && m_positionOfSlot[static_cast<size_t>(slot)] >= 0)
            reposition(slot);
    }
    if (!moving.empty())
        Q_EMIT countsChanged();
}

void PanelGroupModel::setGroupBy(GroupByOf groupByOf) {
    m_groupByOf = std::move(groupByOf);
    regroup();
}

void PanelGroupModel::regroup() {
    m_groupByCache.clear();
    rebuild();
}

void PanelGroupModel::rebuild() {
    beginResetModel();
    m_slots.clear();
    m_freeSlots.clear();
    m_order.clear();
    m_positionOfSlot.clear();
    m_slotByKey.clear();
    const int rows = m_source ? m_source->rowCount() : 0;
    m_slotOfRow.assign(static_cast<size_t>(rows), -1);
    // In bulk: every alert to its group, then each group and the groups sorted once, reading
    // each alert through the proxy once rather than at every comparison.
    std::vector<const Item *> items(static_cast<size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        const Item &it = itemOfRow(row);
        items[static_cast<size_t>(row)] = &it;
        const QStringList &by = groupByFor(it.source);
        const QString key = groupKeyOf(it, by);
        auto found = m_slotByKey.constFind(key);
        const int slot = found != m_slotByKey.cend() ? *found : takeSlot(key, groupTitleOf(it, by));
        Group &g = m_slots[static_cast<size_t>(slot)];
        g.rows.push_back(row);
        ++g.perRank[static_cast<size_t>(std::clamp(it.severity.rank(), 1, 5) - 1)];
        m_slotOfRow[static_cast<size_t>(row)] = slot;
    }
    for (Group &g : m_slots) {
        std::sort(g.rows.begin(), g.rows.end(), [&items](int l, int r) {
            return incidentBefore(*items[static_cast<size_t>(l)], *items[static_cast<size_t>(r)]);
        });
        updateAggregates(g);
    }
    m_order.resize(m_slots.size());
    for (size_t slot = 0; slot < m_slots.size(); ++slot)
        m_order[slot] = static_cast<int>(slot);
    std::sort(m_order.begin(), m_order.end(), [this](int l, int r) { return groupLess(l, r); });
    renumber(0, groupCount() - 1);
    endResetModel();
    Q_EMIT countsChanged();
}
