// SPDX-License-Identifier: MIT
// Who owns what, as this screen shows it: the store's ownerships, read at start and again when
// another instance changes one, plus the changes this screen made and the store has not said
// back yet. Written only through the outbox (Outbox::submit with an OwnershipChange), so the
// change and what it does in the source go in together.
#pragma once

#include "core/ownership/Ownership.h"
#include "core/store/Store.h"

#include <QHash>
#include <QObject>

#include <vector>

class Ownerships final : public QObject {
    Q_OBJECT
public:
    explicit Ownerships(Store *store, QObject *parent = nullptr);

    // Reads every ownership; changed() follows for each item whose owner moved.
    void load();
    // This screen's change, shown before the store has it (the store decides: a refused one is
    // undone by the next load()).
    void noteLocal(const OwnershipChange &change);

    // Read from the store at least once (or tried: it did not answer).
    bool isLoaded() const { return m_loaded; }
    const Ownership *find(const QString &source, const QString &itemId) const;
    std::vector<Ownership> all() const;

Q_SIGNALS:
    void changed(const QString &source, const QString &itemId);
    void loaded();

private:
    void merge(const std::vector<Ownership> &rows);

    Store *m_store;
    bool m_loaded = false;
    quint64 m_localChanges = 0; // noteLocal() calls: a read asked before the last is out of date
    QHash<QString, Ownership> m_byItem; // "source\x1fid"
};
