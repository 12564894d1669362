// SPDX-License-Identifier: MIT
#include "PagerDutyFixture.h"

#include <map>

using nlohmann::json;

namespace {

HttpServerResponse pdError(int status, const std::string &message, const json &errors = nullptr) {
    json error = {{"message", message}, {"code", status == 401 ? 2006 : 2001}};
    if (!errors.is_null())
        error["errors"] = errors;
    return FixtureServer::json({{"error", error}}, status);
}

json incident(const std::string &id, int number, const std::string &title,
              const std::string &status, const std::string &urgency, const json &priority,
              const json &assignees, const std::string &created) {
    json assignments = json::array();
    for (const json &name : assignees)
        assignments.push_back({{"at", created},
                               {"assignee",
                                {{"id", "PU" + name.get<std::string>().substr(0, 3)},
                                 {"type", "user_reference"},
                                 {"summary", name}}}});
    return {
        {"id", id},
        {"type", "incident"},
        {"summary", "[#" + std::to_string(number) + "] " + title},
        {"incident_number", number},
        {"title", title},
        {"status", status},
        {"urgency", urgency},
        {"created_at", created},
        {"updated_at", created},
        {"html_url", "https://acme.pagerduty.com/incidents/" + id},
        {"service", {{"id", "PSVC001"}, {"type", "service_reference"}, {"summary", "checkout"}}},
        {"assignments", assignments},
        {"priority", priority.is_null() ? json(nullptr)
                                        : json{{"id", "PPRI" + priority.get<std::string>()},
                                               {"type", "priority_reference"},
                                               {"summary", priority}}},
        {"incident_key", nullptr}};
}

// The account's users by login email: who a From header names.
const std::map<std::string, std::string> users = {{"oncall@acme.io", "Oncall Desk"},
                                                  {"victor@acme.io", "Victor Hugo"}};

json parsedBody(const HttpServerRequest &request) {
    return json::parse(request.body.constData(), request.body.constData() + request.body.size(),
                       nullptr, false);
}

} // namespace

PagerDutyFixture::PagerDutyFixture()
    : m_incidents(defaultIncidents())
    , m_server([this](const HttpServerRequest &request, FixtureFault fault) {
        return answer(request, fault);
    }) {}

json PagerDutyFixture::defaultIncidents() {
    json acknowledged = incident("Q2BBBB", 2, "Disk 85% on db-2", "acknowledged", "low", nullptr,
                                 {"Carol Diaz"}, "2026-11-30T08:00:00Z");
    acknowledged["acknowledgements"] =
        json::array({{{"at", "2026-11-30T08:03:00Z"},
                      {"acknowledger",
                       {{"id", "PUCar"}, {"type", "user_reference"}, {"summary", "Carol Diaz"}}}}});
    return json::array({
        incident("Q1AAAA", 1, "Checkout error rate above 5%", "triggered", "high", "P1",
                 {"Alice Martin", "Bob Chen"}, "2026-11-30T09:10:00Z"),
        acknowledged,
        incident("Q3CCCC", 3, "Queue lag", "triggered", "high", "SEV-A", json::array(),
                 "2026-11-30T07:00:00Z"),
        incident("Q4DDDD", 4, "Yesterday's outage", "resolved", "high", "P2", json::array(),
                 "2026-11-29T07:00:00Z"),
    });
}

void PagerDutyFixture::setManyIncidents(int count) {
    json incidents = json::array();
    for (int i = 1; i <= count; ++i) {
        std::string id = std::to_string(i);
        id = "Q" + std::string(4 - std::min<std::size_t>(4, id.size()), '0') + id;
        incidents.push_back(incident(id, i, "incident " + std::to_string(i), "triggered", "high",
                                     nullptr, json::array(), "2026-11-30T09:00:00Z"));
    }
    QMutexLocker lock(&m_mutex);
    m_incidents = std::move(incidents);
}

json PagerDutyFixture::incidents() const {
    QMutexLocker lock(&m_mutex);
    return m_incidents;
}

HttpServerResponse PagerDutyFixture::answer(const HttpServerRequest &request, FixtureFault fault) {
    if (fault == FixtureFault::RateLimited || fault == FixtureFault::RateLimitedAlternate) {
        HttpServerResponse r = pdError(429, "Rate Limit Exceeded");
        if (fault == FixtureFault::RateLimited) {
            r.headers.append({QByteArrayLiteral("ratelimit-limit"), QByteArrayLiteral("960")});
            r.headers.append({QByteArrayLiteral("ratelimit-remaining"), QByteArrayLiteral("0")});
            r.headers.append({QByteArrayLiteral("ratelimit-reset"), QByteArrayLiteral("42")});
        }
        return r;
    }
    if (fault == FixtureFault::Unauthorized ||
        request.header("authorization") != QByteArray("Token token=") + token)
        return pdError(401, "Authentication failed");
    QMutexLocker lock(&m_mutex);
    if (request.path == "/incidents" && request.method == "GET")
        return list(request);
    if (request.path == "/incidents" && request.method == "POST")
        return create(request);
    if (request.path.startsWith("/incidents/") && request.method == "PUT")
        return update(request, request.path.mid(int(qstrlen("/incidents/"))).toStdString());
    return pdError(404, "Not Found");
}

HttpServerResponse PagerDutyFixture::list(const HttpServerRequest &request) const {
    const QUrlQuery query = FixtureServer::queryOf(request);
    const QStringList statuses = FixtureServer::queryValues(request, QStringLiteral("statuses[]"));
    const int limit = qBound(1, query.queryItemValue(QStringLiteral("limit")).toInt(), 100);
    const int offset = qMax(0, query.queryItemValue(QStringLiteral("offset")).toInt());
    json matching = json::array();
    for (const json &entry : m_incidents) {
        if (statuses.isEmpty() ||
            statuses.contains(QString::fromStdString(entry.value("status", std::string()))))
            matching.push_back(entry);
    }
    return FixtureServer::json({{"incidents", FixtureServer::slice(matching, offset, limit)},
                                {"limit", limit},
                                {"offset", offset},
                                {"more", offset + limit < int(matching.size())},
                                {"total", nullptr}});
}

HttpServerResponse PagerDutyFixture::create(const HttpServerRequest &request) {
    if (request.header("from").isEmpty())
        return pdError(400, "You must specify a user's email address in the \"From\" header to "
                            "perform this action");
    const json body = parsedBody(request);
    const json in = body.is_object() ? body.value("incident", json()) : json();
    if (!in.is_object() || in.value("type", std::string()) != "incident")
        return pdError(400, "Invalid Input Provided", {"Incident type must be incident."});
    const std::string title = in.value("title", std::string());
    if (title.empty())
        return pdError(400, "Invalid Input Provided", {"Title cannot be empty."});
    const std::string key = in.value("incident_key", std::string());
    for (const json &existing : m_incidents) {
        // The wording is assumed; the documented behaviour is the refusal.
        if (!key.empty() && existing.value("incident_key", json()) == key &&
            existing.value("status", std::string()) != "resolved")
            return pdError(400, "Invalid Input Provided",
                           {"Open incident with key '" + key + "' already exists."});
    }
    const int number = m_nextNumber++;
    json created = incident("QN" + std::to_string(number), number, title, "triggered",
                            in.value("urgency", std::string("high")), nullptr, json::array(),
                            "2026-11-30T10:00:00Z");
    created["service"]["id"] = in.value("service", json::object()).value("id", std::string());
    created["incident_key"] = key.empty() ? json(nullptr) : json(key);
    m_incidents.push_back(created);
    return FixtureServer::json({{"incident", created}}, 201);
}

HttpServerResponse PagerDutyFixture::update(const HttpServerRequest &request,
                                            const std::string &id) {
    const auto user = users.find(request.header("from").toStdString());
    if (request.header("from").isEmpty())
        return pdError(400, "You must specify a user's email address in the \"From\" header to "
                            "perform this action");
    if (user == users.end()) // the wording is assumed
        return pdError(400, "Invalid Input Provided", {"Requester User Not Found"});
    const json body = parsedBody(request);
    const json in = body.is_object() ? body.value("incident", json()) : json();
    if (!in.is_object() || in.value("type", std::string()) != "incident_reference")
        return pdError(400, "Invalid Input Provided",
                       {"Incident type must be incident_reference."});
    const std::string status = in.value("status", std::string());
    if (status != "acknowledged" && status != "resolved")
        return pdError(400, "Invalid Input Provided", {"Status must be acknowledged or resolved."});
    for (json &existing : m_incidents) {
        if (existing.value("id", std::string()) != id)
            continue;
        if (existing.value("status", std::string()) == "resolved")
            return pdError(400, "Invalid Input Provided", {"Incident Already Resolved"});
        existing["status"] = status;
        if (status == "acknowledged") {
            json &acknowledgements = existing["acknowledgements"];
            if (!acknowledgements.is_array())
                acknowledgements = json::array();
            acknowledgements.push_back({{"at", "2026-11-30T10:05:00Z"},
                                        {"acknowledger",
                                         {{"id", "PU" + user->second.substr(0, 3)},
                                          {"type", "user_reference"},
                                          {"summary", user->second}}}});
        }
        return FixtureServer::json({{"incident", existing}});
    }
    return pdError(404, "Incident Not Found");
}
