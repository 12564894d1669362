// SPDX-License-Identifier: MIT
#include "Ownerships.h"

#include "core/ownership/OwnershipTable.h"

namespace {

QString keyOf(const QString &source, const QString &itemId) {
    return source + QChar(0x1f) + itemId;
}

bool sameOwnership(const Ownership &a, const Ownership &b) {
    return a.owner == b.owner && a.since == b.since && a.actionId == b.actionId &&
           a.acknowledged == b.acknowledged && a.reference == b.reference && a.endsAt == b.endsAt;
}

} // namespace

Ownerships::Ownerships(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    store->whenChangedElsewhere(QStringLiteral("ownership"), this, [this]() { load(); });
}

void Ownerships::load() {
    const quint64 asked = m_localChanges;
    m_store->post([](QSqlDatabase &db) { return OwnershipTable::load(db); }, this,
                  [this, asked](std::optional<std::vector<Ownership>> rows) {
                      // A change made here after this read was asked is not in its rows: they
                      // would undo it on screen. Read again: the store runs its jobs in order,
                      // so the next read comes after that change's write.
                      if (rows && asked != m_localChanges) {
                          load();
                          return;
                      }
                      if (rows) // the store did not answer: keep what is shown
                          merge(*rows);
                      m_loaded = true;
                      Q_EMIT loaded();
                  });
}

void Ownerships::merge(const std::vector<Ownership> &rows) {
    QHash<QString, Ownership> next;
    for (const Ownership &o : rows)
        next.insert(keyOf(o.source, o.itemId), o);
    QList<Ownership> moved;
    for (auto it = m_byItem.cbegin(); it != m_byItem.cend(); ++it) {
        if (!next.contains(it.key()))
            moved.append(it.value());
    }
    for (auto it = next.cbegin(); it != next.cend(); ++it) {
        const auto known = m_byItem.constFind(it.key());
        if (known == m_byItem.cend() || !sameOwnership(*known, *it))
            moved.append(it.value());
    }
    m_byItem = std::move(next);
    for (const Ownership &o : moved)
        Q_EMIT changed(o.source, o.itemId);
}

void Ownerships::noteLocal(const OwnershipChange &change) {
    const Ownership &o = change.ownership;
    const QString key = keyOf(o.source, o.itemId);
    ++m_localChanges;
    switch (change.op) {
    case OwnershipChange::Op::Take:
        m_byItem.insert(key, o);
        break;
    case OwnershipChange::Op::Renew:
        if (auto it = m_byItem.find(key); it != m_byItem.end()) {
            it->actionId = o.actionId;
            it->endsAt = o.endsAt;
        }
        break;
    case OwnershipChange::Op::Release:
        m_byItem.remove(key);
        break;
    }
    Q_EMIT changed(o.source, o.itemId);
}

const Ownership *Ownerships::find(const QString &source, const QString &itemId) const {
    const auto it = m_byItem.constFind(keyOf(source, itemId));
    return it == m_byItem.cend() ? nullptr : &*it;
}

std::vector<Ownership> Ownerships::all() const {
    std::vector<Ownership> rows(m_byItem.cbegin(), m_byItem.cend());
    std::sort(rows.begin(), rows.end(),
              [](const Ownership &a, const Ownership &b) { return a.since < b.since; });
    return rows;
}
