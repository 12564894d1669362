// SPDX-License-Identifier: MIT
// A GitHub Enterprise Server REST API (prefix /api/v3) for the repository acme/infra (id 123)
// in the exact shapes of its REST API: open issues two per page, pull requests included (the
// first page holds only pull requests), pagination only through Link headers that point at
// /repositories/123/issues as GitHub's do. Creates issues (201) and refuses one without a
// title with GitHub's 422. GET /user answers the token's user (octocat, as GitHub's
// documentation shows it); POST and DELETE /repos/acme/infra/issues/<n>/assignees add and
// remove logins (201 / 200 with the issue), silently leaving out a login that may not be
// assigned (one not in assignable()), as GitHub does: the next list shows them.
#pragma once

#include "tests/support/FixtureServer.h"

class GitHubFixture final {
public:
    GitHubFixture();

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl() + "/api/v3"; }
    FixtureServer &server() { return m_server; }

    // Numbers 46 and 45 are pull requests; issues 44 (labels bug, P1), 43 (bug,
    // "priority: high"), 42 (bug), 41 (bug, "severity/odd"). 44 is in a milestone due
    // 2026-12-01T08:00:00Z.
    static nlohmann::json issues();
    static constexpr int issueCount = 4;
    static constexpr int createdNumber = 47;
    // The token's own login (/user): "octocat" unless set.
    void setTokenUser(const QString &login);
    static QStringList assignable(); // octocat, ana, zoe, victor

private:
    HttpServerResponse answer(const HttpServerRequest &request, FixtureFault fault);
    HttpServerResponse list(const HttpServerRequest &request) const;
    HttpServerResponse create(const HttpServerRequest &request) const;
    HttpServerResponse tokenUser() const;
    HttpServerResponse assignees(const HttpServerRequest &request);
    HttpServerResponse rateLimited(FixtureFault fault) const;

    mutable QMutex m_mutex;
    nlohmann::json m_issues; // guarded by m_mutex: assignments change them
    QString m_login;         // guarded by m_mutex
    FixtureServer m_server;  // last: stopped before the data goes
};
