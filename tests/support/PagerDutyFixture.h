// SPDX-License-Identifier: MIT
// PagerDuty REST API v2 as the tests need it, in its documented shapes: GET /incidents
// (statuses[] filter, offset/limit pagination with `more`) and POST /incidents (From header
// required, incident_key refused while an open incident holds it), PUT /incidents/{id} (an
// acknowledgement or resolution by the From user: oncall@acme.io "Oncall Desk" or
// victor@acme.io "Victor Hugo"; an unknown From is refused). Token: "Authorization:
// Token token=pd-token". Rate limit: 429 with ratelimit-reset 42 (the alternate form: a bare
// 429).
#pragma once

#include "tests/support/FixtureServer.h"

class PagerDutyFixture final {
public:
    static constexpr const char *token = "pd-token";

    PagerDutyFixture();

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl(); }
    FixtureServer &server() { return m_server; }

    // Default: Q1AAAA (triggered, P1, two assignees), Q2BBBB (acknowledged by Carol Diaz, no
    // priority, urgency low), Q3CCCC (triggered, the account's own priority "SEV-A"), Q4DDDD
    // (resolved).
    static nlohmann::json defaultIncidents();
    // Replaces them with `count` triggered incidents Q0001… (urgency high).
    void setManyIncidents(int count);
    nlohmann::json incidents() const;

private:
    HttpServerResponse answer(const HttpServerRequest &request, FixtureFault fault);
    HttpServerResponse list(const HttpServerRequest &request) const;
    HttpServerResponse create(const HttpServerRequest &request);
    HttpServerResponse update(const HttpServerRequest &request, const std::string &id);

    mutable QMutex m_mutex; // guards the incidents (the server has its own thread)
    nlohmann::json m_incidents;
    int m_nextNumber = 100;
    FixtureServer m_server; // last: stopped before the rest goes
};
