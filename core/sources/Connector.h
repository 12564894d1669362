// SPDX-License-Identifier: MIT
// A connector knows one API: the requests to make, and how to turn answers into items.
// It knows nothing about Qt widgets, timers or threads.
#pragma once

#include "core/board/Item.h"
#include "core/board/UnreadableItems.h"
#include "core/config/SourceConfig.h"
#include "core/http/HttpRequest.h"
#include "core/lean/WriteAction.h"
#include "core/time/Clock.h"

#include <QStringList>

#include <optional>

struct ParsedPage {
    Items items;
    std::optional<HttpRequest> next; // the next page, when there is one
    QString error;                   // non-empty: the answer was not usable, said for a person
    // Entries read but deliberately not turned into items (GitHub's pull requests): a page of
    // only those is not an empty page, so pagination goes on.
    int skipped = 0;
    // Entries that could not be read (a field of the wrong type) and were left out; the page's
    // other items are good. `error` is for an answer that cannot be read at all.
    UnreadableItems unreadable;
};

class Connector {
public:
    explicit Connector(SourceConfig config);
    virtual ~Connector();
    Connector(const Connector &) = delete;
    Connector &operator=(const Connector &) = delete;

    const SourceConfig &config() const { return m_config; }
    // The time requests and answers are judged by (a query's "oldest", a write's start, a rate
    // limit's end): the system's unless the registry was given another.
    const Clock &clock() const { return *m_clock; }
    virtual void setClock(const Clock &clock) { m_clock = &clock; }

    virtual HttpRequest firstRequest() const = 0;
    // Runs on a worker thread: must only read the connector's own immutable state.
    // The result is already checked for transport and HTTP errors (see ResponseCheck.h).
    virtual ParsedPage parsePage(const HttpResult &result) const = 0;

    // The failure of an answer said for a person, or empty when the answer is usable (2xx/304).
    // Default: describeHttpFailure(); vendors override for their own signals (Jira's 410 on the
    // retired search, an HTML login page…).
    virtual QString describeFailure(const HttpResult &result) const;
    // When the answer is a rate limit: the time before which the source must not be asked again
    // (UTC), else invalid. Default: rateLimitedUntil() (status and headers); vendors that say it
    // in the body (incident.io) override.
    virtual QDateTime rateLimitedUntil(const HttpResult &result, const QDateTime &now) const;

    // Write calls (the lean workflow's actions). A connector lists what it can do; the outbox
    // builds the request once per attempt and judges the answer.
    virtual bool supportsWrite(WriteKind kind) const;
    // Only called when supportsWrite(action.kind).
    virtual HttpRequest writeRequest(const WriteAction &action) const;
    // Default: any 2xx is accepted; otherwise the failure said for a person (and a rate limit).
    virtual WriteOutcome parseWriteResult(const WriteAction &action,
                                          const HttpResult &result) const;

    // The outbox rows an action for this source becomes: this source, by default. A cluster
    // whose replicas do not share what is written names one target per replica.
    virtual QStringList writeTargets(WriteKind kind) const;
    // The connector of one of those targets ("prod@am-1:9093"), or nullptr.
    virtual const Connector *replica(const QString &target) const;
    // `request` (made for the first replica) sent to replica `index` of replicaUrls() instead.
    HttpRequest onReplica(HttpRequest request, int index) const;

    // An acknowledgement that ends by itself in the source (Alertmanager's silence) lasts this
    // long, and is renewed while the item is there; 0: it lasts until released.
    virtual qint64 acknowledgementLifetimeS() const { return 0; }

protected:
    // The source's base URL joined with `pathAndQuery`, with auth, TLS, proxy and timeout applied.
    HttpRequest makeRequest(const QByteArray &pathAndQuery) const;
    // Default: bearer / basic / custom header from the config; "vendor" behaves as bearer.
    virtual void applyAuth(HttpRequest &request) const;

private:
    SourceConfig m_config;
    const Clock *m_clock = &Clock::system();
};
