// SPDX-License-Identifier: MIT
// The Jira connector: mapping and pagination table-driven on canned answers, then end to end
// through HttpClient, SourceFetcher and Poller against JiraFixture (Cloud and Data Center),
// failures as a person reads them, rate limits, and the create-bug write as Jira receives it.
#include "ItemMatch.h"
#include "JiraFixture.h"
#include "SourceProbe.h"
#include "TestEnvironment.h"
#include "TestSource.h"

#include <QtTest>

using nlohmann::json;

class TestJira final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void configErrors_data();
    void configErrors();
    void cloudWalksEveryPage();
    void pageCapStopsTheWalk();
    void dataCenterWalksByStartAt();
    void failures_data();
    void failures();
    void createBugCloud();
    void createBugDataCenter();
    void createBugRefused();
    void writesNeedAProject();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_JIRA_TOKEN";
const QByteArray token = QByteArrayLiteral("jira-api-token-5e1f");

json baseSource() {
    return {{"name", "bugs"},    {"type", "jira"},         {"panel", "bugs"},
            {"flavor", "cloud"}, {"jql", "project = SRE"}, {"url", "http://127.0.0.1:9/jira"}};
}

// Fixture issue `n` (301..307) with `fields` merged into its fields.
json issue(int n, const json &fields = json::object()) {
    json found = JiraFixture::issues()[std::size_t(n - 301)];
    found["fields"].merge_patch(fields);
    return found;
}

HttpResult ok(const json &body) {
    HttpResult result;
    result.status = 200;
    result.body = QByteArray::fromStdString(body.dump());
    return result;
}

HttpResult status(int code, const QByteArray &body) {
    HttpResult result;
    result.error = HttpError::HttpStatus;
    result.status = code;
    result.body = body;
    return result;
}

const std::string searchQuery =
    "?jql=project%20%3D%20SRE&fields=summary,status,assignee,created,updated,priority,labels"
    "&maxResults=100";
const std::string cloudSearch = "http://127.0.0.1:9/jira/rest/api/3/search/jql" + searchQuery;
const std::string dcSearch = "http://127.0.0.1:9/jira/rest/api/2/search" + searchQuery;

void row(const char *name, const json &patch, const json &body, const json &expected) {
    QTest::newRow(name) << QByteArray::fromStdString(patch.dump())
                        << QByteArray::fromStdString(body.dump())
                        << QByteArray::fromStdString(expected.dump());
}

json sev(const char *name, const char *label) {
    return {{"severity", name}, {"severity_label", label}};
}

json probeSource(const QByteArray &url, const char *flavor) {
    json source = {
        {"name", "jira-bugs"}, {"type", "jira"},
        {"panel", "bugs"},     {"url", url.toStdString()},
        {"flavor", flavor},    {"jql", "project = SRE AND type = Bug AND statusCategory != Done"}};
    if (QByteArray(flavor) == "cloud")
        source["auth"] = {{"type", "basic"}, {"user", "me@acme.io"}, {"password_env", tokenEnv}};
    else
        source["auth"] = {{"token_env", tokenEnv}}; // "vendor": a bearer PAT on Data Center
    return source;
}

QByteArray sourceText(const json &source) {
    return QByteArray::fromStdString(source.dump());
}

} // namespace

void TestJira::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, token);
}

void TestJira::parse_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    const json first = {{"kind", "bugs"},
                        {"source", "bugs"},
                        {"id", "SRE-301"},
                        {"title", "Checkout latency above SLO"},
                        {"state", "In Progress"},
                        {"people", {"Ana Lima"}},
                        {"severity", "critical"},
                        {"severity_raw", "Highest"},
                        {"created", "2026-11-30T08:40:12.123Z"}, // +0100 taken off
                        {"url", "http://127.0.0.1:9/jira/browse/SRE-301"}};
    row("cloud page with a token", {},
        {{"issues", {issue(301), issue(302)}}, {"nextPageToken", "tok/2+="}, {"isLast", false}},
        {{"items", {first, {{"id", "SRE-302"}, {"people", json::array()}, {"severity", "high"}}}},
         {"next", cloudSearch + "&nextPageToken=tok%2F2%2B%3D"}});
    row("cloud short page still has more", {}, {{"issues", {issue(304)}}, {"nextPageToken", "t3"}},
        {{"items", {{{"id", "SRE-304"}, {"severity", "info"}}}},
         {"next", cloudSearch + "&nextPageToken=t3"}});
    row("cloud last page omits the token", {}, {{"issues", {issue(305)}}, {"isLast", true}},
        {{"items", {{{"id", "SRE-305"}}}}, {"next", nullptr}});
    row("cloud isLast wins over a token", {},
        {{"issues", {issue(305)}}, {"nextPageToken", "t4"}, {"isLast", true}},
        {{"items", {{{"id", "SRE-305"}}}}, {"next", nullptr}});
    row("cloud empty page", {}, {{"issues", json::array()}, {"isLast", true}},
        {{"items", json::array()}, {"next", nullptr}});
    row("requests panel via JQL", {{"panel", "requests"}}, {{"issues", {issue(303)}}},
        {{"items",
          {{{"kind", "requests"},
            {"people", {"Victor Hugo"}},
            {"created", "2026-11-29T12:00:00.000Z"}}}}});
    row("vendor priorities", {},
        {{"issues",
          {issue(301, {{"priority", {{"name", "Blocker"}}}}),
           issue(302, {{"priority", {{"name", "Critical"}}}}),
           issue(303, {{"priority", {{"name", "Major"}}}}),
           issue(304, {{"priority", {{"name", "Minor"}}}}),
           issue(305, {{"priority", {{"name", "Trivial"}}}}),
           issue(306, {{"priority", {{"name", "Lowest"}}}}),
           issue(307, {{"priority", {{"name", "Medium"}}}})}}},
        {{"items",
          {sev("critical", "SEV-1"), sev("high", "SEV-2"), sev("warning", "SEV-3"),
           sev("info", "SEV-4"), sev("info", "SEV-4"), sev("info", "SEV-4"),
           sev("warning", "SEV-3")}}});
    row("no priority, unknown priority kept visible, common words", {},
        {{"issues", {issue(306), issue(307), issue(301, {{"priority", {{"name", "P2"}}}})}}},
        {{"items",
          {sev("unknown", "unknown"), sev("unknown", "unknown (Sev Z)"), sev("high", "SEV-2")}}});
    row("severity_map overrides the vendor map",
        {{"severity_map", {{"Sev Z", "warning"}, {"high", "critical"}}}},
        {{"issues", {issue(307), issue(302)}}},
        {{"items",
          {{{"severity", "warning"}, {"severity_raw", "Sev Z"}}, sev("critical", "SEV-1")}}});
    row("datacenter page", {{"flavor", "datacenter"}},
        {{"startAt", 0},
         {"maxResults", 3},
         {"total", 7},
         {"issues", {issue(301), issue(302), issue(303)}}},
        {{"items", {{{"id", "SRE-301"}}, {{"id", "SRE-302"}}, {{"id", "SRE-303"}}}},
         {"next", dcSearch + "&startAt=3"}});
    row("datacenter server caps the page", {{"flavor", "datacenter"}},
        {{"startAt", 4}, {"maxResults", 2}, {"total", 7}, {"issues", {issue(305), issue(306)}}},
        {{"items", {{{"id", "SRE-305"}}, {{"id", "SRE-306"}}}}, {"next", dcSearch + "&startAt=6"}});
    row("datacenter last page", {{"flavor", "datacenter"}},
        {{"startAt", 6}, {"maxResults", 3}, {"total", 7}, {"issues", {issue(307)}}},
        {{"items", {{{"id", "SRE-307"}}}}, {"next", nullptr}});
    row("datacenter without total", {{"flavor", "datacenter"}},
        {{"startAt", 0}, {"issues", {issue(301)}}},
        {{"error", "JSON of the wrong shape at /total: expected an integer"}});
    row("no issues array", {}, {{"values", json::array()}},
        {{"error", "JSON of the wrong shape at /issues: expected an array of items"}});
    row("key missing", {},
        {{"issues", {issue(301), json{{"id", "1"}, {"fields", issue(302)["fields"]}}}}},
        {{"error", "JSON of the wrong shape at /issues/1/key: expected a string"}});
    row("key empty", {}, {{"issues", {json{{"key", ""}, {"fields", issue(302)["fields"]}}}}},
        {{"error", "JSON of the wrong shape at /issues/0/key: expected a non-empty string"}});
    row("key a number", {}, {{"issues", {json{{"key", 7}, {"fields", issue(302)["fields"]}}}}},
        {{"error", "JSON of the wrong shape at /issues/0/key: expected a string"}});
    row("fields missing", {}, {{"issues", {json{{"key", "SRE-1"}}}}},
        {{"error", "JSON of the wrong shape at /issues/0/fields: expected an object"}});
    row("summary null", {}, {{"issues", {issue(301, {{"summary", nullptr}})}}},
        {{"error", "JSON of the wrong shape at /issues/0/fields/summary: expected a string"}});
    row("status a string", {}, {{"issues", {issue(301, {{"status", "Open"}})}}},
        {{"error", "JSON of the wrong shape at /issues/0/fields/status: expected an object"}});
    row("created not a time", {}, {{"issues", {issue(301, {{"created", "yesterday"}})}}},
        {{"error",
          "JSON of the wrong shape at /issues/0/fields/created: expected an ISO 8601 time"}});
    row("token a number", {}, {{"issues", {issue(301)}}, {"nextPageToken", 2}},
        {{"error", "JSON of the wrong shape at /nextPageToken: expected a string"}});
}

void TestJira::parse() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const auto connector = makeTestConnector(withPatch(baseSource(), json::parse(patch)));
    const QString problems =
        matchPage(connector->parsePage(ok(json::parse(body))), json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestJira::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char *name, const json &patch, const char *expected) {
        QTest::newRow(name) << QByteArray::fromStdString(patch.dump())
                            << QString::fromUtf8(expected);
    };
    add("fine", json::object(), "");
    add("no jql", {{"jql", nullptr}}, "at /sources/0/jql: expected a JQL string");
    add("empty jql", {{"jql", ""}}, "at /sources/0/jql: expected a JQL string");
    add("jql not a string", {{"jql", json::array({"a"})}},
        "at /sources/0/jql: expected a JQL string");
    add("unknown flavor", {{"flavor", "onprem"}},
        "at /sources/0/flavor: expected \"cloud\" or \"datacenter\"");
    add("severity word", {{"severity_map", {{"P1", "urgent"}}}},
        "at /sources/0/severity_map/P1: expected one of critical, high, warning, info");
    add("severity_map array", {{"severity_map", json::array()}},
        "at /sources/0/severity_map: expected an object such as {\"P1\": \"critical\"}");
    add("project number", {{"project", 12}},
        "at /sources/0/project: expected a project key such as \"SRE\"");
    add("labels string", {{"labels", "bug"}},
        "at /sources/0/labels: expected an array of label strings");
}

void TestJira::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    QCOMPARE(configErrorOf(withPatch(baseSource(), json::parse(patch))), expected);
}

void TestJira::cloudWalksEveryPage() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    SourceProbe probe(sourceText(probeSource(fixture.baseUrl(), "cloud")));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QVERIFY2(probe.health().error.isEmpty(), qPrintable(probe.health().error));
    QCOMPARE(int(probe.items().size()), JiraFixture::issueCount);

    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 3); // 3 + 1 (short, yet more) + 3
    const QByteArray basic = "Basic " + QByteArray("me@acme.io:" + token).toBase64();
    const QByteArrayList tokens = {"", "&nextPageToken=CAEaAggD", "&nextPageToken=CAEaAggE"};
    for (int i = 0; i < requests.size(); ++i) {
        const HttpServerRequest &r = requests[i];
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/jira/rest/api/3/search/jql"));
        QCOMPARE(r.query,
                 "jql=project%20%3D%20SRE%20AND%20type%20%3D%20Bug%20AND%20statusCategory%20%21%3D%"
                 "20Done"
                 "&fields=summary,status,assignee,created,updated,priority,labels&maxResults=100" +
                     tokens[i]);
        QCOMPARE(r.header("authorization"), basic);
        QCOMPARE(r.header("accept"), QByteArray("application/json"));
    }
}

void TestJira::pageCapStopsTheWalk() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    json source = probeSource(fixture.baseUrl(), "cloud");
    source["max_pages"] = 2;
    SourceProbe probe(sourceText(source));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(fixture.server().requests().size(), 2);
    QCOMPARE(int(probe.items().size()), 4);
    QCOMPARE(probe.health().state, HealthState::Ok);
    QCOMPARE(probe.health().error, QStringLiteral("showing the first 2 pages only"));
}

void TestJira::dataCenterWalksByStartAt() {
    JiraFixture fixture(JiraFixture::Flavor::DataCenter);
    QVERIFY(fixture.start());
    SourceProbe probe(sourceText(probeSource(fixture.baseUrl(), "datacenter")));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QCOMPARE(int(probe.items().size()), JiraFixture::issueCount);
    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 3);
    for (int i = 0; i < requests.size(); ++i) {
        QCOMPARE(requests[i].path, QByteArray("/jira/rest/api/2/search"));
        QVERIFY(requests[i].query.endsWith("&maxResults=100&startAt=" + QByteArray::number(i * 3)));
        QCOMPARE(requests[i].header("authorization"), "Bearer " + token);
    }
    // Ana's Blocker on Server's scheme is critical; the unknown word stays visible.
    const Items &items = probe.items();
    const auto find = [&items](const char *id) {
        return std::find_if(items.begin(), items.end(),
                            [id](const Item &i) { return i.id == QLatin1String(id); });
    };
    QCOMPARE(find("SRE-305")->severity.level, SeverityLevel::Critical);
    QCOMPARE(find("SRE-307")->severity.label(), QStringLiteral("unknown (Sev Z)"));
    QCOMPARE(find("SRE-301")->url, QString::fromUtf8(fixture.baseUrl() + "/browse/SRE-301"));
}

void TestJira::failures_data() {
    QTest::addColumn<int>("fixtureFlavor");
    QTest::addColumn<QByteArray>("flavor");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("error");   // exact, or a prefix ending in "…"
    QTest::addColumn<int>("retryAfterS"); // -1: not rate limited; 0: the announced reset time
    const int cloud = int(JiraFixture::Flavor::Cloud);
    const int dc = int(JiraFixture::Flavor::DataCenter);
    QTest::newRow("401") << cloud << QByteArray("cloud") << int(FixtureFault::Unauthorized)
                         << QStringLiteral("token refused (HTTP 401)") << -1;
    QTest::newRow("html login page") << cloud << QByteArray("cloud") << int(FixtureFault::HtmlLogin)
                                     << QStringLiteral("not JSON (got an HTML page: login?)") << -1;
    QTest::newRow("malformed json")
        << dc << QByteArray("datacenter") << int(FixtureFault::Malformed)
        << QStringLiteral("not JSON (parse error at byte …") << -1;
    QTest::newRow("old search on cloud")
        << cloud << QByteArray("datacenter") << int(FixtureFault::None)
        << QStringLiteral("Jira Cloud retired this search API (HTTP 410): use "
                          "\"flavor\": \"cloud\" (/rest/api/3/search/jql)")
        << -1;
    QTest::newRow("cloud flavor on data center")
        << dc << QByteArray("cloud") << int(FixtureFault::None)
        << QStringLiteral("not found (HTTP 404): check the URL (Jira Server / Data Center: use "
                          "\"flavor\": \"datacenter\")")
        << -1;
    QTest::newRow("429 retry-after")
        << cloud << QByteArray("cloud") << int(FixtureFault::RateLimited)
        << QStringLiteral("rate-limited until …") << 120;
    QTest::newRow("429 reset only (ISO 8601)")
        << cloud << QByteArray("cloud") << int(FixtureFault::RateLimitedAlternate)
        << QStringLiteral("rate-limited until …") << 0;
}

void TestJira::failures() {
    QFETCH(int, fixtureFlavor);
    QFETCH(QByteArray, flavor);
    QFETCH(int, fault);
    QFETCH(QString, error);
    QFETCH(int, retryAfterS);
    JiraFixture fixture{JiraFixture::Flavor(fixtureFlavor)};
    QVERIFY(fixture.start());
    fixture.server().setFault(FixtureFault(fault));
    SourceProbe probe(sourceText(probeSource(fixture.baseUrl(), flavor.constData())));
    QVERIFY(probe.fetchOnce());
    const QString problems =
        healthMismatch(probe.health(), error, retryAfterS, fixture.server().resetAt());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestJira::createBugCloud() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    json source = withPatch(
        baseSource(),
        {{"url", fixture.baseUrl().toStdString()},
         {"project", "SRE"},
         {"labels", {"from-dutyboard"}},
         {"auth", {{"type", "basic"}, {"user", "me@acme.io"}, {"secret", token.toStdString()}}}});
    const auto connector = makeTestConnector(source);
    WriteAction action = sampleBugAction();
    action.description.replace(QLatin1Char('\n'), QStringLiteral("\r\n")); // CRLF lines too
    QVERIFY(connector->supportsWrite(WriteKind::CreateBug));
    const WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("SRE-312"));
    QCOMPARE(outcome.createdUrl, QString::fromUtf8(fixture.baseUrl() + "/browse/SRE-312"));

    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 1);
    const HttpServerRequest &r = requests[0];
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/jira/rest/api/3/issue"));
    QCOMPARE(r.header("authorization"), "Basic " + QByteArray("me@acme.io:" + token).toBase64());
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const json expected = json::parse(R"({"fields":{
        "project":{"key":"SRE"},"issuetype":{"name":"Bug"},
        "summary":"Checkout 500s after deploy",
        "description":{"type":"doc","version":1,"content":[
            {"type":"paragraph","content":[{"type":"text","text":"Seen at 09:40 by the on-call."}]},
            {"type":"paragraph","content":[]},
            {"type":"paragraph","content":[{"type":"text","text":"Rollback pending."}]}]},
        "labels":["needs-triage","bug","from-dutyboard"]}})");
    QCOMPARE(json::parse(r.body.toStdString()), expected);
}

void TestJira::createBugDataCenter() {
    JiraFixture fixture(JiraFixture::Flavor::DataCenter);
    QVERIFY(fixture.start());
    json source =
        withPatch(baseSource(), {{"url", fixture.baseUrl().toStdString()},
                                 {"flavor", "datacenter"},
                                 {"project", "OPS"},
                                 {"issue_type", "Defect"},
                                 {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}});
    const auto connector = makeTestConnector(source);
    WriteAction action = sampleBugAction();
    action.labels.clear();
    action.title = QString(300, QLatin1Char('x'));
    const WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("SRE-312"));

    const HttpServerRequest r = fixture.server().requests().value(0);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/jira/rest/api/2/issue"));
    QCOMPARE(r.header("authorization"), "Bearer " + token);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const json body = json::parse(r.body.toStdString());
    const json expected = {
        {"fields",
         {{"project", {{"key", "OPS"}}},
          {"issuetype", {{"name", "Defect"}}},
          {"summary", std::string(254, 'x') + "\u2026"},
          {"description", "Seen at 09:40 by the on-call.\n\nRollback pending."}}}};
    QCOMPARE(body, expected);
}

void TestJira::createBugRefused() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(
        withPatch(baseSource(), {{"url", fixture.baseUrl().toStdString()}, {"project", "SRE"}}));
    WriteAction action = sampleBugAction();
    action.title.clear();
    WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral(
                 "Jira refused it (HTTP 400): summary: You must specify a summary of the issue."));

    fixture.server().setFault(FixtureFault::Unauthorized);
    outcome = sendWrite(*connector, sampleBugAction());
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("token refused (HTTP 401)"));

    fixture.server().setFault(FixtureFault::RateLimited);
    outcome = sendWrite(*connector, sampleBugAction());
    QVERIFY(!outcome.accepted);
    QVERIFY(outcome.retryAt > QDateTime::currentDateTimeUtc().addSecs(100));
}

void TestJira::writesNeedAProject() {
    const auto without = makeTestConnector(baseSource());
    QVERIFY(!without->supportsWrite(WriteKind::CreateBug));
    const auto with = makeTestConnector(withPatch(baseSource(), {{"project", "SRE"}}));
    QVERIFY(with->supportsWrite(WriteKind::CreateBug));
    QVERIFY(!with->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(!with->supportsWrite(WriteKind::Reply));
    // The parse errors of canned answers are the same words the health bar shows.
    QCOMPARE(with->describeFailure(
                 status(400, R"({"errorMessages":["Field 'x' does not exist."],"errors":{}})")),
             QStringLiteral("Jira refused it (HTTP 400): Field 'x' does not exist."));
    QCOMPARE(with->describeFailure(status(403, "{}")), QStringLiteral("token refused (HTTP 403)"));
}

QTEST_GUILESS_MAIN(TestJira)
#include "tst_jira.moc"
