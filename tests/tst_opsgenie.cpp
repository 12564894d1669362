// SPDX-License-Identifier: MIT
// The Opsgenie connector: mapping over canned pages in the documented shape
// (tests/data/opsgenie), config checks, then end to end against OpsgenieFixture: paging.next
// links (and refusing one to another host), the page cap, failures, the rate limit, and
// incident/alert creation (202 + requestId; an alert's alias makes a retry harmless).
#include "tests/support/ItemMatch.h"
#include "tests/support/OpsgenieFixture.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestOpsgenie final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void configErrors_data();
    void configErrors();
    void firstRequest_data();
    void firstRequest();
    void planWithoutIncidentApi();
    void pollsIncidents();
    void pollsAlerts();
    void walksEveryPage();
    void pageCapStopsTheWalk();
    void refusesNextPageElsewhere();
    void failures_data();
    void failures();
    void createIncident();
    void createAlertRetriedIsOne();
    void priorityFollowsSeverity_data();
    void priorityFollowsSeverity();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_OG_KEY";

json baseSource() {
    return {{"name", "og"},
            {"type", "opsgenie"},
            {"panel", "incidents"},
            {"url", "https://api.opsgenie.com"},
            {"auth", {{"type", "vendor"}, {"secret", OpsgenieFixture::token}}}};
}

// The source as a test and as a user write it (the token from the environment).
const VendorSource vendor(baseSource(), tokenEnv);

} // namespace

void TestOpsgenie::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, OpsgenieFixture::token);
}

void TestOpsgenie::parse_data() {
    addParseColumns();
    addParseRow("documented incidents", "incidents_page.json",
                R"({"ui_url":"https://acme.app.opsgenie.com/"})", R"j({"items":[
        {"kind":"incidents","source":"og","id":"70413a06-38d6-4c85-92b8-5ebc900d42e2",
         "title":"Payments API down","state":"open","severity":"critical","severity_raw":"P1",
         "created":"2026-11-30T09:20:00.123Z","people":["payments","dana@acme.io"],
         "url":"https://acme.app.opsgenie.com/incident/detail/70413a06-38d6-4c85-92b8-5ebc900d42e2"},
        {"id":"a1b2c3d4-0000-4000-8000-000000000013","title":"Slow search","severity":"warning",
         "people":[]},
        {"id":"a1b2c3d4-0000-4000-8000-000000000014","title":"Opsgenie #1793",
         "severity":"unknown","severity_label":"unknown (P0)"}],
        "next":"https://api.opsgenie.com/v1/incidents?query=status%3Aopen&offset=100&limit=100&sort=createdAt&order=desc"})j");
    addParseRow("no ui_url, no link", "incidents_page.json", "null",
                R"j({"items":[{"url":""},{"url":""},{"url":""}]})j");
    addParseRow("severity_map", "incidents_page.json",
                R"({"severity_map":{"P0":"critical","P3":"info"}})",
                R"j({"items":[{"severity":"critical"},{"severity":"info"},
        {"severity":"critical","severity_raw":"P0"}]})j");
    addParseRow("alerts", "alerts_page.json",
                R"({"kind":"alerts","ui_url":"https://acme.app.opsgenie.com"})",
                R"j({"next":null,"items":[
        {"id":"8418d193-2dab-4490-b331-8c02cdd196b7","title":"CPU high on web-3",
         "state":"acknowledged","severity":"high","people":["alice@acme.io"],
         "url":"https://acme.app.opsgenie.com/alert/detail/8418d193-2dab-4490-b331-8c02cdd196b7/details"},
        {"state":"snoozed","severity":"info","people":[]},
        {"state":"open","severity":"info","severity_raw":"P5"}]})j");
    addParseRow(
        "next page elsewhere", "next_other_host.json", "null",
        R"j({"error":"next page is on another server (https://api.example.net): not followed"})j");
    addParseRow("next not a string", "next_not_string.json", "null",
                R"j({"error":"JSON of the wrong shape at /paging/next: expected a string"})j");
    addParseRow("no data", "no_data.json", "null",
                R"j({"error":"JSON of the wrong shape at /data: expected an array of items"})j");
    addParseRow("entry without id: left out, the other read", "missing_id.json", "null",
                R"j({"items":[{"id":"x1","title":"one"}],
        "unreadable":"1 item unreadable: /data/1/id expected a string or an integer"})j");
    addParseRow("login page", "login.html", "null",
                R"j({"error":"not JSON (got an HTML page: login?)"})j");
    addParseRow("truncated JSON", "truncated.json", "null",
                R"j({"error_prefix":"not JSON (parse error"})j");
}

void TestOpsgenie::parse() {
    QFETCH(QString, file);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto connector = makeTestConnector(withPatch(baseSource(), json::parse(patch)));
    const QString problems = matchPage(
        parseTestData(*connector, QStringLiteral("opsgenie/") + file), json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestOpsgenie::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char *name, const char *patch, const char *expected) {
        QTest::newRow(name) << QByteArray(patch) << QString::fromUtf8(expected);
    };
    add("fine", R"({"kind":"alerts","query":"status:open AND teams:sre","tags":["sre"]})", "");
    add("kind", R"({"kind":"events"})", "at /sources/0/kind: expected \"incidents\" or \"alerts\"");
    add("ui_url", R"({"ui_url":"acme.app.opsgenie.com"})",
        "at /sources/0/ui_url: expected the Opsgenie web address, such as "
        "\"https://acme.app.opsgenie.com\"");
    add("tags", R"({"tags":["sre",1]})", "at /sources/0/tags/1: expected a non-empty string");
    add("query", R"({"query":{"status":"open"}})",
        "at /sources/0/query: expected an Opsgenie search query");
    add("severity", R"({"severity_map":{"P1":"page"}})",
        "at /sources/0/severity_map/P1: expected one of critical, high, warning, info");
}

void TestOpsgenie::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    const json source = withPatch(withPatch(baseSource(), {{"auth", {{"token_env", tokenEnv}}}}),
                                  json::parse(patch));
    QCOMPARE(configErrorOf(source), expected);
}

void TestOpsgenie::firstRequest_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("url");
    const QByteArray tail = "&offset=0&limit=100&sort=createdAt&order=desc";
    QTest::newRow("incidents") << QByteArray("null")
                               << "https://api.opsgenie.com/v1/incidents?query=status%3Aopen" +
                                      tail;
    QTest::newRow("alerts") << QByteArray(R"({"kind":"alerts"})")
                            << "https://api.opsgenie.com/v2/alerts?query=status%3Aopen" + tail;
    QTest::newRow("query") << QByteArray(R"({"query":"status:open AND teams:sre"})")
                           << "https://api.opsgenie.com/v1/incidents?query=status%3Aopen%20AND%"
                              "20teams%3Asre" +
                                  tail;
}

void TestOpsgenie::firstRequest() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, url);
    const HttpRequest request =
        makeTestConnector(withPatch(baseSource(), json::parse(patch)))->firstRequest();
    QCOMPARE(request.url, url);
    QCOMPARE(headerValue(request.headers, "Authorization"), QByteArray("GenieKey og-key"));
}

void TestOpsgenie::planWithoutIncidentApi() {
    HttpResult result;
    result.error = HttpError::HttpStatus;
    result.status = 402;
    result.body =
        R"({"message":"Incident API is only available to Standard and Enterprise plans","took":0.001,"requestId":"r"})";
    QCOMPARE(makeTestConnector(baseSource())->describeFailure(result),
             QStringLiteral("the Opsgenie plan does not include this API (HTTP 402): Incident API "
                            "is only available to Standard and Enterprise plans"));
}

void TestOpsgenie::pollsIncidents() {
    OpsgenieFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    const QString problems = matchItems(probe.items(), json::parse(R"j([
        {"id":"70413a06-38d6-4c85-92b8-5ebc900d42e2","title":"Payments API down","state":"open",
         "severity":"critical","people":["payments"],"created":"2026-11-30T09:20:00.123Z"},
        {"title":"Slow search","severity":"warning"},
        {"title":"Typo on status page","severity":"info"}])j"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].path, QByteArray("/v1/incidents"));
    QCOMPARE(FixtureServer::queryValues(seen[0], QStringLiteral("query")),
             QStringList{QStringLiteral("status:open")});
    QCOMPARE(seen[0].header("authorization"), QByteArray("GenieKey og-key"));
}

void TestOpsgenie::pollsAlerts() {
    OpsgenieFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), {{"kind", "alerts"}}));
    QVERIFY(probe.fetchOnce());
    const QString problems = matchItems(probe.items(), json::parse(R"j([
        {"title":"CPU high on web-3","state":"acknowledged","severity":"high","people":["alice@acme.io"]},
        {"title":"Certificate expires in 20 days","state":"open","severity":"info"}])j"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(fixture.server().requests().at(0).path, QByteArray("/v2/alerts"));
}

void TestOpsgenie::walksEveryPage() {
    OpsgenieFixture fixture;
    fixture.setManyIncidents(250);
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QVERIFY2(probe.health().error.isEmpty(), qPrintable(probe.health().error));
    QCOMPARE(probe.items().size(), std::size_t(250));
    QStringList offsets;
    for (const HttpServerRequest &request : fixture.server().requests()) {
        QCOMPARE(request.header("authorization"), QByteArray("GenieKey og-key"));
        offsets.append(FixtureServer::queryOf(request).queryItemValue(QStringLiteral("offset")));
    }
    QCOMPARE(offsets,
             QStringList({QStringLiteral("0"), QStringLiteral("100"), QStringLiteral("200")}));
}

void TestOpsgenie::pageCapStopsTheWalk() {
    OpsgenieFixture fixture;
    fixture.setManyIncidents(250);
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), {{"max_pages", 2}}));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(fixture.server().requests().size(), 2);
    QCOMPARE(probe.items().size(), std::size_t(200));
    QCOMPARE(probe.health().error, QStringLiteral("showing the first 2 pages only"));
}

void TestOpsgenie::refusesNextPageElsewhere() {
    OpsgenieFixture fixture;
    fixture.setManyIncidents(150);
    fixture.setNextBase("http://127.0.0.2:9");
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    const QString problems = healthMismatch(
        probe.health(),
        QStringLiteral("next page is on another server (http://127.0.0.2:9): not followed"), -1,
        {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(fixture.server().requests().size(), 1);
}

void TestOpsgenie::failures_data() {
    addFailureColumnsAndCommonRows(
        QStringLiteral("token refused (HTTP 401): Could not authenticate"));
    // Opsgenie says only "X-RateLimit-State: THROTTLED": one minute.
    QTest::newRow("429 throttled")
        << int(FixtureFault::RateLimited) << QStringLiteral("rate-limited until …") << 60;
}

void TestOpsgenie::failures() {
    QFETCH(int, fault);
    QFETCH(QString, error);
    QFETCH(int, retryAfterS);
    OpsgenieFixture fixture;
    QVERIFY(fixture.start());
    const QString problems = probeFailure(fixture.server(), vendor.probeJson(fixture.baseUrl()),
                                          FixtureFault(fault), error, retryAfterS);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestOpsgenie::createIncident() {
    OpsgenieFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = vendor.connectorAt(fixture.baseUrl(), {{"tags", {"dutyboard"}}});
    QVERIFY(connector->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(!connector->supportsWrite(WriteKind::RaiseAndon));
    const WriteOutcome outcome =
        sendWrite(*connector, sampleIncidentAction(QStringLiteral("decl-1")));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("req-1"));

    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("POST"));
    QCOMPARE(seen[0].target, QByteArray("/v1/incidents/create"));
    QCOMPARE(seen[0].header("authorization"), QByteArray("GenieKey og-key"));
    QCOMPARE(seen[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(json::parse(seen[0].body.toStdString()), json::parse(R"j({
        "message":"Checkout down","description":"5xx on /pay","priority":"P2","tags":["dutyboard"],
        "details":{"severity":"SEV-2","customer_impact":"EU customers cannot pay"}})j"));

    // Opsgenie made it (asynchronously, behind the 202): the next poll lists it.
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.items().size(), std::size_t(4));
    QCOMPARE(probe.items().back().title, QStringLiteral("Checkout down"));
    QCOMPARE(probe.items().back().severity.name(), QStringLiteral("high"));
}

void TestOpsgenie::createAlertRetriedIsOne() {
    OpsgenieFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = vendor.connectorAt(fixture.baseUrl(), {{"kind", "alerts"}});
    WriteAction action = sampleIncidentAction(QStringLiteral("decl-crash-7"));
    action.title = QString(200, QLatin1Char('x'));
    for (int attempt = 0; attempt < 2; ++attempt) {
        const WriteOutcome outcome = sendWrite(*connector, action);
        QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    }
    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].target, QByteArray("/v2/alerts"));
    const json body = json::parse(seen[0].body.toStdString());
    QCOMPARE(body["alias"].get<std::string>(), std::string("decl-crash-7"));
    QCOMPARE(QString::fromStdString(body["message"].get<std::string>()).size(), 130);
    int matching = 0;
    for (const json &alert : fixture.alerts())
        matching += alert.value("alias", std::string()) == "decl-crash-7" ? 1 : 0;
    QCOMPARE(matching, 1);
}

void TestOpsgenie::priorityFollowsSeverity_data() {
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("priority");
    QTest::newRow("SEV-1") << QStringLiteral("SEV-1") << QStringLiteral("P1");
    QTest::newRow("SEV-3") << QStringLiteral("SEV-3") << QStringLiteral("P3");
    QTest::newRow("SEV-4") << QStringLiteral("SEV-4") << QStringLiteral("P4");
    QTest::newRow("none") << QString() << QStringLiteral("P3");
    QTest::newRow("odd") << QStringLiteral("sev9") << QStringLiteral("P3");
}

void TestOpsgenie::priorityFollowsSeverity() {
    QFETCH(QString, severity);
    QFETCH(QString, priority);
    WriteAction action = sampleIncidentAction(QStringLiteral("k"));
    action.severity = severity;
    const json body =
        json::parse(makeTestConnector(baseSource())->writeRequest(action).body.toStdString());
    QCOMPARE(QString::fromStdString(body["priority"].get<std::string>()), priority);
    QVERIFY(!body.contains("alias")); // the Incident API has no de-duplication key
}

QTEST_GUILESS_MAIN(TestOpsgenie)
#include "tst_opsgenie.moc"
