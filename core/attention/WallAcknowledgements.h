// SPDX-License-Identifier: MIT
// What someone in front of a wall acknowledged (an andon's takeover, a new incident's banner),
// kept in the store per wall name: the same TV restarted does not take the screen over again
// for an andon already seen, two dutyboards showing the same wall agree, and two TVs with
// different names each keep their own. Loaded and written as Store jobs; never waits.
#pragma once

#include "core/store/Store.h"
#include "core/time/Clock.h"

#include <QObject>
#include <QSet>

class WallAcknowledgements final : public QObject {
    Q_OBJECT
public:
    enum class Kind { Andon, Banner };

    // `wall`: this wall's name (the config's "wall": {"name"}, else the host name). Loads at
    // once, and again when another instance sharing the store acknowledges something.
    WallAcknowledgements(Store *store, QString wall, const Clock &clock, QObject *parent = nullptr);

    // The "wall-ack" writer (Store::write), registered by the constructor.
    static void addWriters(Store *store);

    QString wall() const { return m_wall; }
    bool contains(Kind kind, const QString &itemKey) const;
    // Acknowledged now, here; written to the store (journaled while a team store is away).
    void acknowledge(Kind kind, const QSet<QString> &itemKeys);

Q_SIGNALS:
    // The set changed: loaded, or acknowledged here or elsewhere.
    void changed();

private:
    void load();

    Store *m_store;
    QString m_wall;
    const Clock &m_clock;
    QSet<QString> m_andons;
    QSet<QString> m_banners;
};
