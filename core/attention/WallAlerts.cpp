// SPDX-License-Identifier: MIT
#include "WallAlerts.h"

#include "core/attention/WallAcknowledgements.h"
#include "core/board/Board.h"
#include "core/board/ItemArrival.h"

#include <algorithm>

namespace {

QString keyOf(const Item &item) {
    return itemKey(item.source, item.id);
}

// Most recent first; an item without a date is treated as the oldest.
void newestFirst(Items &items) {
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        if (a.createdAt.isValid() != b.createdAt.isValid())
            return a.createdAt.isValid();
        return a.createdAt > b.createdAt;
    });
}

} // namespace

WallAlerts::WallAlerts(Board *board, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_andons(board->panel(ItemKind::Andon))
    , m_incidents(board->panel(ItemKind::Incident)) {
    auto pruneAndSignal = [this]() {
        prune();
        Q_EMIT changed();
    };
    for (PanelModel *model : {m_andons, m_incidents}) {
        connect(model, &QAbstractItemModel::rowsRemoved, this, pruneAndSignal);
        connect(model, &QAbstractItemModel::modelReset, this, pruneAndSignal);
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { Q_EMIT changed(); });
    }
    connect(m_andons, &QAbstractItemModel::rowsInserted, this, [this] { Q_EMIT changed(); });
    connect(m_incidents, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onIncidentsInserted(first, last); });
}

void WallAlerts::setAcknowledgements(WallAcknowledgements *acks) {
    m_stored = acks;
    if (!acks)
        return;
    connect(acks, &WallAcknowledgements::changed, this, [this] {
        dropAcknowledgedBanners();
        Q_EMIT changed();
    });
    dropAcknowledgedBanners();
    Q_EMIT changed();
}

bool WallAlerts::isAcknowledged(const Item &andon) const {
    const QString key = keyOf(andon);
    return m_acked.contains(key) ||
           (m_stored && m_stored->contains(WallAcknowledgements::Kind::Andon, key));
}

void WallAlerts::dropAcknowledgedBanners() {
    if (!m_stored)
        return;
    for (auto it = m_banners.begin(); it != m_banners.end();) {
        if (m_stored->contains(WallAcknowledgements::Kind::Banner, *it))
            it = m_banners.erase(it);
        else
            ++it;
    }
}

Items WallAlerts::andons(bool acknowledged) const {
    Items out;
    for (const Item &item : m_andons->items()) {
        if (isAcknowledged(item) == acknowledged)
            out.push_back(item);
    }
    newestFirst(out);
    return out;
}

Items WallAlerts::takeoverAndons() const {
    return andons(false);
}

Items WallAlerts::acknowledgedAndons() const {
    return andons(true);
}

Items WallAlerts::incidentBanners() const {
    Items out;
    for (const Item &item : m_incidents->items()) {
        if (m_banners.contains(keyOf(item)))
            out.push_back(item);
    }
    newestFirst(out);
    std::stable_sort(out.begin(), out.end(), [](const Item &a, const Item &b) {
        return a.severity.rank() < b.severity.rank();
    });
    return out;
}

bool WallAlerts::hasTakeover() const {
    for (const Item &item : m_andons->items()) {
        if (!isAcknowledged(item))
            return true;
    }
    return false;
}

bool WallAlerts::acknowledge() {
    if (hasTakeover()) {
        QSet<QString> keys;
        for (const Item &item : m_andons->items())
            keys.insert(keyOf(item));
        m_acked.unite(keys);
        if (m_stored)
            m_stored->acknowledge(WallAcknowledgements::Kind::Andon, keys);
    } else if (!m_banners.isEmpty()) {
        if (m_stored)
            m_stored->acknowledge(WallAcknowledgements::Kind::Banner, m_banners);
        m_banners.clear();
    } else {
        return false;
    }
    Q_EMIT changed();
    return true;
}

void WallAlerts::onIncidentsInserted(int first, int last) {
    for (int row = first; row <= last; ++row) {
        const Item &item = m_incidents->item(row);
        // Only what arrives after the source's first answer: a wall started during a SEV-1
        // shows it in the incidents panel, not as breaking news.
        const bool severe = item.severity.level == SeverityLevel::Critical ||
                            item.severity.level == SeverityLevel::High;
        const bool acknowledged =
            m_stored && m_stored->contains(WallAcknowledgements::Kind::Banner, keyOf(item));
        if (severe && !acknowledged && isArrival(*m_board->health(), item.source))
            m_banners.insert(keyOf(item));
    }
    Q_EMIT changed();
}

void WallAlerts::prune() {
    // Keys of resolved items go, so the sets never outgrow the board.
    QSet<QString> andons;
    for (const Item &item : m_andons->items())
        andons.insert(keyOf(item));
    m_acked.intersect(andons);
    QSet<QString> incidents;
    for (const Item &item : m_incidents->items())
        incidents.insert(keyOf(item));
    m_banners.intersect(incidents);
}
