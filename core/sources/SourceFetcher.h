// SPDX-License-Identifier: MIT
// Runs one fetch of one source: every page in turn, up to the page cap. HTTP runs on the
// client's worker thread and parsing on a pool thread; only the results visit this thread.
#pragma once

#include "core/http/HttpClient.h"
#include "core/sources/Connector.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <vector>

struct ReplicaAnswer;

class QThreadPool;

struct FetchOutcome {
    bool ok = false;
    bool unchanged = false; // same body as last time: nothing to merge
    Items items;
    QString error;     // for a person; empty when ok
    QDateTime retryAt; // rate limited until then (UTC), or invalid
    int pages = 0;
    bool truncated = false;     // stopped at the page cap with more to read
    UnreadableItems unreadable; // left out of `items`, added up over the pages
    // A cluster source (several URLs): how many replicas answered, and why the others did not
    // ("127.0.0.1:9095: connection refused"). 0 of 0 for a plain source.
    int replicasAnswering = 0;
    int replicasTotal = 0;
    QStringList replicaErrors;
};

class SourceFetcher final : public QObject {
    Q_OBJECT
public:
    // `connector` must outlive the fetcher; so must `parsePool`'s jobs (wait for it first).
    SourceFetcher(const Connector &connector, HttpClient *http, QThreadPool *parsePool,
                  QObject *parent = nullptr);
    ~SourceFetcher() override;

    const Connector &connector() const { return m_connector; }
    bool isRunning() const { return m_running; }
    // Starts a fetch unless one is running; `finished` follows.
    void start();

Q_SIGNALS:
    // Delivered directly (never queued): a receiver may take the items rather than copy them
    // (the poller moves 50,000 alerts to the board); the fetcher keeps nothing of `outcome`.
    void finished(FetchOutcome &outcome);

private:
    void requestPage(const HttpRequest &request);
    void onPageAnswered(const HttpResult &result);
    void onPageParsed(ParsedPage page, size_t digest);
    void onPageUnchanged();
    void finish(FetchOutcome outcome);
    // A cluster: the first page of every replica at once, merged when all have answered.
    void startReplicas();
    void onReplicaAnswered(int replica, const HttpResult &result);
    void onReplicaDone(int replica, ReplicaAnswer answer);

    const Connector &m_connector;
    HttpClient *m_http;
    QThreadPool *m_parsePool;
    bool m_running = false;
    FetchOutcome m_current;
    size_t m_firstPageDigest = 0; // of the last run's first page, when it was the only page
    size_t m_pendingDigest = 0;
    std::vector<ReplicaAnswer> m_replicaAnswers;
    int m_replicasPending = 0;
};
