// SPDX-License-Identifier: MIT
#include "DeskAndTracker.h"

#include "tests/support/LeanSources.h"

using nlohmann::json;

DeskAndTracker::DeskAndTracker()
    : m_server([this](const HttpServerRequest &r) { return answer(r); }) {}

HttpServerResponse DeskAndTracker::answer(const HttpServerRequest &r) {
    if (r.path == "/desk/requests")
        return HttpServerResponse::json(
            R"([{"id":"77","text":"My CI job is failing: out of disk space","who":"Chloe",)"
            R"("link":"https:\/\/desk.example\/77"}])");
    if (r.path == "/desk/requests/77/replies" && r.method == "POST") {
        if (!deskTakesReplies)
            return HttpServerResponse::text("down for maintenance", 503);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_replies.push_back(json::parse(r.body.toStdString()));
        return HttpServerResponse::json("{}", 201);
    }
    if (r.path == "/tracker/bugs" && r.method == "GET")
        return HttpServerResponse::json("[]");
    if (r.path == "/tracker/bugs" && r.method == "POST") {
        if (!trackerUp)
            return HttpServerResponse::text("tracker down", 503);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_bugs.push_back(json::parse(r.body.toStdString()));
        return HttpServerResponse::json(
            R"({"key":"SRE-312","url":"https:\/\/tracker.example\/SRE-312"})", 201);
    }
    return HttpServerResponse::text("not found", 404);
}

size_t DeskAndTracker::bugCount() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_bugs.size();
}

size_t DeskAndTracker::replyCount() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_replies.size();
}

QString DeskAndTracker::replyText(size_t i) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return QString::fromStdString(m_replies.at(i).value("text", std::string()));
}

AppConfig DeskAndTracker::config(const json &extra) {
    const std::string base = m_server.baseUrl().toStdString();
    json doc = {{"on_duty", "victor"},
                {"sources",
                 json::array({deskSource(base, {{"write",
                                                 {{"path", "/requests/{{item_id}}/replies"},
                                                  {"body", {{"text", "{{text}}"}}},
                                                  {"kinds", json::array({"reply"})}}}}),
                              trackerSource(base, {{"write", {{"created", {{"url", "/url"}}}}}})})},
                {"actions", {{"bug", "tracker"}}}};
    doc.update(extra);
    return parseConfig(QByteArray::fromStdString(doc.dump()), QStringLiteral("t"));
}
