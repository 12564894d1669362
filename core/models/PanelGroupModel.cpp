// SPDX-License-Identifier: MIT
#include "PanelGroupModel.h"

#include "core/grouping/GroupKey.h"

#include <QAbstractProxyModel>
#include <QLocale>
#include <QMap>

#include <algorithm>

namespace {

constexpr quintptr topLevel = 0;

// Panel order for incidents: worst severity, then oldest (no date last), then a total order.
bool incidentBefore(const Item &l, const Item &r) {
    if (l.severity.rank() != r.severity.rank())
        return l.severity.rank() < r.severity.rank();
    if (l.createdAt.isValid() != r.createdAt.isValid())
        return l.createdAt.isValid();
    if (l.createdAt != r.createdAt)
        return l.createdAt < r.createdAt;
    if (l.source != r.source)
        return l.source < r.source;
    return l.id < r.id;
}

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

PanelGroupModel::PanelGroupModel(const PanelModel *panel, GroupByOf groupByOf, QObject *parent)
    : QAbstractItemModel(parent)
    , m_panel(panel)
    , m_groupByOf(std::move(groupByOf)) {}

void PanelGroupModel::setSourceModel(QAbstractItemModel *source) {
    for (const QMetaObject::Connection &c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_source = source;
    m_proxy = qobject_cast<const QAbstractProxyModel *>(source);
    if (source) {
        using M = QAbstractItemModel;
        m_connections = {
            connect(source, &M::rowsAboutToBeRemoved, this, &PanelGroupModel::onAboutToBeRemoved),
            connect(source, &M::rowsRemoved, this, &PanelGroupModel::onRemoved),
            connect(source, &M::rowsInserted, this, &PanelGroupModel::onInserted),
            connect(source, &M::dataChanged, this, &PanelGroupModel::onDataChanged),
            // A re-sort or a whole new filter is no row-by-row change: group everything again.
            connect(source, &M::layoutChanged, this, &PanelGroupModel::rebuild),
            connect(source, &M::modelReset, this, &PanelGroupModel::rebuild),
            connect(source, &M::rowsMoved, this, &PanelGroupModel::rebuild),
        };
    }
    rebuild();
}

const Item &PanelGroupModel::itemOfRow(int row) const {
    if (!m_proxy)
        return m_panel->item(row);
    return m_panel->item(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
}

bool PanelGroupModel::itemLess(int left, int right) const {
    return incidentBefore(itemOfRow(left), itemOfRow(right));
}

bool PanelGroupModel::groupLess(int leftSlot, int rightSlot) const {
    const Group &l = m_slots[static_cast<size_t>(leftSlot)];
    const Group &r = m_slots[static_cast<size_t>(rightSlot)];
    if (l.worst != r.worst)
        return l.worst < r.worst;
    if (l.earliest.isValid() != r.earliest.isValid())
        return l.earliest.isValid();
    if (l.earliest != r.earliest)
        return l.earliest < r.earliest;
    return l.key < r.key;
}

const QStringList &PanelGroupModel::groupByFor(const QString &source) const {
    auto it = m_groupByCache.find(source);
    if (it == m_groupByCache.end())
        it = m_groupByCache.insert(source, m_groupByOf ? m_groupByOf(source) : QStringList());
    return *it;
}

// Worst severity: the first rank with members. Earliest and newest: members are sorted by rank
// then start, so each rank's first and last dated member are the only candidates.
void PanelGroupModel::updateAggregates(Group &g) const {
    g.worst = 5;
    g.earliest = {};
    g.newest = {};
    g.earliestRow = -1;
    g.newestRow = -1;
    size_t start = 0;
    for (size_t rank = 0; rank < g.perRank.size(); ++rank) {
        const size_t count = static_cast<size_t>(g.perRank[rank]);
        if (count == 0)
            continue;
        g.worst = std::min(g.worst, static_cast<int>(rank) + 1);
        const QDateTime &first = itemOfRow(g.rows[start]).createdAt;
        if (first.isValid() && (!g.earliest.isValid() || first < g.earliest)) {
            g.earliest = first;
            g.earliestRow = g.rows[start];
        }
        // The last dated one: undated members sort last within their rank.
        auto end = g.rows.begin() + static_cast<std::ptrdiff_t>(start + count);
        auto dated =
            std::partition_point(g.rows.begin() + static_cast<std::ptrdiff_t>(start), end,
                                 [this](int row) { return itemOfRow(row).createdAt.isValid(); });
        if (dated != g.rows.begin() + static_cast<std::ptrdiff_t>(start)) {
            const QDateTime &last = itemOfRow(*(dated - 1)).createdAt;
            if (!g.newest.isValid() || last > g.newest) {
                g.newest = last;
                g.newestRow = *(dated - 1);
            }
        }
        start += count;
    }
    g.summaryValid = false;
}

void PanelGroupModel::summarise(const Group &g) const {
    if (g.summaryValid)
        return;
    g.summaryValid = true;
    const Item &first = itemOfRow(g.rows.front());
    const QStringList &by = groupByFor(first.source);
    const QString label = distinguishingLabel(first.labels, itemOfRow(g.rows.back()).labels, by);
    QString low;
    QString high;
    QMap<QString, int> states;
    QStringList people;
    for (int row : g.rows) {
        const Item &it = itemOfRow(row);
        if (!label.isEmpty()) {
            const QString value = labelValue(it.labels, label);
            if (low.isEmpty() || value < low)
                low = value;
            if (value > high)
                high = value;
        }
        ++states[it.state];
        for (const QString &person : it.people) {
            if (!people.contains(person))
                people.append(person);
        }
    }
    g.span = label.isEmpty() ? QString() : low + QStringLiteral(" \u2026 ") + high;
    QStringList stateText;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        stateText.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    g.states = stateText.join(QStringLiteral(" \u00B7 "));
    g.people = people.join(QStringLiteral(", "));
}

QVariant PanelGroupModel::groupData(const Group &g, int role) const {
    switch (role) {
    case Qt::DisplayRole:
    case PanelModel::TitleRole:
    case Qt::ToolTipRole: {
        summarise(g);
        QString title =
            QStringLiteral("%1 \u00D7%2")
                .arg(g.title, QLocale(QLocale::English).toString(static_cast<int>(g.rows.size())));
        if (!g.span.isEmpty())
            title += QStringLiteral(" \u2014 ") + g.span;
        return title;
    }
    case PanelModel::AgeTextRole: {
        // The members' own age texts: the clock lives in the panel model.
        if (g.earliestRow < 0)
            return QString();
        const auto ago = [this](int row) {
            const QString age = m_source->index(row, 0).data(PanelModel::AgeTextRole).toString();
            return age == QLatin1String("now") ? age : age + QStringLiteral(" ago");
        };
        return QStringLiteral("first %1 \u00B7 newest %2")
            .arg(ago(g.earliestRow), ago(g.newestRow));
    }
    case PanelModel::AgeSecondsRole:
        return g.earliestRow < 0 ? QVariant(qint64(0))
                                 : m_source->index(g.earliestRow, 0).data(role);
    case PanelModel::CreatedAtRole:
        return g.earliest;
    case PanelModel::StateRole:
        summarise(g);
        return g.states;
    case PanelModel::PeopleRole:
        summarise(g);
        return g.people;
    case PanelModel::IdRole:
    case PanelModel::UrlRole:
        return QString();
    case GroupSizeRole:
        return static_cast<int>(g.rows.size());
    default:
        // Severity (the worst member's), source, staleness: what every member shares.
        return m_source->index(g.rows.front(), 0).data(role);
    }
}

QModelIndex PanelGroupModel::index(int row, int column, const QModelIndex &parent) const {
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < groupCount() ? createIndex(row, 0, topLevel) : QModelIndex();
    if (parent.internalId() != topLevel || parent.row() >= groupCount())
        return {};
    const int slot = m_order[static_cast<size_t>(parent.row())];
    if (row >= rowCount(parent))
        return {};
    return createIndex(row, 0, static_cast<quintptr>(slot) + 1);
}

QModelIndex PanelGroupModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == topLevel)
        return {};
    return groupIndex(static_cast<int>(child.internalId() - 1));
}

QModelIndex PanelGroupModel::groupIndex(int slot) const {
    return createIndex(m_positionOfSlot[static_cast<size_t>(slot)], 0, topLevel);
}

int PanelGroupModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return groupCount();
    if (parent.internalId() != topLevel)
        return 0;
    const Group &g = m_slots[static_cast<size_t>(m_order[static_cast<size_t>(parent.row())])];
    return g.rows.size() > 1 ? static_cast<int>(g.rows.size()) : 0;
}

int PanelGroupModel::columnCount(const QModelIndex &) const {
    return 1;
}

bool PanelGroupModel::hasChildren(const QModelIndex &parent) const {
    return rowCount(parent) > 0;
}

bool PanelGroupModel::isGroup(const QModelIndex &index) const {
    return index.isValid() && index.model() == this && index.internalId() == topLevel &&
           rowCount(index) > 0;
}

int PanelGroupModel::memberRow(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this)
        return -1;
    if (index.internalId() == topLevel) {
        const Group &g = m_slots[static_cast<size_t>(m_order[static_cast<size_t>(index.row())])];
        return g.rows.size() == 1 ? g.rows.front() : -1;
    }
    const Group &g = m_slots[static_cast<size_t>(index.internalId() - 1)];
    return g.rows[static_cast<size_t>(index.row())];
}

QModelIndex PanelGroupModel::mapToSource(const QModelIndex &index) const {
    const int row = memberRow(index);
    return row < 0 ? QModelIndex() : m_source->index(row, 0);
}

QModelIndex PanelGroupModel::mapFromSource(const QModelIndex &sourceIndex) const {
    if (!sourceIndex.isValid() || sourceIndex.row() >= alertCount())
        return {};
    const int slot = m_slotOfRow[static_cast<size_t>(sourceIndex.row())];
    if (slot < 0)
        return {};
    const Group &g = m_slots[static_cast<size_t>(slot)];
    if (g.rows.size() == 1)
        return groupIndex(slot);
    const auto at = std::find(g.rows.begin(), g.rows.end(), sourceIndex.row());
    return createIndex(static_cast<int>(at - g.rows.begin()), 0, static_cast<quintptr>(slot) + 1);
}

std::vector<const Item *> PanelGroupModel::itemsOf(const QModelIndex &index) const {
    std::vector<const Item *> items;
    if (!index.isValid() || index.model() != this)
        return items;
    if (const int row = memberRow(index); row >= 0) {
        items.push_back(&itemOfRow(row));
        return items;
    }
    const Group &g = m_slots[static_cast<size_t>(m_order[static_cast<size_t>(index.row())])];
    items.reserve(g.rows.size());
    for (int row : g.rows)
        items.push_back(&itemOfRow(row));
    return items;
}

QVariant PanelGroupModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const int row = memberRow(index); row >= 0) {
        if (role == GroupSizeRole)
            return 0;
        return m_source->index(row, 0).data(role);
    }
    return groupData(m_slots[static_cast<size_t>(m_order[static_cast<size_t>(index.row())])], role);
}

QHash<int, QByteArray> PanelGroupModel::roleNames() const {
    QHash<int, QByteArray> names = m_panel->roleNames();
    names.insert(GroupSizeRole, "groupSize");
    return names;
}

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
    // In bulk: every alert to its group, then each group and the groups sorted once.
    for (int row = 0; row < rows; ++row) {
        const Item &it = itemOfRow(row);
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
        std::sort(g.rows.begin(), g.rows.end(), [this](int l, int r) { return itemLess(l, r); });
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
