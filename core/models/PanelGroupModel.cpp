// SPDX-License-Identifier: MIT
#include "PanelGroupModel.h"

#include "core/board/ItemOrder.h"
#include "core/grouping/GroupSummary.h"

#include <QAbstractProxyModel>
#include <QLocale>

#include <algorithm>
namespace {

constexpr quintptr topLevel = 0;

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
    std::vector<const Item *> members;
    members.reserve(g.rows.size());
    for (int row : g.rows)
        members.push_back(&itemOfRow(row));
    g.summary = summariseGroup(members, groupByFor(members.front()->source));
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
        if (!g.summary.span.isEmpty())
            title += QStringLiteral(" \u2014 ") + g.summary.span;
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
        return g.summary.states;
    case PanelModel::PeopleRole:
        summarise(g);
        return g.summary.people;
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
