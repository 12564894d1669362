// SPDX-License-Identifier: MIT
#include "SlackFixture.h"

#include <QDateTime>
#include <QUrlQuery>

#include <algorithm>

using nlohmann::json;

namespace {

HttpServerResponse slackAnswer(const json &body, int status = 200) {
    return HttpServerResponse::json(QByteArray::fromStdString(body.dump()), status);
}

HttpServerResponse refused(const std::string &code) {
    json body = {{"ok", false}, {"error", code}};
    if (code == "missing_scope") {
        body["needed"] = "channels:history";
        body["provided"] = "chat:write";
    }
    return slackAnswer(body);
}

// Slack's cursors are opaque base64 ("bmV4dF90czoxNTEy…" is "next_ts:1512…"); ours hold an
// offset.
std::string cursorFor(std::size_t offset) {
    return QByteArray("next_offset:" + QByteArray::number(static_cast<qulonglong>(offset)))
        .toBase64()
        .toStdString();
}

std::size_t offsetOf(const QString &cursor) {
    const QByteArray text = QByteArray::fromBase64(cursor.toLatin1());
    return text.startsWith("next_offset:") ? text.mid(12).toULongLong() : 0;
}

QString tsText(qint64 micros) {
    return QStringLiteral("%1.%2")
        .arg(micros / 1000000)
        .arg(micros % 1000000, 6, 10, QLatin1Char('0'));
}

} // namespace

SlackFixture::SlackFixture()
    : m_server(std::make_unique<LoopbackHttpServer>(
          [this](const HttpServerRequest &request) { return serve(request); })) {}

SlackFixture::~SlackFixture() {
    m_server->stop(); // before the state the handler reads goes
}

bool SlackFixture::start() {
    return m_server->start();
}

QByteArray SlackFixture::baseUrl() const {
    return m_server->baseUrl() + "/api";
}

void SlackFixture::setMessages(const json &messages) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_messages = messages;
}

json SlackFixture::messages() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_messages;
}

json SlackFixture::replies() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_replies;
}

QString SlackFixture::addHumanMessage(const QString &user, const QString &text, int minutesAgo) {
    std::lock_guard<std::mutex> lock(m_mutex);
    const qint64 micros = (QDateTime::currentMSecsSinceEpoch() - minutesAgo * 60000LL) * 1000 +
                          m_messages.size() % 1000;
    const QString ts = tsText(micros);
    const json message = {{"type", "message"},
                          {"user", user.toStdString()},
                          {"text", text.toStdString()},
                          {"ts", ts.toStdString()},
                          {"team", "T0ACME"}};
    // Newest first, as Slack lists them.
    auto at = std::find_if(m_messages.begin(), m_messages.end(), [&](const json &m) {
        return m.value("ts", std::string()) < ts.toStdString();
    });
    m_messages.insert(at, message);
    return ts;
}

void SlackFixture::setPageSize(int messages) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pageSize = messages;
}

void SlackFixture::failWith(const QString &code) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_failure = code;
}

void SlackFixture::rateLimit(int count, int seconds) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_rateLimited = count;
    m_retryAfterS = seconds;
}

QList<HttpServerRequest> SlackFixture::requests() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_requests;
}

void SlackFixture::clearRequests() {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_requests.clear();
}

QString SlackFixture::nextTs() {
    m_lastTsMicros = std::max(m_lastTsMicros + 1, QDateTime::currentMSecsSinceEpoch() * 1000);
    return tsText(m_lastTsMicros);
}

HttpServerResponse SlackFixture::serve(const HttpServerRequest &request) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_requests.append(request);
    if (m_rateLimited > 0) {
        --m_rateLimited;
        HttpServerResponse r = slackAnswer({{"ok", false}, {"error", "ratelimited"}}, 429);
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(m_retryAfterS)});
        return r;
    }
    const QByteArray auth = request.header("authorization");
    if (auth.isEmpty())
        return refused("not_authed");
    if (auth != QByteArray("Bearer ") + token)
        return refused("invalid_auth");
    if (!m_failure.isEmpty())
        return refused(m_failure.toStdString());

    if (request.method == "GET" && request.path == "/api/conversations.history")
        return history(request);
    if (request.method != "POST")
        return refused("unknown_method");
    if (!request.header("content-type").startsWith("application/json"))
        return refused("invalid_form_data");
    const json args = json::parse(request.body.constData(),
                                  request.body.constData() + request.body.size(), nullptr, false);
    if (!args.is_object())
        return refused("invalid_json");
    if (args.value("channel", std::string()) != channel)
        return refused("channel_not_found");
    if (request.path == "/api/reactions.add")
        return react(args);
    if (request.path == "/api/reactions.remove")
        return unreact(args);
    if (request.path == "/api/chat.postMessage")
        return post(args);
    return refused("unknown_method");
}

HttpServerResponse SlackFixture::history(const HttpServerRequest &request) {
    const QUrlQuery query(QString::fromUtf8(request.query));
    if (query.queryItemValue(QStringLiteral("channel")).toStdString() != channel)
        return refused("channel_not_found");
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
                          ? query.queryItemValue(QStringLiteral("limit")).toInt()
                          : 100;
    const std::size_t pageSize = static_cast<std::size_t>(std::clamp(limit, 1, m_pageSize));
    const QString oldest = query.queryItemValue(QStringLiteral("oldest"));

    const bool metadata =
        query.queryItemValue(QStringLiteral("include_all_metadata")) == QLatin1String("true");
    json window = json::array();
    for (const json &m : m_messages) {
        const double ts = QString::fromStdString(m.value("ts", std::string("0"))).toDouble();
        if (oldest.isEmpty() || ts > oldest.toDouble()) {
            window.push_back(m);
            if (!metadata)
                window.back().erase("metadata");
        }
    }
    const std::size_t offset =
        offsetOf(query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded));
    json page = json::array();
    for (std::size_t i = offset; i < window.size() && page.size() < pageSize; ++i)
        page.push_back(window[i]);
    const bool more = offset + page.size() < window.size();
    json body = {{"ok", true},
                 {"messages", page},
                 {"has_more", more},
                 {"pin_count", 0},
                 {"channel_actions_ts", nullptr},
                 {"channel_actions_count", 0}};
    if (more)
        body["response_metadata"] = {{"next_cursor", cursorFor(offset + page.size())}};
    return slackAnswer(body);
}

json *SlackFixture::reactionsOf(const json &args, HttpServerResponse *refusal) {
    const std::string ts = args.value("timestamp", std::string());
    if (args.value("name", std::string()).empty()) {
        *refusal = refused("invalid_name");
        return nullptr;
    }
    for (json &m : m_messages) {
        if (m.value("ts", std::string()) != ts)
            continue;
        json &reactions = m["reactions"];
        if (!reactions.is_array())
            reactions = json::array();
        return &reactions;
    }
    *refusal = refused("message_not_found");
    return nullptr;
}

HttpServerResponse SlackFixture::react(const json &args) {
    HttpServerResponse refusal;
    json *reactions = reactionsOf(args, &refusal);
    if (!reactions)
        return refusal;
    const std::string name = args.value("name", std::string());
    for (json &r : *reactions) {
        if (r.value("name", std::string()) != name)
            continue;
        json &users = r["users"];
        if (std::find(users.begin(), users.end(), botUser) != users.end())
            return refused("already_reacted");
        users.push_back(botUser);
        r["count"] = users.size();
        return slackAnswer({{"ok", true}});
    }
    reactions->push_back({{"name", name}, {"users", {botUser}}, {"count", 1}});
    return slackAnswer({{"ok", true}});
}

HttpServerResponse SlackFixture::unreact(const json &args) {
    HttpServerResponse refusal;
    json *reactions = reactionsOf(args, &refusal);
    if (!reactions)
        return refusal;
    const std::string name = args.value("name", std::string());
    for (auto r = reactions->begin(); r != reactions->end(); ++r) {
        json &users = (*r)["users"];
        const auto bot = std::find(users.begin(), users.end(), botUser);
        if (r->value("name", std::string()) != name || bot == users.end())
            continue;
        users.erase(bot); // only the token's own reaction goes
        (*r)["count"] = users.size();
        if (users.empty())
            reactions->erase(r);
        return slackAnswer({{"ok", true}});
    }
    return refused("no_reaction");
}

HttpServerResponse SlackFixture::post(const json &args) {
    const std::string text = args.value("text", std::string());
    if (text.empty())
        return refused("no_text");
    const std::string ts = nextTs().toStdString();
    json message = {{"type", "message"}, {"user", botUser}, {"bot_id", "B0BOT"},
                    {"app_id", "A0APP"}, {"text", text},    {"ts", ts},
                    {"team", "T0ACME"}};
    if (const auto metadata = args.find("metadata"); metadata != args.end()) {
        if (!metadata->is_object() || !metadata->contains("event_type") ||
            !metadata->contains("event_payload"))
            return refused("invalid_metadata_format");
        message["metadata"] = *metadata;
    }
    const std::string parent = args.value("thread_ts", std::string());
    if (parent.empty()) {
        m_messages.insert(m_messages.begin(), message);
    } else {
        auto it = std::find_if(m_messages.begin(), m_messages.end(), [&](const json &m) {
            return m.value("ts", std::string()) == parent;
        });
        if (it == m_messages.end())
            return refused("thread_not_found");
        message["thread_ts"] = parent;
        message["parent_user_id"] = it->value("user", std::string());
        (*it)["thread_ts"] = parent;
        (*it)["reply_count"] = it->value("reply_count", 0) + 1;
        (*it)["latest_reply"] = ts;
        m_replies.push_back(message);
    }
    HttpServerResponse answer =
        slackAnswer({{"ok", true}, {"channel", channel}, {"ts", ts}, {"message", message}});
    answer.delayMs = m_postDelayMs;
    return answer;
}

void SlackFixture::delayPostAnswers(int ms) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_postDelayMs = ms;
}
