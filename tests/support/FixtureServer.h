// SPDX-License-Identifier: MIT
// The common part of the vendor API fixtures (JiraFixture, GitLabFixture, GitHubFixture): a
// loopback server that records every request and can be switched to a fault.
#pragma once

#include "demo/loopback/LoopbackHttpServer.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QUrlQuery>

#include <atomic>
#include <functional>

// What a fixture answers instead of its data.
enum class FixtureFault {
    None,
    RateLimited,          // the vendor's usual rate-limit answer, with all its headers
    RateLimitedAlternate, // its other form (Jira, GitLab: only the reset header;
                          // GitHub: the secondary limit, 403 with Retry-After)
    Unauthorized,         // 401
    HtmlLogin,            // 200 with an SSO login page
    Malformed,            // 200 with broken JSON
};

class FixtureServer final {
public:
    // Called on the server thread for every request with the fault in force (HtmlLogin and
    // Malformed are answered here, alike for every vendor).
    using Answer = std::function<HttpServerResponse(const HttpServerRequest &, FixtureFault)>;

    explicit FixtureServer(Answer answer);
    ~FixtureServer();
    FixtureServer(const FixtureServer &) = delete;
    FixtureServer &operator=(const FixtureServer &) = delete;

    bool start();
    QByteArray baseUrl() const;

    void setFault(FixtureFault fault) { m_fault = fault; }
    // Every request received since the last clear, in order.
    QList<HttpServerRequest> requests() const;
    void clearRequests();

    // The reset time the fixtures announce when rate limiting: ten minutes after start-up,
    // whole seconds (epoch headers carry no fractions).
    QDateTime resetAt() const { return m_resetAt; }

    static HttpServerResponse json(const nlohmann::json &body, int status = 200);
    // `count` entries of `array` from `from` (fewer at the end).
    static nlohmann::json slice(const nlohmann::json &array, int from, int count);
    static QUrlQuery queryOf(const HttpServerRequest &request);
    // Every value of the query parameter `name`, both compared decoded ("statuses[]" matches
    // "statuses%5B%5D", as servers read it).
    static QStringList queryValues(const HttpServerRequest &request, const QString &name);

private:
    Answer m_answer;
    const QDateTime m_resetAt;
    std::atomic<FixtureFault> m_fault{FixtureFault::None};
    mutable QMutex m_mutex;
    QList<HttpServerRequest> m_requests; // guarded by m_mutex
    LoopbackHttpServer m_server;         // last: stopped before the rest goes
};
