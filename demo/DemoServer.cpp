// SPDX-License-Identifier: MIT
#include "DemoServer.h"

#include "demo/DemoData.h"

DemoServer::DemoServer()
    : m_start(QDateTime::currentDateTimeUtc())
    , m_server(std::make_unique<LoopbackHttpServer>(
          [this](const HttpServerRequest &request) { return answer(request); })) {}

DemoServer::~DemoServer() {
    m_server->stop();
}

bool DemoServer::start() {
    return m_server->start(0);
}

QByteArray DemoServer::baseUrl() const {
    return m_server->baseUrl();
}

QByteArray DemoServer::config() const {
    return demoConfig(baseUrl());
}

HttpServerResponse DemoServer::answer(const HttpServerRequest &request) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 elapsed = m_start.secsTo(now) + m_skipS.load();
    const DemoMoment moment{m_start, elapsed, m_server->baseUrl()};
    const QByteArray &path = request.path;
    if (request.method == "POST")
        return write(request, now);
    if (request.method == "DELETE" && path.startsWith("/alertmanager/api/v2/silence/")) {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_silences.expire(path.mid(29).toStdString(), now)
                   ? HttpServerResponse::json("")
                   : HttpServerResponse::json(R"("silence not found")", 404);
    }
    if (path == "/alertmanager/api/v2/silences") {
        std::lock_guard<std::mutex> lock(m_mutex);
        return HttpServerResponse::json(QByteArray::fromStdString(m_silences.list(now).dump()));
    }
    if (path == "/alertmanager/api/v2/alerts")
        return HttpServerResponse::json(withPostedAlerts(demoAlerts(moment), now));
    if (path == "/desk/api/requests")
        return HttpServerResponse::json(demoRequests(moment));
    if (path == "/tracker/api/bugs") {
        if (demoBugTrackerDown(elapsed))
            return HttpServerResponse::text("<html><body>502 Bad Gateway</body></html>", 502);
        const bool first = !request.query.contains("cursor=page-2");
        const QByteArray page = demoBugs(moment, first ? 0 : 1);
        return HttpServerResponse::json(first ? withCreatedBugs(page) : page);
    }
    if (path == "/board/api/cards")
        return HttpServerResponse::json(demoCards(moment));
    if (path.startsWith("/item/"))
        return HttpServerResponse::text("<html><body><h1>dutyboard demo</h1><p>" + path.mid(6) +
                                        "</p></body></html>");
    return HttpServerResponse::text("not found", 404);
}

namespace {
std::string iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}
} // namespace

HttpServerResponse DemoServer::write(const HttpServerRequest &request, const QDateTime &now) {
    using nlohmann::json;
    const json body = json::parse(request.body.constData(),
                                  request.body.constData() + request.body.size(), nullptr, false);
    if (body.is_discarded())
        return HttpServerResponse::json(R"({"error":"not JSON"})", 400);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (request.path == "/alertmanager/api/v2/alerts" && body.is_array()) {
        // Like Alertmanager: the label set is the alert; a re-post updates it, an endsAt in the
        // past resolves it.
        for (const json &alert : body) {
            const std::string key = alert.value("labels", json::object()).dump();
            json stored = alert;
            auto existing = m_alerts.find(key);
            stored["startsAt"] = existing != m_alerts.end()
                                     ? existing->second["startsAt"]
                                     : alert.value("startsAt", json(iso(now)));
            stored["fingerprint"] =
                "posted-" + std::to_string(std::hash<std::string>{}(key) % 100000);
            m_alerts[key] = stored;
        }
        return HttpServerResponse::json("");
    }
    if (request.path == "/alertmanager/api/v2/silences") {
        const std::string id = m_silences.set(body, now);
        if (id.empty())
            return HttpServerResponse::json(R"("silence invalid")", 400);
        return HttpServerResponse::json(
            QByteArray::fromStdString(json({{"silenceID", id}}).dump()));
    }
    if (request.path == "/tracker/api/create-bug" || request.path == "/tracker/api/create-card") {
        const std::string key = "SRE-" + std::to_string(m_nextKey++);
        const std::string url = m_server->baseUrl().toStdString() + "/item/bug/" + key;
        if (request.path.endsWith("create-bug"))
            m_bugs.push_back({{"key", key},
                              {"summary", body.value("title", std::string("(no title)"))},
                              {"priority", "P3"},
                              {"assignees", json::array()},
                              {"status", "to do"},
                              {"created_at", now.toSecsSinceEpoch()},
                              {"web_url", url}});
        return HttpServerResponse::json(
            QByteArray::fromStdString(json({{"key", key}, {"web_url", url}}).dump()), 201);
    }
    if (request.path.startsWith("/desk/api/requests/"))
        return HttpServerResponse::json(R"({"ok":true})");
    return HttpServerResponse::json(R"({"error":"not found"})", 404);
}

QByteArray DemoServer::withPostedAlerts(const QByteArray &alerts, const QDateTime &now) {
    using nlohmann::json;
    json list = json::parse(alerts.constData(), alerts.constData() + alerts.size());
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto &[key, alert] : m_alerts) {
        const QDateTime endsAt = QDateTime::fromString(
            QString::fromStdString(alert.value("endsAt", std::string())), Qt::ISODateWithMs);
        if (endsAt.isValid() && endsAt <= now)
            continue; // resolved
        json shown = alert;
        shown["status"] = {
            {"state", "active"}, {"silencedBy", json::array()}, {"inhibitedBy", json::array()}};
        shown["receivers"] = json::array({{{"name", "sre-duty"}}});
        shown["updatedAt"] = iso(now);
        list.push_back(shown);
    }
    m_silences.apply(&list, now);
    return QByteArray::fromStdString(list.dump());
}

QByteArray DemoServer::withCreatedBugs(const QByteArray &bugs) {
    using nlohmann::json;
    json page = json::parse(bugs.constData(), bugs.constData() + bugs.size());
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const json &bug : m_bugs)
        page["issues"].push_back(bug);
    return QByteArray::fromStdString(page.dump());
}
