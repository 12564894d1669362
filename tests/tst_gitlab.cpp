// SPDX-License-Identifier: MIT
// The GitLab connector: mapping and pagination table-driven on canned answers, then end to end
// through HttpClient, SourceFetcher and Poller against GitLabFixture, failures as a person
// reads them, rate limits, and the create-issue write as GitLab receives it; "I'm on it" (the
// token's user added to and removed from the assignees, over GraphQL) through the real outbox.
#include "tests/support/Acknowledging.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/GitLabFixture.h"
#include "tests/support/ItemMatch.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

class TestGitLab final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void configErrors_data();
    void configErrors();
    void requestsAndAuth();
    void walksEveryPage();
    void pageCapStopsTheWalk();
    void failures_data();
    void failures();
    void createIssue();
    void createIssueRefused();
    void acknowledgeAndRelease();
    void acknowledgeRefused();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_GITLAB_TOKEN";
const QByteArray token = QByteArrayLiteral("glpat-9QxR2mT7vL4kYw8nB3cD");
const QByteArray fakeBase = QByteArrayLiteral("http://127.0.0.1:9");

json baseSource() {
    return {{"name", "gl"},
            {"type", "gitlab"},
            {"panel", "bugs"},
            {"url", fakeBase.toStdString()},
            {"project", "platform/sre"},
            {"labels", {"bug"}}};
}

// The source as a user writes it, the token from the environment.
const VendorSource vendor(baseSource(), tokenEnv);

// Fixture issue by iid (41..45) with `patch` merged in.
json issue(int iid, const json &patch = nullptr) {
    json found = GitLabFixture::issues(fakeBase)[std::size_t(iid - 41)];
    if (!patch.is_null())
        found.merge_patch(patch);
    return found;
}

HttpResult ok(const json &body, const json &headers) {
    HttpResult result;
    result.status = 200;
    result.body = QByteArray::fromStdString(body.dump());
    if (headers.is_object()) {
        for (const auto &[name, value] : headers.items())
            result.headers.append({QByteArray::fromStdString(name),
                                   QByteArray::fromStdString(value.get<std::string>())});
    }
    return result;
}

const std::string listUrl =
    "http://127.0.0.1:9/api/v4/projects/platform%2Fsre/issues?state=opened&labels=bug&per_page=100";

void row(const char *name, const json &patch, const json &body, const json &headers,
         const json &expected) {
    QTest::newRow(name) << QByteArray::fromStdString(patch.dump())
                        << QByteArray::fromStdString(body.dump())
                        << QByteArray::fromStdString(headers.dump())
                        << QByteArray::fromStdString(expected.dump());
}

json writeSource(const QByteArray &url) {
    return withPatch(baseSource(),
                     {{"url", url.toStdString()},
                      {"labels", {"bug", "sre"}},
                      {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}});
}

Item issueItem(int id) {
    return fixtureItem(ItemKind::Bug, QStringLiteral("gl"), QString::number(id),
                       QStringLiteral("Runbook link 404s"), QDateTime());
}

WriteAction acknowledge(int id) {
    return acknowledgeAction(issueItem(id));
}

QString assigneesOf(const Connector &connector, int id) {
    return ownerAndPeople(connector, QString::number(id));
}

json bodyOf(const HttpServerRequest &request) {
    return json::parse(request.body.toStdString(), nullptr, false);
}

} // namespace

void TestGitLab::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, token);
}

void TestGitLab::parse_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("expected");

    const json first = {{"kind", "bugs"},
                        {"source", "gl"},
                        {"id", "9101"}, // the global id: iid 41 repeats in other projects
                        {"title", "Backups of db-2 fail nightly"},
                        {"state", "opened"},
                        {"people", {"Ana Lima"}},
                        {"owner", "Ana Lima"},
                        {"severity", "high"},
                        {"severity_raw", "2"},
                        {"created", "2026-11-28T08:15:00.000Z"},
                        {"url", "http://127.0.0.1:9/platform/sre/-/issues/41"}};
    row("page with x-next-page", nullptr, json::array({issue(41), issue(42)}),
        {{"x-next-page", "2"}},
        {{"items",
          {first,
           {{"id", "9102"},
            {"people", json::array()},
            {"severity", "critical"},
            {"created", "2026-11-28T08:00:00.000Z"}}}},
         {"next", listUrl + "&page=2"}});
    row("assignee name, else username", nullptr, json::array({issue(43)}), json::object(),
        {{"items", {{{"people", {"Ana Lima", "zoe"}}, {"severity_label", "unknown"}}}},
         {"next", nullptr}});
    row("incident severity field", nullptr, json::array({issue(44)}), json::object(),
        {{"items", {{{"severity", "high"}, {"severity_raw", "HIGH"}}}}});
    row("unknown scoped value stays visible", nullptr, json::array({issue(45)}), json::object(),
        {{"items", {{{"severity", "unknown"}, {"severity_label", "unknown (weird)"}}}}});
    row("severity_map names labels", {{"severity_map", {{"customer-facing", "critical"}}}},
        json::array({issue(41, {{"labels", {"bug", "severity::3", "customer-facing"}}})}),
        json::object(),
        {{"items", {{{"severity", "critical"}, {"severity_raw", "customer-facing"}}}}});
    row("severity before priority", nullptr,
        json::array({issue(41, {{"labels", {"priority::1", "severity::4"}}})}), json::object(),
        {{"items", {{{"severity", "info"}}}}});
    row("labels with details", nullptr,
        json::array({issue(
            41, {{"labels", {{{"id", 1}, {"name", "severity::1"}, {"color", "#d9534f"}}}}})}),
        json::object(), {{"items", {{{"severity", "critical"}}}}});
    row("empty page ends despite x-next-page", nullptr, json::array(), {{"x-next-page", "5"}},
        {{"items", json::array()}, {"next", nullptr}});
    row("no x-next-page: Link next on the same server", nullptr, json::array({issue(41)}),
        {{"x-next-page", ""},
         {"link",
          "<http://127.0.0.1:9/api/v4/projects/42/issues?page=3&per_page=100>; "
          "rel=\"next\", <http://127.0.0.1:9/api/v4/projects/42/issues?page=9>; rel=\"last\""}},
        {{"items", {{{"id", "9101"}}}},
         {"next", "http://127.0.0.1:9/api/v4/projects/42/issues?page=3&per_page=100"}});
    row("Link to another server is not followed", nullptr, json::array({issue(41)}),
        {{"link",
          "<http://gitlab.internal.example/api/v4/projects/42/issues?page=2>; rel=\"next\""}},
        {{"error",
          "next page is on another server (http://gitlab.internal.example): not followed"}});
    row("last page", nullptr, json::array({issue(41)}), {{"x-next-page", ""}}, {{"next", nullptr}});
    row("not an array", nullptr, {{"message", "404 Not found"}}, json::object(),
        {{"error", "JSON of the wrong shape at /: expected an array of items"}});
    // An issue that cannot be read is left out and counted; the others are read.
    row("id missing", nullptr, json::array({issue(41), issue(42, {{"id", nullptr}})}),
        json::object(),
        {{"items", {{{"id", "9101"}}}},
         {"unreadable", "1 item unreadable: /1/id expected a string or an integer"}});
    row("title null", nullptr, json::array({issue(41, {{"title", nullptr}}), issue(42)}),
        json::object(),
        {{"items", {{{"id", "9102"}}}},
         {"unreadable", "1 item unreadable: /0/title expected a string"}});
    row("labels a string", nullptr, json::array({issue(41, {{"labels", "bug"}}), issue(42)}),
        json::object(),
        {{"items", {{{"id", "9102"}}}},
         {"unreadable", "1 item unreadable: /0/labels expected an array"}});
    row("assignee a number", nullptr, json::array({issue(41, {{"assignees", {7}}}), issue(42)}),
        json::object(),
        {{"items", {{{"id", "9102"}}}},
         {"unreadable", "1 item unreadable: /0/assignees/0 expected a string or an object"}});
    row("created_at not a time", nullptr,
        json::array({issue(41, {{"created_at", "soon"}}), issue(42), issue(43, {{"id", true}})}),
        json::object(),
        {{"items", {{{"id", "9102"}}}},
         {"unreadable", "2 items unreadable: /0/created_at expected an ISO 8601 time"}});
}

void TestGitLab::parse() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, expected);
    const auto connector = makeTestConnector(withPatch(baseSource(), json::parse(patch)));
    const QString problems = matchPage(
        connector->parsePage(ok(json::parse(body), json::parse(headers))), json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestGitLab::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const QString project =
        QStringLiteral("at /sources/0/project: expected a project path such as \"platform/sre\" "
                       "or a numeric id");
    const auto add = [](const char *name, const json &patch, const QString &expected) {
        QTest::newRow(name) << QByteArray::fromStdString(patch.dump()) << expected;
    };
    add("fine", nullptr, QString());
    add("numeric id", {{"project", 42}}, QString());
    add("no project", {{"project", nullptr}}, project);
    add("empty project", {{"project", ""}}, project);
    add("leading slash", {{"project", "/platform/sre"}}, project);
    add("negative id", {{"project", -4}}, project);
    add("labels a string", {{"labels", "bug"}},
        QStringLiteral("at /sources/0/labels: expected an array of label names such as [\"bug\"]"));
    add("label with a comma", {{"labels", {"bug", "a,b"}}},
        QStringLiteral("at /sources/0/labels/1: expected a non-empty string without \",\""));
    add("severity_map word", {{"severity_map", {{"S1", "sev1"}}}},
        QStringLiteral(
            "at /sources/0/severity_map/S1: expected one of critical, high, warning, info"));
}

void TestGitLab::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    QCOMPARE(configErrorOf(withPatch(baseSource(), json::parse(patch))), expected);
}

void TestGitLab::requestsAndAuth() {
    // "vendor" (a token without a type): GitLab's own header, no Authorization.
    const auto vendor = makeTestConnector(
        withPatch(baseSource(), {{"project", 42},
                                 {"labels", {"bug", "needs triage"}},
                                 {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}}));
    const HttpRequest first = vendor->firstRequest();
    QCOMPARE(first.url,
             QByteArray("http://127.0.0.1:9/api/v4/projects/42/issues?state=opened&labels="
                        "bug,needs%20triage&per_page=100"));
    QCOMPARE(headerValue(first.headers, "PRIVATE-TOKEN"), token);
    QVERIFY(headerValue(first.headers, "Authorization").isEmpty());
    // A bearer token works on GitLab too.
    const auto bearer = makeTestConnector(
        withPatch(baseSource(),
                  {{"labels", nullptr}, {"auth", {{"type", "bearer"}, {"secret", "oauth-tok"}}}}));
    QCOMPARE(
        bearer->firstRequest().url,
        QByteArray(
            "http://127.0.0.1:9/api/v4/projects/platform%2Fsre/issues?state=opened&per_page=100"));
    QCOMPARE(headerValue(bearer->firstRequest().headers, "Authorization"),
             QByteArray("Bearer oauth-tok"));
    QVERIFY(headerValue(bearer->firstRequest().headers, "PRIVATE-TOKEN").isEmpty());
    QVERIFY(bearer->supportsWrite(WriteKind::CreateBug));
    QVERIFY(!bearer->supportsWrite(WriteKind::CreateIncident));
}

void TestGitLab::walksEveryPage() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QVERIFY2(probe.health().error.isEmpty(), qPrintable(probe.health().error));
    const json expected = json::parse(R"x([
        {"id":"9101","severity":"high"},{"id":"9102","severity":"critical"},
        {"id":"9103","severity":"unknown"},{"id":"9104","severity":"high"},
        {"id":"9105","severity_label":"unknown (weird)"}])x");
    const QString problems = matchItems(probe.items(), expected);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // Pages 1-3, then page 4 (named by the last page's x-next-page) answers [] and ends it;
    // the Link header's other host is never asked.
    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 4);
    const QByteArrayList pages = {"", "&page=2", "&page=3", "&page=4"};
    for (int i = 0; i < requests.size(); ++i) {
        QCOMPARE(requests[i].method, QByteArray("GET"));
        QCOMPARE(requests[i].path, QByteArray("/api/v4/projects/platform%2Fsre/issues"));
        QCOMPARE(requests[i].query, "state=opened&labels=bug&per_page=100" + pages[i]);
        QCOMPARE(requests[i].header("private-token"), token);
        QVERIFY(requests[i].header("authorization").isEmpty());
    }
}

void TestGitLab::pageCapStopsTheWalk() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), {{"max_pages", 2}}));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(fixture.server().requests().size(), 2);
    QCOMPARE(int(probe.items().size()), 4);
    QCOMPARE(probe.health().error, QStringLiteral("showing the first 2 pages only"));
}

void TestGitLab::failures_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("error");   // exact, or a prefix ending in "…"
    QTest::addColumn<int>("retryAfterS"); // -1: not rate limited; 0: the announced reset time
    QTest::newRow("401") << QByteArray("null") << int(FixtureFault::Unauthorized)
                         << QStringLiteral("token refused (HTTP 401)") << -1;
    QTest::newRow("html login page") << QByteArray("null") << int(FixtureFault::HtmlLogin)
                                     << QStringLiteral("not JSON (got an HTML page: login?)") << -1;
    QTest::newRow("malformed json") << QByteArray("null") << int(FixtureFault::Malformed)
                                    << QStringLiteral("not JSON (parse error at byte …") << -1;
    QTest::newRow("unknown project")
        << QByteArray(R"({"project":"platform/nope"})") << int(FixtureFault::None)
        << QStringLiteral(
               "project not found (HTTP 404): check \"project\" and that the token may read it")
        << -1;
    QTest::newRow("429 retry-after") << QByteArray("null") << int(FixtureFault::RateLimited)
                                     << QStringLiteral("rate-limited until …") << 60;
    QTest::newRow("429 RateLimit-Reset only (epoch)")
        << QByteArray("null") << int(FixtureFault::RateLimitedAlternate)
        << QStringLiteral("rate-limited until …") << 0;
}

void TestGitLab::failures() {
    QFETCH(QByteArray, patch);
    QFETCH(int, fault);
    QFETCH(QString, error);
    QFETCH(int, retryAfterS);
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    fixture.server().setFault(FixtureFault(fault));
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), json::parse(patch)));
    QVERIFY(probe.fetchOnce());
    const QString problems =
        healthMismatch(probe.health(), error, retryAfterS, fixture.server().resetAt());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestGitLab::createIssue() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(writeSource(fixture.baseUrl()));
    const WriteAction action = sampleBugAction();
    const WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QString::number(GitLabFixture::createdId));
    QCOMPARE(outcome.createdUrl,
             QStringLiteral("http://gitlab.internal.example/platform/sre/-/issues/46"));

    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 1);
    const HttpServerRequest &r = requests[0];
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/api/v4/projects/platform%2Fsre/issues"));
    QVERIFY(r.query.isEmpty());
    QCOMPARE(r.header("private-token"), token);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const json expected = {{"title", "Checkout 500s after deploy"},
                           {"description", "Seen at 09:40 by the on-call.\n\nRollback pending."},
                           {"labels", "needs triage,bug,sre"}};
    QCOMPARE(json::parse(r.body.toStdString()), expected);
}

void TestGitLab::createIssueRefused() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(writeSource(fixture.baseUrl()));
    WriteAction action = sampleBugAction();
    action.title = QStringLiteral(" \n ");
    WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("GitLab refused it (HTTP 400): title is missing"));

    fixture.server().setFault(FixtureFault::RateLimited);
    outcome = sendWrite(*connector, sampleBugAction());
    QVERIFY(!outcome.accepted);
    QVERIFY(outcome.retryAt > QDateTime::currentDateTimeUtc().addSecs(45));
}

void TestGitLab::acknowledgeAndRelease() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(writeSource(fixture.baseUrl()));
    QVERIFY(connector->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(connector->supportsWrite(WriteKind::Release));
    QCOMPARE(assigneesOf(*connector, 9103), QStringLiteral("Ana Lima: Ana Lima, zoe"));
    fixture.server().clearRequests();

    OutboxEntry row = deliverThroughOutbox(*connector, acknowledge(9103));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    for (const HttpServerRequest &r : requests) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/api/graphql"));
        QCOMPARE(r.header("private-token"), token);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    }
    json first = bodyOf(requests[0]);
    QCOMPARE(first.at("variables"), json({{"id", "gid://gitlab/Issue/9103"}}));
    QVERIFY(first.at("query").get<std::string>().find("currentUser { username }") !=
            std::string::npos);
    json second = bodyOf(requests[1]);
    QCOMPARE(second.at("variables"), json({{"projectPath", "platform/sre"},
                                           {"iid", "43"},
                                           {"usernames", {"chloe"}},
                                           {"mode", "APPEND"}}));
    QVERIFY(second.at("query").get<std::string>().find("issueSetAssignees(input:") !=
            std::string::npos);
    // Added beside the others: the first assignee still owns it as GitLab says.
    QCOMPARE(assigneesOf(*connector, 9103),
             QStringLiteral("Ana Lima: Ana Lima, zoe, Chloe Martin"));

    fixture.server().clearRequests();
    row = deliverThroughOutbox(*connector, releaseAction(issueItem(9103)));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    requests = fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(bodyOf(requests[1]).at("variables").at("mode"), "REMOVE");
    QCOMPARE(assigneesOf(*connector, 9103), QStringLiteral("Ana Lima: Ana Lima, zoe"));

    // On an issue nobody had, the token's user becomes its owner.
    row = deliverThroughOutbox(*connector, acknowledge(9102));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QCOMPARE(assigneesOf(*connector, 9102), QStringLiteral("Chloe Martin: Chloe Martin"));
}

void TestGitLab::acknowledgeRefused() {
    GitLabFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(writeSource(fixture.baseUrl()));
    // An issue the token may not see (or gone): GraphQL's issue is null.
    OutboxEntry row = deliverThroughOutbox(*connector, acknowledge(777));
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError, QStringLiteral("GitLab has no issue 777 that the token may see"));
    QCOMPARE(fixture.server().requests().size(), 1);

    fixture.server().setFault(FixtureFault::Unauthorized);
    row = deliverThroughOutbox(*connector, acknowledge(9102));
    QVERIFY2(row.lastError.startsWith(QLatin1String("token refused (HTTP 401)")),
             qPrintable(row.lastError));
    fixture.server().setFault(FixtureFault::None);

    // GraphQL's refusals come with HTTP 200: said, with GitLab's words.
    WriteAction second = acknowledge(9102);
    second.lookups = {QStringLiteral("zoe"), QStringLiteral("platform/sre"), QStringLiteral("42")};
    row = deliverThroughOutbox(*connector, second);
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError,
             QStringLiteral("GitLab refused it: The resource that you are attempting to access "
                            "does not exist or you don't have permission to perform this action"));
    WriteOutcome outcome = connector->parseWriteResult(
        second, cannedAnswer(R"({"data":{"issueSetAssignees":{"issue":{"assignees":{"nodes":[
            {"username":"ana"}]}},"errors":[]}}})"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("GitLab did not add zoe to the assignees of "
                                           "platform/sre#42: one assignee only (several need "
                                           "GitLab Premium)?"));
    outcome = connector->parseWriteResult(
        second, cannedAnswer(R"({"data":{"issueSetAssignees":{"issue":null,
            "errors":["Assignee limit exceeded"]}}})"));
    QCOMPARE(outcome.error, QStringLiteral("GitLab refused it: Assignee limit exceeded"));

    // Answers of other shapes: said, never a crash.
    const WriteAction first = acknowledge(9102);
    const QList<QPair<QByteArray, QString>> odd = {
        {"<html>login</html>", QStringLiteral("GitLab's GraphQL answer has no \"data\"")},
        {R"({"data":{"currentUser":null,"issue":null}})",
         QStringLiteral("GitLab names no user for this token (currentUser is null)")},
        {R"({"data":{"currentUser":{"username":"chloe"},"issue":{"iid":"42"}}})",
         QStringLiteral("GitLab's issue 9102 has no iid or full reference")},
    };
    for (const auto &[body, error] : odd) {
        outcome = connector->parseWriteResult(first, cannedAnswer(body));
        QVERIFY(!outcome.accepted);
        QVERIFY(!outcome.next);
        QCOMPARE(outcome.error, error);
    }
    outcome = connector->parseWriteResult(second, cannedAnswer(R"({"data":{}})"));
    QCOMPARE(outcome.error, QStringLiteral("GitLab's answer has no assignees"));
}

QTEST_GUILESS_MAIN(TestGitLab)
#include "tst_gitlab.moc"
