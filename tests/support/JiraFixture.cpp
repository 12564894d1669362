// SPDX-License-Identifier: MIT
#include "JiraFixture.h"

using nlohmann::json;

namespace {

json issue(int number, const char *summary, const char *status, const json &assignee,
           const json &priority, const char *created) {
    const std::string id = std::to_string(10000 + number);
    return {{"expand", "operations,versionedRepresentations,editmeta,changelog,renderedFields"},
            {"id", id},
            {"self", "https://acme.atlassian.net/rest/api/3/issue/" + id},
            {"key", "SRE-" + std::to_string(number)},
            {"fields",
             {{"summary", summary},
              {"status",
               {{"name", status}, {"id", "3"}, {"statusCategory", {{"key", "indeterminate"}}}}},
              {"assignee", assignee},
              {"created", created},
              {"updated", created},
              {"priority", priority},
              {"labels", json::array({"sre"})},
              {"duedate", nullptr}}}};
}

json person(const char *name) {
    return {{"accountId", "5b10ac8d82e05b22cc7d4ef5"}, {"displayName", name}, {"active", true}};
}

json priority(const char *name) {
    return {{"name", name}, {"id", "2"}, {"iconUrl", "https://acme.atlassian.net/images/p.svg"}};
}

json errors(const json &messages, const json &fieldErrors) {
    return {{"errorMessages", messages}, {"errors", fieldErrors}};
}

} // namespace

JiraFixture::JiraFixture(Flavor flavor)
    : m_flavor(flavor)
    , m_issues(issues())
    , m_server([this](const HttpServerRequest &request, FixtureFault fault) {
        return answer(request, fault);
    }) {}

json JiraFixture::offlineSource() {
    return {{"name", "bugs"},    {"type", "jira"},         {"panel", "bugs"},
            {"flavor", "cloud"}, {"jql", "project = SRE"}, {"url", "http://127.0.0.1:9/jira"}};
}

json JiraFixture::issues() {
    json all = json::array({
        issue(301, "Checkout latency above SLO", "In Progress", person("Ana Lima"),
              priority("Highest"), "2026-11-30T09:40:12.123+0100"),
        issue(302, "Nightly backup of db-2 fails", "To Do", nullptr, priority("High"),
              "2026-11-29T18:05:00.000+0000"),
        issue(303, "Flaky canary on eu-west", "To Do", person("Victor Hugo"), priority("Medium"),
              "2026-11-29T07:00:00.000-0500"),
        issue(304, "Log rotation misses /var/log/app", "Waiting", nullptr, priority("Low"),
              "2026-11-28T12:00:00.000+0000"),
        issue(305, "Pager storm on DNS flaps", "In Progress", person("Ana Lima"),
              priority("Blocker"), "2026-11-28T03:14:15.000+0000"),
        issue(306, "Dashboard shows stale disk data", "To Do", nullptr, nullptr,
              "2026-11-27T10:00:00.000+0000"),
        issue(307, "Cert renewal for mail relay", "To Do", nullptr, priority("Sev Z"),
              "2026-11-26T10:00:00.000+0000"),
    });
    // Kanban cards: a due date (a plain date, as Jira sends it) and a team label.
    all[0]["fields"]["duedate"] = "2026-12-04";
    all[3]["fields"]["labels"] = json::array({"sre", "ve"});
    return all;
}

json JiraFixture::issuesNow() const {
    QMutexLocker lock(&m_mutex);
    return m_issues;
}

HttpServerResponse JiraFixture::answer(const HttpServerRequest &request, FixtureFault fault) {
    if (fault == FixtureFault::RateLimited || fault == FixtureFault::RateLimitedAlternate)
        return rateLimited(fault);
    if (fault == FixtureFault::Unauthorized)
        return HttpServerResponse::text("Client must be authenticated to access this resource.",
                                        401);
    const QByteArray &path = request.path;
    if (request.method == "GET" && m_flavor == Flavor::Cloud &&
        path == "/jira/rest/api/3/search/jql")
        return cloudSearch(request);
    if (request.method == "GET" && m_flavor == Flavor::Cloud &&
        (path == "/jira/rest/api/2/search" || path == "/jira/rest/api/3/search")) {
        return FixtureServer::json(
            errors(json::array(
                       {"The requested API has been removed. Please migrate to the "
                        "/rest/api/3/search/jql API. A full migration guideline is "
                        "available at https://developer.atlassian.com/changelog/#CHANGE-2046"}),
                   json::object()),
            410);
    }
    if (request.method == "GET" && m_flavor == Flavor::DataCenter &&
        path == "/jira/rest/api/2/search")
        return dataCenterSearch(request);
    const QByteArray api = m_flavor == Flavor::Cloud ? "/jira/rest/api/3" : "/jira/rest/api/2";
    if (request.method == "POST" && path == api + "/issue")
        return createIssue(request);
    if (request.method == "GET" && path == api + "/myself")
        return myself();
    if (request.method == "PUT" && path.startsWith(api + "/issue/") && path.endsWith("/assignee"))
        return assign(request);
    return FixtureServer::json(errors(json::array({"Not found"}), json::object()), 404);
}

HttpServerResponse JiraFixture::myself() const {
    json user = {{"self", baseUrl().toStdString() + "/rest/api/2/user?username=" + myName},
                 {"key", "JIRAUSER10100"},
                 {"name", myName},
                 {"emailAddress", "mia@example.com"},
                 {"displayName", myDisplayName},
                 {"active", true},
                 {"timeZone", "Australia/Sydney"}};
    if (m_flavor == Flavor::Cloud) { // Cloud hides the name and key (GDPR): accountId only
        user = {{"self", baseUrl().toStdString() + "/rest/api/3/user?accountId=" + myAccountId},
                {"key", ""},
                {"accountId", myAccountId},
                {"name", ""},
                {"emailAddress", "mia@example.com"},
                {"displayName", myDisplayName},
                {"active", true},
                {"timeZone", "Australia/Sydney"},
                {"groups", {{"size", 3}, {"items", json::array()}}},
                {"applicationRoles", {{"size", 1}, {"items", json::array()}}}};
    }
    return FixtureServer::json(user);
}

HttpServerResponse JiraFixture::assign(const HttpServerRequest &request) {
    const QByteArray prefix =
        m_flavor == Flavor::Cloud ? "/jira/rest/api/3/issue/" : "/jira/rest/api/2/issue/";
    const std::string key =
        QByteArray::fromPercentEncoding(
            request.path.mid(prefix.size(), request.path.size() - prefix.size() - 9))
            .toStdString();
    const json body = json::parse(request.body.toStdString(), nullptr, false);
    const char *userKey = m_flavor == Flavor::Cloud ? "accountId" : "name";
    const std::string me = m_flavor == Flavor::Cloud ? myAccountId : myName;
    if (!body.is_object() || !body.contains(userKey) ||
        !(body[userKey].is_null() || body[userKey] == me))
        return FixtureServer::json(
            errors(json::array(), {{"assignee", "User '" + request.body.toStdString() +
                                                    "' cannot be assigned issues."}}),
            400);
    QMutexLocker lock(&m_mutex);
    for (json &issue : m_issues) {
        if (issue["key"] == key) {
            issue["fields"]["assignee"] =
                body[userKey].is_null()
                    ? json(nullptr)
                    : json({{"accountId", me}, {"displayName", myDisplayName}, {"active", true}});
            return HttpServerResponse::text("", 204);
        }
    }
    return FixtureServer::json(
        errors(json::array({"Issue does not exist or you do not have permission to see it."}),
               json::object()),
        404);
}

HttpServerResponse JiraFixture::cloudSearch(const HttpServerRequest &request) const {
    const QUrlQuery query = FixtureServer::queryOf(request);
    if (query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded).isEmpty())
        return FixtureServer::json(errors(json::array({"JQL query is required."}), json::object()),
                                   400);
    // Opaque tokens; pages of 3, then 1 (short, yet more follow), then the last 3.
    const QString token = query.queryItemValue(QStringLiteral("nextPageToken"));
    const json issues = issuesNow();
    json page;
    if (token.isEmpty())
        page = {{"issues", FixtureServer::slice(issues, 0, 3)}, {"nextPageToken", "CAEaAggD"}};
    else if (token == QLatin1String("CAEaAggD"))
        page = {{"issues", FixtureServer::slice(issues, 3, 1)}, {"nextPageToken", "CAEaAggE"}};
    else if (token == QLatin1String("CAEaAggE"))
        page = {{"issues", FixtureServer::slice(issues, 4, 3)}};
    else
        return FixtureServer::json(errors(json::array({"Invalid nextPageToken."}), json::object()),
                                   400);
    page["isLast"] = !page.contains("nextPageToken");
    return FixtureServer::json(page);
}

HttpServerResponse JiraFixture::dataCenterSearch(const HttpServerRequest &request) const {
    const QUrlQuery query = FixtureServer::queryOf(request);
    if (query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded).isEmpty())
        return FixtureServer::json(
            errors(json::array({"Error in the JQL Query: the query is empty."}), json::object()),
            400);
    const int startAt = query.queryItemValue(QStringLiteral("startAt")).toInt();
    constexpr int pageSize = 3; // the server's cap, whatever maxResults asks
    return FixtureServer::json({{"expand", "schema,names"},
                                {"startAt", startAt},
                                {"maxResults", pageSize},
                                {"total", issueCount},
                                {"issues", FixtureServer::slice(issuesNow(), startAt, pageSize)}});
}

HttpServerResponse JiraFixture::createIssue(const HttpServerRequest &request) const {
    const json body = json::parse(request.body.toStdString(), nullptr, false);
    const json fields = body.is_object() ? body.value("fields", json::object()) : json::object();
    if (!fields.is_object() || !fields.contains("summary") || !fields["summary"].is_string() ||
        fields["summary"].get<std::string>().empty())
        return FixtureServer::json(
            errors(json::array(), {{"summary", "You must specify a summary of the issue."}}), 400);
    if (fields.contains("description")) {
        const json &description = fields["description"];
        const bool adf = description.is_object() && description.value("type", "") == "doc";
        if (m_flavor == Flavor::Cloud && !adf)
            return FixtureServer::json(
                errors(json::array(),
                       {{"description", "Operation value must be an Atlassian Document (see "
                                        "the Atlassian Document Format)"}}),
                400);
        if (m_flavor == Flavor::DataCenter && !description.is_string())
            return FixtureServer::json(
                errors(json::array(), {{"description", "Operation value must be a string"}}), 400);
    }
    const std::string version = m_flavor == Flavor::Cloud ? "3" : "2";
    return FixtureServer::json(
        {{"id", "10312"},
         {"key", createdKey},
         {"self", baseUrl().toStdString() + "/rest/api/" + version + "/issue/10312"}},
        201);
}

HttpServerResponse JiraFixture::rateLimited(FixtureFault fault) const {
    HttpServerResponse response = HttpServerResponse::text("Rate limit exceeded.", 429);
    const QByteArray reset = m_server.resetAt().toString(Qt::ISODate).toUtf8();
    if (fault == FixtureFault::RateLimited) {
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("120")});
        response.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArrayLiteral("100")});
        response.headers.append(
            {QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")});
        response.headers.append(
            {QByteArrayLiteral("X-RateLimit-FillRate"), QByteArrayLiteral("10")});
    }
    response.headers.append({QByteArrayLiteral("X-RateLimit-Reset"), reset});
    return response;
}
