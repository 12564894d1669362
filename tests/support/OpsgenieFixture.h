// SPDX-License-Identifier: MIT
// Opsgenie as the tests need it, in its documented shapes: GET /v1/incidents and /v2/alerts
// (query=status:open, offset/limit, absolute paging.next links), POST /v1/incidents/create and
// POST /v2/alerts (202 with a requestId; an alert repeating an open alert's alias is folded
// into it), POST /v2/alerts/{id}/acknowledge and /unacknowledge (202; the acknowledging user
// becomes the owner). Token: "Authorization: GenieKey og-key". Rate limit: 429 with only
// "X-RateLimit-State: THROTTLED" (both forms).
#pragma once

#include "tests/support/FixtureServer.h"

class OpsgenieFixture final {
public:
    static constexpr const char *token = "og-key";

    OpsgenieFixture();

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl(); }
    FixtureServer &server() { return m_server; }

    // Default incidents: open P1 (responders: a named team, an unnamed user), open P3, open P5,
    // one resolved. Default alerts: open P2 acknowledged with an owner, open P4, one closed.
    void setManyIncidents(int count); // open P3 "inc-1"…
    nlohmann::json incidents() const;
    nlohmann::json alerts() const;
    // paging.next links point at this base instead of the fixture's own (a foreign host).
    void setNextBase(const QByteArray &base);

private:
    HttpServerResponse answer(const HttpServerRequest &request, FixtureFault fault);
    HttpServerResponse list(const HttpServerRequest &request, const nlohmann::json &all) const;
    HttpServerResponse create(const HttpServerRequest &request, bool alert);
    HttpServerResponse acknowledge(const HttpServerRequest &request, const QByteArray &id,
                                   bool acknowledged);

    mutable QMutex m_mutex; // guards everything below but the server
    nlohmann::json m_incidents;
    nlohmann::json m_alerts;
    QByteArray m_nextBase;
    int m_requestNumber = 0;
    FixtureServer m_server; // last: stopped before the rest goes
};
