// SPDX-License-Identifier: MIT
#include "StallReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int heartbeatMs = 5;
constexpr qint64 reportFromMs = 16; // one frame at 60 Hz
constexpr double traceFromMs = 4;   // below it, a late beat is the timer's own jitter
constexpr size_t keep = 10;

struct Stall {
    double ms;
    QString during;
};

class StallMonitor final : public QObject {
public:
    explicit StallMonitor(bool traceEach)
        : QObject(QCoreApplication::instance())
        , m_traceEach(traceEach) {
        QCoreApplication::instance()->installEventFilter(this);
        m_heartbeat.setInterval(heartbeatMs);
        m_heartbeat.setTimerType(Qt::PreciseTimer);
        connect(&m_heartbeat, &QTimer::timeout, this, [this]() { beat(); });
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
                [this]() { report(); });
        m_sinceBeat.start();
        m_heartbeat.start();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        // Remember what is being delivered: when a beat comes late, the culprit is the event
        // delivered just before the heartbeat's own timer event.
        m_previous = m_current;
        m_current = describe(watched, event);
        return QObject::eventFilter(watched, event);
    }

private:
    static QString describe(QObject *watched, QEvent *event) {
        const char *type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        return QStringLiteral("%1 to %2%3")
            .arg(QLatin1String(type ? type : "event"),
                 QLatin1String(watched->metaObject()->className()),
                 watched->objectName().isEmpty()
                     ? QString()
                     : QStringLiteral(" \"%1\"").arg(watched->objectName()));
    }

    void beat() {
        const double gap = m_sinceBeat.nsecsElapsed() / 1e6 - heartbeatMs;
        m_sinceBeat.restart();
        ++m_beats;
        m_longest = std::max(m_longest, gap);
        if (m_traceEach && gap >= traceFromMs) {
            std::fprintf(stderr, "dutyboard-trace: stall ms=%.1f epoch_ms=%lld during %s\n", gap,
                         QDateTime::currentMSecsSinceEpoch(), qPrintable(m_previous));
            std::fflush(stderr);
        }
        if (gap < reportFromMs)
            return;
        m_stalls.push_back({gap, m_previous});
        std::sort(m_stalls.begin(), m_stalls.end(),
                  [](const Stall &a, const Stall &b) { return a.ms > b.ms; });
        if (m_stalls.size() > keep)
            m_stalls.pop_back();
    }

    void report() const {
        std::fprintf(stderr, "dutyboard: stall report: %lld heartbeats, longest stall %.1f ms\n",
                     m_beats, m_longest);
        for (const Stall &s : m_stalls)
            std::fprintf(stderr, "  %7.1f ms  during %s\n", s.ms, qPrintable(s.during));
        if (m_stalls.empty())
            std::fprintf(stderr, "  no stall over %lld ms\n", reportFromMs);
    }

    QTimer m_heartbeat;
    QElapsedTimer m_sinceBeat;
    QString m_current;
    QString m_previous;
    std::vector<Stall> m_stalls;
    double m_longest = 0;
    long long m_beats = 0;
    const bool m_traceEach;
};

} // namespace

void startStallReport(bool traceEach) {
    new StallMonitor(traceEach);
}
