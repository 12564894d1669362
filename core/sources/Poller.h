// SPDX-License-Identifier: MIT
// Asks every source for fresh data on its own interval (with jitter, so many dashboards do
// not poll in step), backs off on failure and honours rate limits. The only scheduler: the
// board's sources and the feeds read beside them (the on-duty schedule) go through it.
// It keeps scheduling state only; a source's health lives on the board.
#pragma once

#include "core/board/Board.h"
#include "core/http/HttpClient.h"
#include "core/sources/Connector.h"
#include "core/sources/SourceFetcher.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

class Poller final : public QObject {
    Q_OBJECT
public:
    using Consumer = std::function<void(const FetchOutcome &outcome)>;

    // Time comes from the board's clock.
    Poller(Board *board, HttpClient *http, QObject *parent = nullptr);
    ~Poller() override; // waits for parses in flight (bounded: one page each)

    // A source of the board: registered on its health model, its answers applied to it.
    // `connector` must outlive the poller (SourceSet owns it).
    void addSource(const Connector &connector);
    // A source read on the same terms (interval, jitter, backoff, rate limits) whose answers go
    // to `consumer` instead of the board: the on-duty schedule.
    void addFeed(const Connector &connector, Consumer consumer);
    // Stops polling that source (a live reload) and forgets it; a parse of its in flight is
    // waited for (one page), an HTTP request in flight is dropped. The connector may go after.
    void removeSource(const QString &name);
    // The same for a feed (a reloaded on-duty schedule).
    void removeFeed(const QString &name);
    // Whether the poller runs on intervals (start()) rather than once (fetchAllOnce()).
    bool isPeriodic() const { return m_periodic; }
    // Polls every source now, then on its interval.
    void start();
    // One fetch of every source, no timers: for --print and --screenshot.
    void fetchAllOnce();
    // Fetches that source now unless a fetch of it is running; its timer is left as it is.
    void fetchNow(const QString &name);
    // Divides every interval (soak tests and the demo's fast mode); 1 = as configured.
    void setSpeedup(double factor) { m_speedup = factor; }
    int sourceCount() const { return static_cast<int>(m_sources.size()); }

private:
    struct Source {
        const Connector *connector = nullptr;
        std::unique_ptr<SourceFetcher> fetcher;
        QTimer *timer = nullptr;
        Consumer consumer; // empty: the board
        int failures = 0;
        QDateTime retryAt; // rate limited until then
    };
    Source &add(const Connector &connector, Consumer consumer);
    // Stops and forgets the source or feed named `name`; false when there is none.
    bool remove(const QString &name, bool feed);
    void onFinished(Source &source, FetchOutcome &outcome);
    // Takes the outcome's items.
    void applyToBoard(const QString &name, FetchOutcome &outcome);
    void schedule(Source &source);
    int nextDelayMs(const Source &source) const;

    Board *m_board;
    HttpClient *m_http;
    QThreadPool m_parsePool;
    QTimer m_trimTimer;
    std::vector<std::unique_ptr<Source>> m_sources;
    bool m_periodic = false;
    double m_speedup = 1.0;
};
