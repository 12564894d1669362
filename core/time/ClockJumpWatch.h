// SPDX-License-Identifier: MIT
// Notices when the wall clock jumps (the machine slept, or NTP stepped the time). Timers run
// on the monotonic clock, which stops during suspend: a timer armed for "the next minute"
// before a night's sleep fires late, so whoever aligns timers to the wall clock re-arms them
// on jumped().
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

class Clock;
class QTimer;

class ClockJumpWatch final : public QObject {
    Q_OBJECT
public:
    explicit ClockJumpWatch(const Clock &clock, QObject *parent = nullptr);

    const QTimer *timer() const { return m_timer; }
    static constexpr int checkEveryMs = 10000;
    static constexpr qint64 toleranceMs = 5000;

public Q_SLOTS:
    // Compares how far the wall clock and the monotonic clock moved since the last check.
    void check();

Q_SIGNALS:
    // The wall clock moved `offsetMs` more (or, negative, less) than the time that elapsed.
    void jumped(qint64 offsetMs);

private:
    const Clock &m_clock;
    QTimer *m_timer;
    QElapsedTimer m_monotonic;
    QDateTime m_lastWall;
};
