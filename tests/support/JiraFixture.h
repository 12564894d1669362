// SPDX-License-Identifier: MIT
// A Jira in the exact shapes of its REST API, behind a path prefix (/jira) as behind a reverse
// proxy. Cloud serves /rest/api/3/search/jql (pages of 3, 1 and 3 issues: a short page in the
// middle, the last one without nextPageToken) and answers 410 on the retired /search; Data
// Center serves /rest/api/2/search (3 per page whatever maxResults asks, with total). Both
// create issues (201 {id, key, self}), refusing a missing summary or a description of the
// wrong kind (ADF on Cloud v3, text on v2) as Jira does. GET /myself answers the token's user
// (Mia Krystof, as Jira's documentation shows her) and PUT /issue/<key>/assignee assigns her
// ({"accountId"} on Cloud, {"name"} on Data Center) or, with null, no one: the next search
// shows it.
#pragma once

#include "tests/support/FixtureServer.h"

class JiraFixture final {
public:
    enum class Flavor { Cloud, DataCenter };

    explicit JiraFixture(Flavor flavor);

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl() + "/jira"; }
    FixtureServer &server() { return m_server; }

    // SRE-301..SRE-307; priorities Highest, High, Medium, Low, Blocker, none, "Sev Z"; all
    // labelled "sre", SRE-304 also "ve"; SRE-301 due 2026-12-04.
    static nlohmann::json issues();
    static constexpr int issueCount = 7;
    static constexpr const char *createdKey = "SRE-312";
    // The API token the tests configure (the fixture takes any).
    static constexpr const char *token = "jira-api-token-5e1f";
    // The token's own user: /myself answers these.
    static constexpr const char *myAccountId = "5b10a2844c20165700ede21g";
    static constexpr const char *myName = "mia";
    static constexpr const char *myDisplayName = "Mia Krystof";
    // A Jira Cloud source "bugs" (panel bugs, JQL "project = SRE") at http://127.0.0.1:9/jira,
    // where nothing listens: for canned answers and config checks.
    static nlohmann::json offlineSource();

private:
    HttpServerResponse answer(const HttpServerRequest &request, FixtureFault fault);
    HttpServerResponse cloudSearch(const HttpServerRequest &request) const;
    HttpServerResponse dataCenterSearch(const HttpServerRequest &request) const;
    HttpServerResponse createIssue(const HttpServerRequest &request) const;
    HttpServerResponse myself() const;
    HttpServerResponse assign(const HttpServerRequest &request);
    HttpServerResponse rateLimited(FixtureFault fault) const;
    nlohmann::json issuesNow() const;

    const Flavor m_flavor;
    mutable QMutex m_mutex;
    nlohmann::json m_issues; // guarded by m_mutex: an assignment changes them
    FixtureServer m_server;  // last: stopped before the data goes
};
