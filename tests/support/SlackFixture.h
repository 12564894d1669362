// SPDX-License-Identifier: MIT
// A Slack workspace on 127.0.0.1 for tests: conversations.history, reactions.add,
// reactions.remove and chat.postMessage answered in Slack's documented shapes (errors as HTTP 200
// with ok:false, cursor pagination, 429 with Retry-After, message metadata listed only with
// include_all_metadata=true), with state kept between calls (a reaction added shows on the next
// read) and every request recorded.
#pragma once

#include "demo/loopback/LoopbackHttpServer.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <mutex>

class SlackFixture final {
public:
    static constexpr const char *channel = "C0DUTY42";
    static constexpr const char *token = "xoxb-fixture-7c1e5b2d4680";
    static constexpr const char *botUser = "U0BOT";

    SlackFixture();
    ~SlackFixture();
    SlackFixture(const SlackFixture &) = delete;
    SlackFixture &operator=(const SlackFixture &) = delete;

    bool start();
    QByteArray baseUrl() const; // "http://127.0.0.1:PORT/api", like https://slack.com/api

    // Messages of the channel, newest first, exactly as conversations.history lists them.
    void setMessages(const nlohmann::json &messages);
    nlohmann::json messages() const;
    // A human message `minutesAgo` old; returns its ts.
    QString addHumanMessage(const QString &user, const QString &text, int minutesAgo);
    // Replies posted in threads (they never appear in the history, as in Slack).
    nlohmann::json replies() const;
    void setPageSize(int messages); // the most a page holds, whatever `limit` asks
    // Every call answers {"ok":false,"error":code} (and "needed" for missing_scope); empty: off.
    void failWith(const QString &code);
    // The next `count` calls answer 429 with Retry-After: `seconds`.
    void rateLimit(int count, int seconds);
    // chat.postMessage keeps the message at once and answers `ms` later (0: at once): a client
    // killed meanwhile never hears that its post went through.
    void delayPostAnswers(int ms);

    // Every request received so far, in order.
    QList<HttpServerRequest> requests() const;
    void clearRequests();

private:
    HttpServerResponse serve(const HttpServerRequest &request);
    HttpServerResponse history(const HttpServerRequest &request);
    HttpServerResponse react(const nlohmann::json &args);
    HttpServerResponse unreact(const nlohmann::json &args);
    // The reactions of the message args names (made an array), or nullptr with Slack's refusal.
    nlohmann::json *reactionsOf(const nlohmann::json &args, HttpServerResponse *refusal);
    HttpServerResponse post(const nlohmann::json &args);
    QString nextTs();

    mutable std::mutex m_mutex; // guards everything below (the server has its own thread)
    nlohmann::json m_messages = nlohmann::json::array();
    nlohmann::json m_replies = nlohmann::json::array();
    int m_pageSize = 100;
    QString m_failure;
    int m_rateLimited = 0;
    int m_retryAfterS = 0;
    int m_postDelayMs = 0;
    qint64 m_lastTsMicros = 0;
    QList<HttpServerRequest> m_requests;
    std::unique_ptr<LoopbackHttpServer> m_server;
};
