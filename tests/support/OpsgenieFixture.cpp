// SPDX-License-Identifier: MIT
#include "OpsgenieFixture.h"

#include <QUrl>

using nlohmann::json;

namespace {

HttpServerResponse ogAnswer(int status, json body) {
    body["took"] = 0.012;
    if (!body.contains("requestId"))
        body["requestId"] = "9ae63dd7-ed00-4c81-86f0-c4ffd33142c9";
    return FixtureServer::json(body, status);
}

json entry(const std::string &id, const std::string &tinyId, const std::string &message,
           const std::string &status, const std::string &priority, const std::string &created) {
    return {{"id", id},
            {"tinyId", tinyId},
            {"message", message},
            {"status", status},
            {"tags", json::array()},
            {"createdAt", created},
            {"updatedAt", created},
            {"priority", priority}};
}

} // namespace

OpsgenieFixture::OpsgenieFixture()
    : m_server([this](const HttpServerRequest &request, FixtureFault fault) {
        return answer(request, fault);
    }) {
    json p1 = entry("70413a06-38d6-4c85-92b8-5ebc900d42e2", "12", "Payments API down", "open", "P1",
                    "2026-11-30T09:20:00.123Z");
    p1["ownerTeam"] = "1b7b9ab2-b7c4-4b0e-8e6b-6e7ab2d1d8d8";
    p1["responders"] = json::array({{{"type", "team"}, {"id", "1b7b9ab2"}, {"name", "payments"}},
                                    {{"type", "user"}, {"id", "c1"}}});
    m_incidents = json::array({p1,
                               entry("a1b2c3d4-0000-4000-8000-000000000013", "13", "Slow search",
                                     "open", "P3", "2026-11-30T08:00:00Z"),
                               entry("a1b2c3d4-0000-4000-8000-000000000014", "14",
                                     "Typo on status page", "open", "P5", "2026-11-30T07:00:00Z"),
                               entry("a1b2c3d4-0000-4000-8000-000000000009", "9", "Old one",
                                     "resolved", "P2", "2026-11-28T07:00:00Z")});
    json acked = entry("8418d193-2dab-4490-b331-8c02cdd196b7", "41", "CPU high on web-3", "open",
                       "P2", "2026-11-30T09:00:00Z");
    acked["acknowledged"] = true;
    acked["owner"] = "alice@acme.io";
    acked["alias"] = "cpu-web-3";
    json low = entry("8418d193-2dab-4490-b331-8c02cdd196b8", "42", "Certificate expires in 20 days",
                     "open", "P4", "2026-11-30T06:00:00Z");
    low["acknowledged"] = false;
    low["alias"] = "cert-expiry";
    json closed = entry("8418d193-2dab-4490-b331-8c02cdd196b9", "40", "Fixed", "closed", "P3",
                        "2026-11-29T06:00:00Z");
    closed["alias"] = "fixed";
    m_alerts = json::array({acked, low, closed});
}

void OpsgenieFixture::setManyIncidents(int count) {
    json incidents = json::array();
    for (int i = 1; i <= count; ++i)
        incidents.push_back(entry("inc-" + std::to_string(i), std::to_string(i),
                                  "incident " + std::to_string(i), "open", "P3",
                                  "2026-11-30T09:00:00Z"));
    QMutexLocker lock(&m_mutex);
    m_incidents = std::move(incidents);
}

json OpsgenieFixture::incidents() const {
    QMutexLocker lock(&m_mutex);
    return m_incidents;
}

json OpsgenieFixture::alerts() const {
    QMutexLocker lock(&m_mutex);
    return m_alerts;
}

void OpsgenieFixture::setNextBase(const QByteArray &base) {
    QMutexLocker lock(&m_mutex);
    m_nextBase = base;
}

HttpServerResponse OpsgenieFixture::answer(const HttpServerRequest &request, FixtureFault fault) {
    if (fault == FixtureFault::RateLimited || fault == FixtureFault::RateLimitedAlternate) {
        HttpServerResponse r =
            ogAnswer(429, {{"message", "You are making too many requests! To avoid errors, we "
                                       "recommend you limit requests."}});
        r.headers.append({QByteArrayLiteral("X-RateLimit-State"), QByteArrayLiteral("THROTTLED")});
        return r;
    }
    if (fault == FixtureFault::Unauthorized ||
        request.header("authorization") != QByteArray("GenieKey ") + token)
        return ogAnswer(401, {{"message", "Could not authenticate"}});
    QMutexLocker lock(&m_mutex);
    if (request.method == "GET" && request.path == "/v1/incidents")
        return list(request, m_incidents);
    if (request.method == "GET" && request.path == "/v2/alerts")
        return list(request, m_alerts);
    if (request.method == "POST" && request.path == "/v1/incidents/create")
        return create(request, false);
    if (request.method == "POST" && request.path == "/v2/alerts")
        return create(request, true);
    if (request.method == "POST" && request.path.startsWith("/v2/alerts/")) {
        const QByteArray rest = request.path.mid(int(qstrlen("/v2/alerts/")));
        const QByteArray id = rest.left(rest.lastIndexOf('/'));
        const QByteArray action = rest.mid(id.size() + 1);
        if (!id.isEmpty() && (action == "acknowledge" || action == "unacknowledge"))
            return acknowledge(request, id, action == "acknowledge");
    }
    return ogAnswer(404, {{"message", "Could not find handler"}});
}

HttpServerResponse OpsgenieFixture::acknowledge(const HttpServerRequest &request,
                                                const QByteArray &id, bool acknowledged) {
    const json body = json::parse(request.body.constData(),
                                  request.body.constData() + request.body.size(), nullptr, false);
    if (!body.is_object())
        return ogAnswer(400, {{"message", "Invalid JSON body"}});
    const std::string requestId = "req-" + std::to_string(++m_requestNumber);
    // Done later, as Opsgenie does: the 202 only says it was taken.
    for (json &alert : m_alerts) {
        if (alert.value("id", std::string()) != id.toStdString())
            continue;
        alert["acknowledged"] = acknowledged;
        if (acknowledged && body.contains("user"))
            alert["owner"] = body["user"];
    }
    return ogAnswer(202, {{"result", "Request will be processed"}, {"requestId", requestId}});
}

HttpServerResponse OpsgenieFixture::list(const HttpServerRequest &request, const json &all) const {
    const QUrlQuery params = FixtureServer::queryOf(request);
    const QString query = params.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
    const int limit = qBound(1, params.queryItemValue(QStringLiteral("limit")).toInt(), 100);
    const int offset = qMax(0, params.queryItemValue(QStringLiteral("offset")).toInt());
    json matching = json::array();
    for (const json &item : all) {
        if (query != QLatin1String("status:open") || item.value("status", std::string()) == "open")
            matching.push_back(item);
    }
    const json data = FixtureServer::slice(matching, offset, limit);
    const QByteArray base = (m_nextBase.isEmpty() ? baseUrl() : m_nextBase) + request.path +
                            "?query=" + QUrl::toPercentEncoding(query);
    const auto link = [&](int at) {
        return (base + "&offset=" + QByteArray::number(at) + "&limit=" + QByteArray::number(limit) +
                "&sort=createdAt&order=desc")
            .toStdString();
    };
    json paging = {{"first", link(0)}};
    if (offset + limit < int(matching.size()))
        paging["next"] = link(offset + limit);
    paging["last"] = link(qMax(0, (int(matching.size()) - 1) / limit * limit));
    return ogAnswer(200, {{"data", data}, {"paging", paging}});
}

HttpServerResponse OpsgenieFixture::create(const HttpServerRequest &request, bool alert) {
    const json body = json::parse(request.body.constData(),
                                  request.body.constData() + request.body.size(), nullptr, false);
    if (!body.is_object())
        return ogAnswer(400, {{"message", "Invalid JSON body"}});
    const std::string message = body.value("message", std::string());
    if (message.empty())
        return ogAnswer(422, {{"message", "Message can not be empty."}});
    const std::string requestId = "req-" + std::to_string(++m_requestNumber);
    json &list = alert ? m_alerts : m_incidents;
    const std::string alias = body.value("alias", std::string());
    for (json &existing : list) {
        if (alert && !alias.empty() && existing.value("alias", std::string()) == alias &&
            existing.value("status", std::string()) == "open") {
            existing["count"] = existing.value("count", 1) + 1;
            return ogAnswer(202,
                            {{"result", "Request will be processed"}, {"requestId", requestId}});
        }
    }
    json created =
        entry("new-" + std::to_string(m_requestNumber), std::to_string(100 + m_requestNumber),
              message, "open", body.value("priority", std::string("P3")), "2026-11-30T10:00:00Z");
    for (const char *key : {"description", "tags", "details", "alias"}) {
        if (body.contains(key))
            created[key] = body[key];
    }
    list.push_back(created);
    return ogAnswer(202, {{"result", "Request will be processed"}, {"requestId", requestId}});
}
