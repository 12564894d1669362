// SPDX-License-Identifier: MIT
#include "ClockJumpWatch.h"

#include "core/time/Clock.h"

#include <QTimer>

ClockJumpWatch::ClockJumpWatch(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
    , m_lastWall(clock.now()) {
    m_monotonic.start();
    m_timer->setInterval(checkEveryMs);
    connect(m_timer, &QTimer::timeout, this, &ClockJumpWatch::check);
    m_timer->start();
}

void ClockJumpWatch::check() {
    const QDateTime now = m_clock.now();
    const qint64 wallMs = m_lastWall.msecsTo(now);
    const qint64 elapsedMs = m_monotonic.restart();
    m_lastWall = now;
    const qint64 offset = wallMs - elapsedMs;
    if (offset > toleranceMs || offset < -toleranceMs)
        Q_EMIT jumped(offset);
}
