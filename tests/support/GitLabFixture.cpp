// SPDX-License-Identifier: MIT
#include "GitLabFixture.h"

using nlohmann::json;

namespace {

const QByteArray externalUrl = QByteArrayLiteral("http://gitlab.internal.example");

json user(int id, const char *username, const char *name) {
    return {{"id", id},
            {"username", username},
            {"name", name},
            {"state", "active"},
            {"web_url", std::string("https://gitlab.acme.io/") + username}};
}

json issue(const QByteArray &webBase, int iid, const char *title, const json &labels,
           const json &assignees, const char *type, const char *severity, const char *created) {
    const std::string web = webBase.toStdString() + "/platform/sre/-/issues/" + std::to_string(iid);
    return {{"id", 9060 + iid},
            {"iid", iid},
            {"project_id", 42},
            {"title", title},
            {"description", "Seen by the on-call engineer."},
            {"state", "opened"},
            {"created_at", created},
            {"updated_at", created},
            {"closed_at", nullptr},
            {"labels", labels},
            {"milestone", nullptr},
            {"due_date", iid == 41 ? json("2026-12-02") : json(nullptr)},
            {"assignees", assignees},
            {"assignee", assignees.empty() ? json(nullptr) : assignees[0]},
            {"author", user(3, "victor", "Victor Hugo")},
            {"type", type},
            {"issue_type", type == std::string("INCIDENT") ? "incident" : "issue"},
            {"severity", severity},
            {"user_notes_count", 2},
            {"web_url", web},
            {"references",
             {{"short", "#" + std::to_string(iid)},
              {"relative", "#" + std::to_string(iid)},
              {"full", "platform/sre#" + std::to_string(iid)}}}};
}

} // namespace

GitLabFixture::GitLabFixture()
    : m_issues(issues(externalUrl))
    , m_server([this](const HttpServerRequest &request, FixtureFault fault) {
        return answer(request, fault);
    }) {}

json GitLabFixture::issues(const QByteArray &webBase) {
    const json ana = user(7, "ana", "Ana Lima");
    return json::array({
        issue(webBase, 41, "Backups of db-2 fail nightly", json::array({"bug", "severity::2"}),
              json::array({ana}), "ISSUE", "UNKNOWN", "2026-11-28T08:15:00.000Z"),
        issue(webBase, 42, "TLS handshake errors on the edge", json::array({"bug", "priority::1"}),
              json::array(), "ISSUE", "UNKNOWN", "2026-11-28T09:00:00.000+01:00"),
        issue(webBase, 43, "Runbook link 404s", json::array({"bug"}),
              json::array({ana, {{"id", 8}, {"username", "zoe"}}}), "ISSUE", "UNKNOWN",
              "2026-11-27T16:20:00.000Z"),
        issue(webBase, 44, "Queue backlog after deploy", json::array({"bug"}), json::array({ana}),
              "INCIDENT", "HIGH", "2026-11-27T11:00:00.000Z"),
        issue(webBase, 45, "Grafana panel misleading", json::array({"bug", "severity::weird"}),
              json::array(), "ISSUE", "UNKNOWN", "2026-11-26T11:00:00.000Z"),
    });
}

HttpServerResponse GitLabFixture::answer(const HttpServerRequest &request, FixtureFault fault) {
    if (fault == FixtureFault::RateLimited || fault == FixtureFault::RateLimitedAlternate)
        return rateLimited(fault);
    if (fault == FixtureFault::Unauthorized)
        return FixtureServer::json({{"message", "401 Unauthorized"}}, 401);
    const bool issuesPath = request.path == "/api/v4/projects/platform%2Fsre/issues" ||
                            request.path == "/api/v4/projects/42/issues";
    if (issuesPath && request.method == "GET")
        return list(request);
    if (issuesPath && request.method == "POST")
        return create(request);
    if (request.path == "/api/graphql" && request.method == "POST")
        return graphql(request);
    return FixtureServer::json({{"message", "404 Project Not Found"}}, 404);
}

HttpServerResponse GitLabFixture::list(const HttpServerRequest &request) const {
    const QUrlQuery query = FixtureServer::queryOf(request);
    const int page = qMax(1, query.queryItemValue(QStringLiteral("page")).toInt());
    constexpr int perPage = 2; // a server cap below the 100 asked for
    constexpr int totalPages = (issueCount + perPage - 1) / perPage;
    json all;
    {
        QMutexLocker lock(&m_mutex);
        all = m_issues;
    }
    HttpServerResponse response =
        FixtureServer::json(FixtureServer::slice(all, (page - 1) * perPage, perPage));
    // The quirk: the last page still names a next one.
    const QByteArray next = page <= totalPages ? QByteArray::number(page + 1) : QByteArray();
    const auto linkTo = [&request](int target) {
        QUrlQuery q = FixtureServer::queryOf(request);
        q.removeAllQueryItems(QStringLiteral("page"));
        q.addQueryItem(QStringLiteral("page"), QString::number(target));
        return "<" + externalUrl + request.path + "?" + q.toString(QUrl::FullyEncoded).toUtf8() +
               ">";
    };
    QByteArrayList links;
    if (!next.isEmpty())
        links.append(linkTo(page + 1) + "; rel=\"next\"");
    links.append(linkTo(1) + "; rel=\"first\"");
    links.append(linkTo(totalPages) + "; rel=\"last\"");
    response.headers.append({QByteArrayLiteral("Link"), links.join(", ")});
    response.headers.append({QByteArrayLiteral("X-Page"), QByteArray::number(page)});
    response.headers.append({QByteArrayLiteral("X-Per-Page"), QByteArray::number(perPage)});
    response.headers.append({QByteArrayLiteral("X-Next-Page"), next});
    response.headers.append(
        {QByteArrayLiteral("X-Prev-Page"), page > 1 ? QByteArray::number(page - 1) : QByteArray()});
    response.headers.append({QByteArrayLiteral("X-Total"), QByteArray::number(issueCount)});
    response.headers.append({QByteArrayLiteral("X-Total-Pages"), QByteArray::number(totalPages)});
    return response;
}

HttpServerResponse GitLabFixture::create(const HttpServerRequest &request) const {
    const json body = json::parse(request.body.toStdString(), nullptr, false);
    if (!body.is_object() || !body.contains("title") || !body["title"].is_string() ||
        body["title"].get<std::string>().empty())
        return FixtureServer::json({{"error", "title is missing"}}, 400);
    json created = issues(externalUrl)[0];
    created["id"] = createdId;
    created["iid"] = 46;
    created["title"] = body["title"];
    created["description"] = body.value("description", "");
    created["web_url"] = externalUrl.toStdString() + "/platform/sre/-/issues/46";
    return FixtureServer::json(created, 201);
}

HttpServerResponse GitLabFixture::graphql(const HttpServerRequest &request) {
    const json body = json::parse(request.body.toStdString(), nullptr, false);
    const std::string query = body.is_object() ? body.value("query", std::string()) : "";
    const json variables = body.is_object() ? body.value("variables", json::object()) : json();
    const auto error = [](const std::string &message, const char *field) {
        return FixtureServer::json(
            {{"data", {{field, nullptr}}},
             {"errors", json::array({{{"message", message},
                                      {"locations", json::array({{{"line", 1}, {"column", 3}}})},
                                      {"path", json::array({field})}}})}});
    };
    QMutexLocker lock(&m_mutex);
    if (query.find("currentUser") != std::string::npos) {
        json found = nullptr;
        for (const json &issue : m_issues) {
            if (variables.value("id", std::string()) ==
                "gid://gitlab/Issue/" + std::to_string(issue["id"].get<int>()))
                found = {{"iid", std::to_string(issue["iid"].get<int>())},
                         {"reference", issue["references"]["full"]}};
        }
        return FixtureServer::json(
            {{"data", {{"currentUser", {{"username", myUsername}}}, {"issue", found}}}});
    }
    if (query.find("issueSetAssignees") == std::string::npos)
        return FixtureServer::json(
            {{"errors", json::array({{{"message", "Unexpected end of document"},
                                      {"locations", json::array()}}})}});
    const std::string mode = variables.value("mode", std::string());
    const json usernames = variables.value("usernames", json::array());
    for (json &issue : m_issues) {
        if (issue["references"]["full"] != variables.value("projectPath", std::string()) + "#" +
                                               variables.value("iid", std::string()))
            continue;
        json &assignees = issue["assignees"];
        for (const json &username : usernames) {
            if (username != myUsername)
                return error("The resource that you are attempting to access does not exist or "
                             "you don't have permission to perform this action",
                             "issueSetAssignees");
            const auto at = std::find_if(assignees.begin(), assignees.end(), [&](const json &u) {
                return u.value("username", std::string()) == myUsername;
            });
            if (mode == "REMOVE" && at != assignees.end())
                assignees.erase(at);
            if (mode == "APPEND" && at == assignees.end())
                assignees.push_back(user(5, myUsername, myName));
        }
        issue["assignee"] = assignees.empty() ? json(nullptr) : assignees[0];
        json nodes = json::array();
        for (const json &u : assignees)
            nodes.push_back({{"username", u["username"]}});
        return FixtureServer::json(
            {{"data",
              {{"issueSetAssignees",
                {{"issue", {{"assignees", {{"nodes", nodes}}}}}, {"errors", json::array()}}}}}});
    }
    return error("The resource that you are attempting to access does not exist or you don't "
                 "have permission to perform this action",
                 "issueSetAssignees");
}

HttpServerResponse GitLabFixture::rateLimited(FixtureFault fault) const {
    HttpServerResponse response = HttpServerResponse::text("Retry later\n", 429);
    const QDateTime reset = m_server.resetAt();
    if (fault == FixtureFault::RateLimited) {
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("60")});
        response.headers.append({QByteArrayLiteral("RateLimit-Limit"), QByteArrayLiteral("600")});
        response.headers.append(
            {QByteArrayLiteral("RateLimit-Observed"), QByteArrayLiteral("601")});
        response.headers.append({QByteArrayLiteral("RateLimit-Remaining"), QByteArrayLiteral("0")});
        response.headers.append(
            {QByteArrayLiteral("RateLimit-ResetTime"), reset.toString(Qt::RFC2822Date).toUtf8()});
    }
    response.headers.append(
        {QByteArrayLiteral("RateLimit-Reset"), QByteArray::number(reset.toSecsSinceEpoch())});
    return response;
}
