// SPDX-License-Identifier: MIT
#include "ResolutionWatch.h"

#include "core/board/Board.h"
#include "core/board/ItemDiff.h"

#include <utility>

void ResolutionWatch::observe(const Board &board, const QDateTime &now) {
    QHash<QString, QDateTime> incidents;
    for (const Item &item : board.panel(ItemKind::Incident)->items()) {
        const QString key = itemKey(item.source, item.id);
        const auto known = m_incidents.constFind(key);
        incidents.insert(key, known != m_incidents.constEnd() ? *known
                              : item.createdAt.isValid()      ? item.createdAt
                                                              : now);
    }
    QSet<QString> andons;
    for (const Item &item : board.panel(ItemKind::Andon)->items())
        andons.insert(itemKey(item.source, item.id));
    if (m_primed) {
        for (auto it = m_incidents.cbegin(); it != m_incidents.cend(); ++it) {
            if (!incidents.contains(it.key()))
                m_resolveS.push_back(std::max<qint64>(0, it.value().secsTo(now)));
        }
        for (const QString &key : std::as_const(m_andons))
            m_andonsResolved += andons.contains(key) ? 0 : 1;
    }
    m_primed = true;
    m_incidents = std::move(incidents);
    m_andons = std::move(andons);
}

std::vector<qint64> ResolutionWatch::takeResolveS() {
    return std::exchange(m_resolveS, {});
}

int ResolutionWatch::takeAndonsResolved() {
    return std::exchange(m_andonsResolved, 0);
}
