// SPDX-License-Identifier: MIT
// The on-duty name set by hand ("I take over the RUN"), kept in the store so every screen
// sharing it shows the same person, after a restart too. The latest setting wins. It feeds
// OnDuty, which weighs it against the schedule.
#pragma once

#include "core/store/Store.h"
#include "core/time/Clock.h"

#include <QObject>

class OnDuty;

class OnDutyByHand final : public QObject {
    Q_OBJECT
public:
    // Loads at once, and again when another instance sharing the store sets it.
    OnDutyByHand(Store *store, OnDuty *onDuty, const Clock &clock, QObject *parent = nullptr);

    // The "on-duty" writer (Store::write), registered by the constructor.
    static void addWriters(Store *store);

    // `person` is on duty from now, set by `by`; empty: back to the schedule or the config.
    void set(const QString &person, const QString &by);

private:
    void load();

    Store *m_store;
    OnDuty *m_onDuty;
    const Clock &m_clock;
    QDateTime m_latest; // the latest setting applied: an older one read later is ignored
};
