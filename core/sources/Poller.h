// SPDX-License-Identifier: MIT
// Asks every source for fresh data on its own interval (with jitter, so many dashboards do
// not poll in step), backs off on failure, honours rate limits, and keeps each source's health.
#pragma once

#include "core/board/Board.h"
#include "core/http/HttpClient.h"
#include "core/sources/Connector.h"
#include "core/sources/SourceFetcher.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <vector>

class Poller final : public QObject {
    Q_OBJECT
public:
    Poller(Board *board, HttpClient *http, QObject *parent = nullptr);
    ~Poller() override; // waits for parses in flight (bounded: one page each)

    // Registers the source on the board's health model too.
    void addSource(std::unique_ptr<Connector> connector);
    // Polls every source now, then on its interval.
    void start();
    // One fetch of every source, no timers: for --print and --screenshot.
    void fetchAllOnce();
    // Divides every interval (soak tests and the demo's fast mode); 1 = as configured.
    void setSpeedup(double factor) { m_speedup = factor; }
    bool everySourceAnswered() const;
    int sourceCount() const { return static_cast<int>(m_sources.size()); }
    // Shows a source's items saved by an earlier run, marked stale since `savedAt`, until the
    // source answers. False (nothing done) when the source is unknown or has answered already.
    bool seedFromCache(const QString &source, Items items, const QDateTime &savedAt);
    // The connector of the source of that name, or nullptr: the outbox makes its write calls.
    const Connector *connector(const QString &source) const;

Q_SIGNALS:
    void sourceAnswered(const QString &name, bool ok);
    // A source's items changed on the board (a fresh answer that differed from the last one).
    void snapshotApplied(const QString &name);
    // Every source has answered at least once (well or not).
    void allAnswered();

private:
    struct Source {
        SourceFetcher *fetcher = nullptr;
        QTimer *timer = nullptr;
        SourceHealth health;
        int failures = 0;
        bool answered = false;
    };
    void onFinished(Source &source, const FetchOutcome &outcome);
    void schedule(Source &source);
    int nextDelayMs(const Source &source) const;
    Source *find(const QString &name) const;

    Board *m_board;
    HttpClient *m_http;
    QThreadPool m_parsePool;
    QTimer m_trimTimer;
    std::vector<std::unique_ptr<Source>> m_sources;
    bool m_periodic = false;
    bool m_allAnsweredSent = false;
    double m_speedup = 1.0;
};
