// SPDX-License-Identifier: MIT
// incident.io API v2 as the tests need it, in its documented shapes: GET /v2/incidents
// (status_category[one_of] filters, page_size and the `after` cursor) and POST /v2/incidents,
// idempotent on idempotency_key like the real API (a repeat returns the first incident and
// creates nothing), GET /v2/incidents/{id}, GET /v2/incident_roles (reporter, lead
// "01ROLElead", custom) and POST /v2/incidents/{id}/actions/edit (role assignments by the
// assignee's email: victor@acme.io "Victor Hugo", Eri@acme.io "Erin Yu", Dav@acme.io "Dave
// Roe"; without assignee, the role is left empty). Token: "Authorization: Bearer iio-key".
// Rate limit: 429 saying when only in its JSON body, 90 s ahead (the alternate form:
// Retry-After: 30 and no rate_limit in the body).
#pragma once

#include "tests/support/FixtureServer.h"

#include <map>
#include <string>

class IncidentIoFixture final {
public:
    static constexpr const char *token = "iio-key";
    // Severity ids the fixture knows: Critical (rank 3), Major (2), Minor (1).
    static constexpr const char *criticalId = "01SEVCRIT";
    static constexpr const char *majorId = "01SEVMAJOR";

    IncidentIoFixture();

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl(); }
    FixtureServer &server() { return m_server; }

    // Default: two live incidents (INC-101 Critical with reporter, lead and custom roles;
    // INC-102 Major), INC-99 in "learning" (post-mortem due), INC-98 closed, INC-103 in triage
    // without a severity.
    void setManyIncidents(int count); // live, Minor, ids 01HMANY1001…
    nlohmann::json incidents() const;

private:
    HttpServerResponse answer(const HttpServerRequest &request, FixtureFault fault);
    HttpServerResponse list(const HttpServerRequest &request) const;
    HttpServerResponse create(const HttpServerRequest &request);
    HttpServerResponse edit(const HttpServerRequest &request, const QByteArray &id);
    nlohmann::json *incidentWithId(const QByteArray &id); // nullptr when unknown

    mutable QMutex m_mutex; // guards everything below but the server
    nlohmann::json m_incidents;
    std::map<std::string, std::string> m_byKey; // idempotency key -> incident id
    int m_nextNumber = 200;
    FixtureServer m_server; // last: stopped before the rest goes
};
