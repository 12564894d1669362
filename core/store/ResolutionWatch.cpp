// SPDX-License-Identifier: MIT
#include "ResolutionWatch.h"

#include "core/board/Board.h"
#include "core/board/ItemDiff.h"

#include <algorithm>
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
                m_resolved.push_back({now, std::max<qint64>(0, it.value().secsTo(now))});
        }
        for (const QString &key : std::as_const(m_andons)) {
            if (!andons.contains(key))
                m_resolved.push_back({now, -1});
        }
    }
    m_primed = true;
    m_incidents = std::move(incidents);
    m_andons = std::move(andons);
}

ResolutionWatch::Resolved ResolutionWatch::resolvedIn(const QDateTime &since,
                                                      const QDateTime &upTo) const {
    Resolved out;
    for (const Resolution &r : m_resolved) {
        if ((since.isValid() && r.at <= since) || r.at > upTo)
            continue;
        if (r.resolveS < 0)
            ++out.andons;
        else
            out.resolveS.push_back(r.resolveS);
    }
    return out;
}

void ResolutionWatch::forgetUpTo(const QDateTime &at) {
    m_resolved.erase(std::remove_if(m_resolved.begin(), m_resolved.end(),
                                    [&at](const Resolution &r) { return r.at <= at; }),
                     m_resolved.end());
}
