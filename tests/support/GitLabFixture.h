// SPDX-License-Identifier: MIT
// A GitLab API v4 for the project "platform/sre" (id 42) in the exact shapes of its REST API:
// open issues two per page with x-page / x-next-page / x-total and Link headers. Two quirks of
// real servers: the last page still names a next page (which answers []), and the Link header
// uses the server's external_url (http://gitlab.internal.example), not the URL we were given.
// Creates issues (201) and refuses one without a title as GitLab does. POST /api/graphql
// answers the two GraphQL calls of "I'm on it" in GitLab's shapes: the token's user (chloe)
// with an issue found by its global id, and issueSetAssignees (APPEND, REMOVE), which changes
// the issues the next list shows; an unknown user or issue is GraphQL's error.
#pragma once

#include "tests/support/FixtureServer.h"

class GitLabFixture final {
public:
    GitLabFixture();

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl(); }
    FixtureServer &server() { return m_server; }

    // Global ids 9101..9105 (iid 41..45): severity::2, priority::1, none (two assignees), an
    // incident with severity HIGH, severity::weird. 9101 is due 2026-12-02.
    static nlohmann::json issues(const QByteArray &webBase);
    static constexpr int issueCount = 5;
    static constexpr int createdId = 9106;
    // The token's own user (currentUser).
    static constexpr const char *myUsername = "chloe";
    static constexpr const char *myName = "Chloe Martin";

private:
    HttpServerResponse answer(const HttpServerRequest &request, FixtureFault fault);
    HttpServerResponse list(const HttpServerRequest &request) const;
    HttpServerResponse create(const HttpServerRequest &request) const;
    HttpServerResponse graphql(const HttpServerRequest &request);
    HttpServerResponse rateLimited(FixtureFault fault) const;

    mutable QMutex m_mutex;
    nlohmann::json m_issues; // guarded by m_mutex: assignments change them
    FixtureServer m_server;  // last: stopped before the data goes
};
