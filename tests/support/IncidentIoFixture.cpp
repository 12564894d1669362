// SPDX-License-Identifier: MIT
#include "IncidentIoFixture.h"

#include <QDateTime>
#include <QLocale>

#include <map>
#include <utility>
#include <vector>

using nlohmann::json;

namespace {

HttpServerResponse iioError(int status, const std::string &type, const std::string &code,
                            const std::string &message, const std::string &field = {}) {
    json error = {{"code", code}, {"message", message}};
    if (!field.empty())
        error["source"] = {{"field", field}};
    const json body = {{"type", type},
                       {"status", status},
                       {"request_id", "631766c4-4afd-4803-997c-cd700928fa4b"},
                       {"errors", json::array({error})}};
    return FixtureServer::json(body, status);
}

json severity(const std::string &id) {
    static const std::map<std::string, std::pair<std::string, int>> known = {
        {"01SEVCRIT", {"Critical", 3}}, {"01SEVMAJOR", {"Major", 2}}, {"01SEVMINOR", {"Minor", 1}}};
    const auto it = known.find(id);
    if (it == known.end())
        return nullptr;
    return {{"id", id},
            {"name", it->second.first},
            {"rank", it->second.second},
            {"description", "Issues with impact."},
            {"created_at", "2021-08-17T13:28:57.801578Z"},
            {"updated_at", "2021-08-17T13:28:57.801578Z"}};
}

json roleOfType(const std::string &type, const std::string &name) {
    return {{"id", "01ROLE" + type}, {"name", name},        {"role_type", type},
            {"shortform", type},     {"description", name}, {"instructions", ""}};
}

json user(const std::string &person, const std::string &email) {
    return {{"id", "01USER" + person.substr(0, 3)},
            {"name", person},
            {"email", email},
            {"role", "responder"},
            {"slack_user_id", "U123"}};
}

json role(const std::string &type, const std::string &name, const std::string &person) {
    return {{"role", roleOfType(type, name)},
            {"assignee", user(person, person.substr(0, 3) + "@acme.io")}};
}

// The organisation's roles, as GET /v2/incident_roles lists them.
json incidentRoles() {
    json roles = json::array();
    for (const auto &[type, name] : std::vector<std::pair<std::string, std::string>>{
             {"reporter", "Reporter"}, {"lead", "Incident Lead"}, {"custom", "Communications"}}) {
        json entry = roleOfType(type, name);
        entry["required"] = type == "lead";
        entry["created_at"] = "2021-08-17T13:28:57.801578Z";
        entry["updated_at"] = "2021-08-17T13:28:57.801578Z";
        roles.push_back(entry);
    }
    return roles;
}

// The organisation's users by email: who an assignee reference names.
json userByEmail(const std::string &email) {
    static const std::map<std::string, std::string> users = {
        {"victor@acme.io", "Victor Hugo"}, {"Eri@acme.io", "Erin Yu"}, {"Dav@acme.io", "Dave Roe"}};
    for (const auto &[known, name] : users) {
        if (QString::fromStdString(known).compare(QString::fromStdString(email),
                                                  Qt::CaseInsensitive) == 0)
            return user(name, known);
    }
    return nullptr;
}

json incident(const std::string &id, int number, const std::string &name,
              const std::string &statusName, const std::string &category,
              const std::string &severityId, const json &roles, const std::string &created) {
    return {{"id", id},
            {"reference", "INC-" + std::to_string(number)},
            {"name", name},
            {"summary", "What we know so far."},
            {"incident_status",
             {{"id", "01ST" + category},
              {"name", statusName},
              {"category", category},
              {"rank", 1},
              {"description", statusName}}},
            {"severity", severity(severityId)},
            {"mode", "standard"},
            {"visibility", "public"},
            {"created_at", created},
            {"updated_at", created},
            {"permalink", "https://app.incident.io/acme/incidents/" + std::to_string(number)},
            {"incident_role_assignments", roles},
            {"custom_field_entries", json::array()}};
}

} // namespace

IncidentIoFixture::IncidentIoFixture()
    : m_server([this](const HttpServerRequest &request, FixtureFault fault) {
        return answer(request, fault);
    }) {
    m_incidents = json::array({
        incident("01HINC101", 101, "Database failover", "Investigating", "live", "01SEVCRIT",
                 json::array({role("reporter", "Reporter", "Dave Roe"),
                              role("lead", "Incident Lead", "Erin Yu"),
                              role("custom", "Communications", "Frank Li")}),
                 "2026-11-30T09:30:00.801578Z"),
        incident("01HINC102", 102, "Checkout latency", "Fixing", "live", "01SEVMAJOR",
                 json::array(), "2026-11-30T09:00:00Z"),
        incident("01HINC099", 99, "Broken deploy", "Post-incident", "learning", "01SEVMINOR",
                 json::array({role("lead", "Incident Lead", "Erin Yu")}), "2026-11-29T15:00:00Z"),
        incident("01HINC098", 98, "Last week", "Closed", "closed", "01SEVMINOR", json::array(),
                 "2026-11-23T15:00:00Z"),
        incident("01HINC103", 103, "Something odd", "Triage", "triage", "", json::array(),
                 "2026-11-30T09:45:00Z"),
    });
}

void IncidentIoFixture::setManyIncidents(int count) {
    json incidents = json::array();
    for (int i = 1; i <= count; ++i)
        incidents.push_back(incident("01HMANY" + std::to_string(1000 + i), i,
                                     "incident " + std::to_string(i), "Investigating", "live",
                                     "01SEVMINOR", json::array(), "2026-11-30T09:00:00Z"));
    QMutexLocker lock(&m_mutex);
    m_incidents = std::move(incidents);
}

json IncidentIoFixture::incidents() const {
    QMutexLocker lock(&m_mutex);
    return m_incidents;
}

HttpServerResponse IncidentIoFixture::answer(const HttpServerRequest &request, FixtureFault fault) {
    if (fault == FixtureFault::RateLimitedAlternate) {
        HttpServerResponse r = iioError(429, "too_many_requests", "too_many_requests",
                                        "Too many requests. We recommend exponential backoff.");
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30")});
        return r;
    }
    if (fault == FixtureFault::RateLimited) {
        // The body says when, as an HTTP date written with "UTC"; no Retry-After header.
        const QString when = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(90),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        const json body = {
            {"type", "too_many_requests"},
            {"status", 429},
            {"request_id", "b839a403-7704-41c1-bf6a-39a2d68caefa"},
            {"rate_limit",
             {{"name", "api_key_name"},
              {"limit", 1200},
              {"remaining", 0},
              {"retry_after", when.toStdString() + " UTC"}}},
            {"errors",
             json::array({{{"code", "too_many_requests"},
                           {"message", "Too many requests. We recommend exponential backoff."}}})}};
        return FixtureServer::json(body, 429);
    }
    if (fault == FixtureFault::Unauthorized ||
        request.header("authorization") != QByteArray("Bearer ") + token)
        return iioError(401, "authentication_error", "authentication_error",
                        "The API key provided is not valid");
    QMutexLocker lock(&m_mutex);
    if (request.path == "/v2/incidents" && request.method == "GET")
        return list(request);
    if (request.path == "/v2/incidents" && request.method == "POST")
        return create(request);
    if (request.path == "/v2/incident_roles" && request.method == "GET")
        return FixtureServer::json({{"incident_roles", incidentRoles()}});
    const QByteArray prefix = "/v2/incidents/";
    const QByteArray editSuffix = "/actions/edit";
    if (request.path.startsWith(prefix) && request.path.endsWith(editSuffix) &&
        request.method == "POST")
        return edit(request, request.path.mid(prefix.size(), request.path.size() - prefix.size() -
                                                                 editSuffix.size()));
    if (request.path.startsWith(prefix) && request.method == "GET") {
        if (const json *found = incidentWithId(request.path.mid(prefix.size())))
            return FixtureServer::json({{"incident", *found}});
    }
    return iioError(404, "not_found", "not_found", "Not found");
}

json *IncidentIoFixture::incidentWithId(const QByteArray &id) {
    for (json &entry : m_incidents) {
        if (entry.value("id", std::string()) == id.toStdString())
            return &entry;
    }
    return nullptr;
}

HttpServerResponse IncidentIoFixture::edit(const HttpServerRequest &request, const QByteArray &id) {
    json *incident = incidentWithId(id);
    if (!incident)
        return iioError(404, "not_found", "not_found", "Not found");
    const json body = json::parse(request.body.constData(),
                                  request.body.constData() + request.body.size(), nullptr, false);
    if (!body.is_object() || !body.value("incident", json()).is_object())
        return iioError(400, "bad_request", "invalid_json", "The request body is not JSON");
    if (!body.value("notify_incident_channel", json()).is_boolean())
        return iioError(422, "validation_error", "is_required",
                        "notify_incident_channel is required", "notify_incident_channel");
    json changes = body["incident"].value("incident_role_assignments", json::array());
    json &assignments = (*incident)["incident_role_assignments"];
    for (const json &change : changes) {
        const std::string roleId = change.value("incident_role_id", std::string());
        json role;
        for (const json &known : incidentRoles()) {
            if (known.value("id", std::string()) == roleId)
                role = roleOfType(known["role_type"], known["name"]);
        }
        if (role.is_null())
            return iioError(422, "validation_error", "not_found", "Incident role not found",
                            "incident_role_id");
        json assignee;
        if (change.contains("assignee")) {
            assignee = userByEmail(change["assignee"].value("email", std::string()));
            if (assignee.is_null()) // the wording is assumed
                return iioError(422, "validation_error", "not_found",
                                "No user found for the given assignee", "assignee");
        }
        json updated = {{"role", role}};
        if (!assignee.is_null())
            updated["assignee"] = assignee;
        bool replaced = false;
        for (json &existing : assignments) {
            if (existing["role"].value("id", std::string()) == roleId) {
                existing = updated;
                replaced = true;
            }
        }
        if (!replaced)
            assignments.push_back(updated);
    }
    return FixtureServer::json({{"incident", *incident}});
}

HttpServerResponse IncidentIoFixture::list(const HttpServerRequest &request) const {
    const QUrlQuery query = FixtureServer::queryOf(request);
    const QStringList categories =
        FixtureServer::queryValues(request, QStringLiteral("status_category[one_of]"));
    const int pageSize = qBound(1, query.queryItemValue(QStringLiteral("page_size")).toInt(), 250);
    const std::string after =
        query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded).toStdString();
    json matching = json::array();
    for (const json &entry : m_incidents) {
        const std::string category =
            entry.value("incident_status", json::object()).value("category", std::string());
        if (categories.isEmpty() || categories.contains(QString::fromStdString(category)))
            matching.push_back(entry);
    }
    std::size_t start = 0;
    if (!after.empty()) {
        while (start < matching.size() && matching[start].value("id", std::string()) != after)
            ++start;
        ++start; // after that one (past the end when unknown)
    }
    json page = json::array();
    for (std::size_t i = start; i < matching.size() && page.size() < std::size_t(pageSize); ++i)
        page.push_back(matching[i]);
    json meta = {{"page_size", pageSize}, {"total_record_count", matching.size()}};
    if (start + page.size() < matching.size())
        meta["after"] = page.back()["id"];
    return FixtureServer::json({{"incidents", page}, {"pagination_meta", meta}});
}

HttpServerResponse IncidentIoFixture::create(const HttpServerRequest &request) {
    const json body = json::parse(request.body.constData(),
                                  request.body.constData() + request.body.size(), nullptr, false);
    if (!body.is_object())
        return iioError(400, "bad_request", "invalid_json", "The request body is not JSON");
    const std::string key = body.value("idempotency_key", std::string());
    if (key.empty())
        return iioError(422, "validation_error", "is_required", "Idempotency key is required",
                        "idempotency_key");
    const std::string visibility = body.value("visibility", std::string());
    if (visibility != "public" && visibility != "private")
        return iioError(422, "validation_error", "is_required",
                        "Visibility must be public or private", "visibility");
    if (const auto seen = m_byKey.find(key); seen != m_byKey.end()) {
        for (const json &entry : m_incidents) {
            if (entry.value("id", std::string()) == seen->second)
                return FixtureServer::json({{"incident", entry}}, 200);
        }
    }
    const std::string severityId = body.value("severity_id", std::string());
    if (severityId.empty())
        return iioError(422, "validation_error", "is_required",
                        "A severity is required to open an incident", "severity_id");
    if (severity(severityId).is_null())
        return iioError(422, "validation_error", "not_found", "Severity not found", "severity_id");
    const int number = m_nextNumber++;
    json created =
        incident("01HNEW" + std::to_string(number), number, body.value("name", std::string()),
                 "Investigating", "live", severityId, json::array(), "2026-11-30T10:00:00Z");
    created["summary"] = body.value("summary", std::string());
    created["visibility"] = visibility;
    created["mode"] = body.value("mode", std::string("standard"));
    m_incidents.push_back(created);
    m_byKey[key] = created["id"].get<std::string>();
    return FixtureServer::json({{"incident", created}}, 201);
}
