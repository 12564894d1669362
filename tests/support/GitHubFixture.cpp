// SPDX-License-Identifier: MIT
#include "GitHubFixture.h"

using nlohmann::json;

namespace {

json user(const char *login, int id) {
    return {{"login", login}, {"id", id}, {"type", "User"}, {"site_admin", false}};
}

json labelObjects(std::initializer_list<const char *> names) {
    json labels = json::array();
    int id = 1;
    for (const char *name : names)
        labels.push_back({{"id", id++}, {"name", name}, {"color", "d73a4a"}, {"default", false}});
    return labels;
}

json issue(int number, const char *title, const json &labels, const json &assignees,
           const char *created, bool pullRequest) {
    const std::string html = std::string("https://github.acme.io/acme/infra/") +
                             (pullRequest ? "pull/" : "issues/") + std::to_string(number);
    json j = {
        {"id", 2000 + number},
        {"node_id", "I_kwDOA" + std::to_string(number)},
        {"url", "https://github.acme.io/api/v3/repos/acme/infra/issues/" + std::to_string(number)},
        {"html_url", html},
        {"number", number},
        {"state", "open"},
        {"title", title},
        {"body", "Found on duty."},
        {"user", user("victor", 3)},
        {"labels", labels},
        {"milestone", number == 44 ? json({{"number", 3},
                                           {"title", "Q4 hardening"},
                                           {"state", "open"},
                                           {"due_on", "2026-12-01T08:00:00Z"}})
                                   : json(nullptr)},
        {"assignee", assignees.empty() ? json(nullptr) : assignees[0]},
        {"assignees", assignees},
        {"comments", 0},
        {"created_at", created},
        {"updated_at", created},
        {"closed_at", nullptr},
        {"author_association", "MEMBER"}};
    if (pullRequest) {
        j["pull_request"] = {{"url", "https://github.acme.io/api/v3/repos/acme/infra/pulls/" +
                                         std::to_string(number)},
                             {"html_url", html},
                             {"merged_at", nullptr}};
    }
    return j;
}

} // namespace

GitHubFixture::GitHubFixture()
    : m_issues(issues())
    , m_login(QStringLiteral("octocat"))
    , m_server([this](const HttpServerRequest &request, FixtureFault fault) {
        return answer(request, fault);
    }) {}

json GitHubFixture::issues() {
    const json ana = json::array({user("ana", 7)});
    return json::array({
        issue(46, "Bump openssl", labelObjects({"dependencies"}), json::array(),
              "2026-11-30T10:00:00Z", true),
        issue(45, "Fix flaky test", labelObjects({"bug"}), ana, "2026-11-30T09:00:00Z", true),
        issue(44, "Terraform drift in prod VPC", labelObjects({"bug", "P1"}), ana,
              "2026-11-29T22:10:05Z", false),
        issue(43, "CI runners out of disk", labelObjects({"bug", "priority: high"}),
              json::array({user("ana", 7), user("zoe", 8)}), "2026-11-29T12:00:00Z", false),
        issue(42, "Alert routing skips team B", labelObjects({"bug"}), json::array(),
              "2026-11-28T12:00:00Z", false),
        issue(41, "Old runbook for DNS", labelObjects({"bug", "severity/odd"}), json::array(),
              "2026-11-27T12:00:00Z", false),
    });
}

void GitHubFixture::setTokenUser(const QString &login) {
    QMutexLocker lock(&m_mutex);
    m_login = login;
}

QStringList GitHubFixture::assignable() {
    return {QStringLiteral("octocat"), QStringLiteral("ana"), QStringLiteral("zoe"),
            QStringLiteral("victor")};
}

HttpServerResponse GitHubFixture::answer(const HttpServerRequest &request, FixtureFault fault) {
    if (fault == FixtureFault::RateLimited || fault == FixtureFault::RateLimitedAlternate)
        return rateLimited(fault);
    if (fault == FixtureFault::Unauthorized)
        return FixtureServer::json({{"message", "Bad credentials"},
                                    {"documentation_url", "https://docs.github.com/rest"},
                                    {"status", "401"}},
                                   401);
    if (request.method == "GET" && (request.path == "/api/v3/repos/acme/infra/issues" ||
                                    request.path == "/api/v3/repositories/123/issues"))
        return list(request);
    if (request.method == "POST" && request.path == "/api/v3/repos/acme/infra/issues")
        return create(request);
    if (request.method == "GET" && request.path == "/api/v3/user")
        return tokenUser();
    if ((request.method == "POST" || request.method == "DELETE") &&
        request.path.startsWith("/api/v3/repos/acme/infra/issues/") &&
        request.path.endsWith("/assignees"))
        return assignees(request);
    return FixtureServer::json(
        {{"message", "Not Found"}, {"documentation_url", "https://docs.github.com/rest"}}, 404);
}

HttpServerResponse GitHubFixture::list(const HttpServerRequest &request) const {
    const QUrlQuery query = FixtureServer::queryOf(request);
    const int page = qMax(1, query.queryItemValue(QStringLiteral("page")).toInt());
    constexpr int perPage = 2;
    json all;
    {
        QMutexLocker lock(&m_mutex);
        all = m_issues;
    }
    const int totalPages = int(all.size() + perPage - 1) / perPage;
    HttpServerResponse response =
        FixtureServer::json(FixtureServer::slice(all, (page - 1) * perPage, perPage));
    // GitHub links to the repository by id, keeping the query.
    const auto linkTo = [&](int target) {
        QUrlQuery q = query;
        q.removeAllQueryItems(QStringLiteral("page"));
        q.addQueryItem(QStringLiteral("page"), QString::number(target));
        return "<" + baseUrl() + "/repositories/123/issues?" +
               q.toString(QUrl::FullyEncoded).toUtf8() + ">";
    };
    QByteArrayList links;
    if (page > 1) {
        links.append(linkTo(page - 1) + "; rel=\"prev\"");
        links.append(linkTo(1) + "; rel=\"first\"");
    }
    if (page < totalPages) {
        links.append(linkTo(page + 1) + "; rel=\"next\"");
        links.append(linkTo(totalPages) + "; rel=\"last\"");
    }
    if (totalPages > 1)
        response.headers.append({QByteArrayLiteral("Link"), links.join(", ")});
    response.headers.append({QByteArrayLiteral("x-ratelimit-limit"), QByteArrayLiteral("5000")});
    response.headers.append(
        {QByteArrayLiteral("x-ratelimit-remaining"), QByteArrayLiteral("4999")});
    response.headers.append({QByteArrayLiteral("x-ratelimit-reset"),
                             QByteArray::number(m_server.resetAt().toSecsSinceEpoch())});
    return response;
}

HttpServerResponse GitHubFixture::create(const HttpServerRequest &request) const {
    const json body = json::parse(request.body.toStdString(), nullptr, false);
    if (!body.is_object() || !body.contains("title") || !body["title"].is_string() ||
        body["title"].get<std::string>().empty()) {
        return FixtureServer::json(
            {{"message", "Validation Failed"},
             {"errors",
              json::array(
                  {{{"resource", "Issue"}, {"code", "missing_field"}, {"field", "title"}}})},
             {"documentation_url", "https://docs.github.com/rest/issues/issues#create-an-issue"},
             {"status", "422"}},
            422);
    }
    json created =
        issue(createdNumber, "", json::array(), json::array(), "2026-12-01T08:00:00Z", false);
    created["title"] = body["title"];
    created["body"] = body.value("body", "");
    return FixtureServer::json(created, 201);
}

HttpServerResponse GitHubFixture::tokenUser() const {
    QMutexLocker lock(&m_mutex);
    const std::string login = m_login.toStdString();
    return FixtureServer::json({{"login", login},
                                {"id", 1},
                                {"node_id", "MDQ6VXNlcjE="},
                                {"avatar_url", "https://github.com/images/error/octocat_happy.gif"},
                                {"gravatar_id", ""},
                                {"url", "https://api.github.com/users/" + login},
                                {"html_url", "https://github.com/" + login},
                                {"type", "User"},
                                {"site_admin", false},
                                {"name", "monalisa octocat"},
                                {"company", "GitHub"},
                                {"blog", "https://github.com/blog"},
                                {"location", "San Francisco"},
                                {"email", "octocat@github.com"},
                                {"hireable", false},
                                {"bio", "There once was..."},
                                {"public_repos", 2},
                                {"followers", 20},
                                {"following", 0},
                                {"created_at", "2008-01-14T04:33:35Z"},
                                {"updated_at", "2008-01-14T04:33:35Z"}});
}

HttpServerResponse GitHubFixture::assignees(const HttpServerRequest &request) {
    const QByteArray prefix = "/api/v3/repos/acme/infra/issues/";
    const int number =
        request.path.mid(prefix.size(), request.path.size() - prefix.size() - 10).toInt();
    const json body = json::parse(request.body.toStdString(), nullptr, false);
    const json logins = body.is_object() ? body.value("assignees", json()) : json();
    if (!logins.is_array())
        return FixtureServer::json(
            {{"message", "Invalid request.\n\nFor 'links/0/schema', nil is not an array."},
             {"documentation_url",
              "https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue"},
             {"status", "422"}},
            422);
    QMutexLocker lock(&m_mutex);
    for (json &issue : m_issues) {
        if (issue["number"] != number)
            continue;
        json &now = issue["assignees"];
        for (const json &login : logins) {
            const auto at = std::find_if(now.begin(), now.end(),
                                         [&](const json &user) { return user["login"] == login; });
            if (request.method == "DELETE" && at != now.end())
                now.erase(at);
            const bool may =
                login.is_string() &&
                assignable().contains(QString::fromStdString(login.get<std::string>()));
            if (request.method == "POST" && at == now.end() && may)
                now.push_back(user(login.get<std::string>().c_str(), 1));
        }
        issue["assignee"] = now.empty() ? json(nullptr) : now[0];
        return FixtureServer::json(issue, request.method == "POST" ? 201 : 200);
    }
    return FixtureServer::json(
        {{"message", "Not Found"}, {"documentation_url", "https://docs.github.com/rest"}}, 404);
}

HttpServerResponse GitHubFixture::rateLimited(FixtureFault fault) const {
    const QByteArray reset = QByteArray::number(m_server.resetAt().toSecsSinceEpoch());
    if (fault == FixtureFault::RateLimited) {
        // The primary limit: 403, nothing remaining, reset as epoch seconds.
        HttpServerResponse response = FixtureServer::json(
            {{"message", "API rate limit exceeded for user ID 7."},
             {"documentation_url",
              "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}},
            403);
        response.headers.append(
            {QByteArrayLiteral("x-ratelimit-limit"), QByteArrayLiteral("5000")});
        response.headers.append(
            {QByteArrayLiteral("x-ratelimit-remaining"), QByteArrayLiteral("0")});
        response.headers.append({QByteArrayLiteral("x-ratelimit-used"), QByteArrayLiteral("5000")});
        response.headers.append({QByteArrayLiteral("x-ratelimit-reset"), reset});
        response.headers.append(
            {QByteArrayLiteral("x-ratelimit-resource"), QByteArrayLiteral("core")});
        return response;
    }
    // The secondary limit: 403 with Retry-After while the primary budget is not spent.
    HttpServerResponse response = FixtureServer::json(
        {{"message", "You have exceeded a secondary rate limit. Please wait a few minutes before "
                     "you try again."},
         {"documentation_url",
          "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}},
        403);
    response.headers.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("30")});
    response.headers.append(
        {QByteArrayLiteral("x-ratelimit-remaining"), QByteArrayLiteral("4990")});
    response.headers.append({QByteArrayLiteral("x-ratelimit-reset"), reset});
    return response;
}
