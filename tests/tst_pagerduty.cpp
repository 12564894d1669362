// SPDX-License-Identifier: MIT
// The PagerDuty connector: mapping over canned pages in the documented shape
// (tests/data/pagerduty), config checks, then end to end through HttpClient, SourceFetcher and
// Poller against PagerDutyFixture: offset pagination, the page cap, failures, both rate-limit
// forms, and incident creation as PagerDuty receives it (incident_key: a retry opens nothing).
#include "tests/support/ItemMatch.h"
#include "tests/support/PagerDutyFixture.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestPagerDuty final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void configErrors_data();
    void configErrors();
    void firstRequest_data();
    void firstRequest();
    void pollsTheFixture();
    void walksEveryPage();
    void pageCapStopsTheWalk();
    void failures_data();
    void failures();
    void createIncident();
    void createIncidentRetriedIsOne();
    void urgencyFollowsSeverity_data();
    void urgencyFollowsSeverity();
    void writeNeedsServiceAndFrom();
    void writeRefusedSaysWhy();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_PD_TOKEN";

json baseSource() {
    return {{"name", "pd"},
            {"type", "pagerduty"},
            {"panel", "incidents"},
            {"url", "https://api.pagerduty.com"},
            {"auth", {{"type", "vendor"}, {"secret", PagerDutyFixture::token}}}};
}

const json writeKeys = {{"service_id", "PSVC001"}, {"from", "oncall@acme.io"}};

// The source as a test and as a user write it (the token from the environment).
const VendorSource vendor(baseSource(), tokenEnv);

} // namespace

void TestPagerDuty::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, PagerDutyFixture::token);
}

void TestPagerDuty::parse_data() {
    addParseColumns();
    addParseRow("documented page", "incidents_page.json", "null", R"j({"items":[
        {"kind":"incidents","source":"pd","id":"PT4KHLK","title":"The server is on fire.",
         "state":"triggered","severity":"critical","severity_raw":"P1",
         "created":"2026-11-30T09:10:00.000Z","people":["Earline Greenholt","Ray Li"],
         "url":"https://subdomain.pagerduty.com/incidents/PT4KHLK"},
        {"id":"PT4KHLM","state":"acknowledged","severity":"warning","severity_raw":"low",
         "people":["Carol Diaz"]},
        {"id":"PT4KHLN","severity":"unknown","severity_label":"unknown (SEV-A)","people":[]}],
        "next":"https://api.pagerduty.com/incidents?statuses%5B%5D=triggered&statuses%5B%5D=acknowledged&limit=100&offset=100&sort_by=created_at:desc"})j");
    addParseRow("severity_map overrides", "incidents_page.json",
                R"({"severity_map":{"sev-a":"high","P1":"warning"}})", R"j({"items":[
        {"id":"PT4KHLK","severity":"warning"},{"id":"PT4KHLM","severity":"warning"},
        {"id":"PT4KHLN","severity":"high","severity_raw":"SEV-A"}]})j");
    addParseRow("last page", "last_page.json", "null", R"j({"next":null,"items":[
        {"id":"PT4KHLP","severity":"info","severity_raw":"P5"}]})j");
    addParseRow("priorities and fallbacks", "priorities.json", "null", R"j({"next":null,"items":[
        {"id":"A2","severity":"high"},{"id":"A3","severity":"warning"},
        {"id":"A4","severity":"info"},{"id":"A5","severity":"high","severity_raw":"high"},
        {"id":"A6","title":"[#6] no title, no urgency","severity":"unknown",
         "severity_label":"unknown","created":null,"url":""},
        {"id":"A7","title":"PagerDuty incident #7","people":["Ray Li"]}]})j");
    addParseRow(
        "no incidents", "no_incidents_key.json", "null",
        R"j({"error":"JSON of the wrong shape at /incidents: expected an array of items"})j");
    addParseRow("incident without id: left out, the other read", "missing_id.json", "null",
                R"j({"items":[{"id":"A1","title":"fine"}],
        "unreadable":"1 item unreadable: /incidents/1/id expected a string or an integer"})j");
    addParseRow(
        "more without offset", "more_without_offset.json", "null",
        R"j({"error":"JSON of the wrong shape at /offset: expected offset and a positive limit (at most 1000000) when more is true"})j");
    addParseRow("login page", "login.html", "null",
                R"j({"error":"not JSON (got an HTML page: login?)"})j");
    addParseRow("truncated JSON", "truncated.json", "null",
                R"j({"error_prefix":"not JSON (parse error"})j");
}

void TestPagerDuty::parse() {
    QFETCH(QString, file);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto connector = makeTestConnector(withPatch(baseSource(), json::parse(patch)));
    const ParsedPage page = parseTestData(*connector, QStringLiteral("pagerduty/") + file);
    const QString problems = matchPage(page, json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    if (page.next) // the next page carries PagerDuty's headers as the first does
        QCOMPARE(headerValue(page.next->headers, "Accept"),
                 QByteArray("application/vnd.pagerduty+json;version=2"));
}

void TestPagerDuty::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char *name, const char *patch, const char *expected) {
        QTest::newRow(name) << QByteArray(patch) << QString::fromUtf8(expected);
    };
    add("fine", R"({"statuses":["resolved"],"service_id":"P1","from":"a@b.c"})", "");
    add("status", R"({"statuses":["open"]})",
        "at /sources/0/statuses/0: expected triggered, acknowledged or resolved");
    add("severity word", R"({"severity_map":{"P1":"urgent"}})",
        "at /sources/0/severity_map/P1: expected one of critical, high, warning, info");
    add("service_id", R"({"service_id":5})",
        "at /sources/0/service_id: expected a PagerDuty service id");
    add("team_ids", R"({"team_ids":"T1"})", "at /sources/0/team_ids: expected an array of strings");
}

void TestPagerDuty::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    const json source = withPatch(withPatch(baseSource(), {{"auth", {{"token_env", tokenEnv}}}}),
                                  json::parse(patch));
    QCOMPARE(configErrorOf(source), expected);
}

void TestPagerDuty::firstRequest_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArray>("authorization");
    const QByteArray tail = "limit=100&offset=0&sort_by=created_at:desc";
    const QByteArray api = "https://api.pagerduty.com/incidents?";
    QTest::newRow("defaults") << QByteArray("null")
                              << api + "statuses%5B%5D=triggered&statuses%5B%5D=acknowledged&" +
                                     tail
                              << QByteArray("Token token=pd-token");
    QTest::newRow("filters")
        << QByteArray(
               R"({"statuses":["triggered"],"service_ids":["PSVC 1"],"team_ids":["T1","T2"]})")
        << api +
               "statuses%5B%5D=triggered&service_ids%5B%5D=PSVC%201&team_ids%5B%5D=T1&team_ids%5B%"
               "5D=T2&" +
               tail
        << QByteArray("Token token=pd-token");
    QTest::newRow("no filter, OAuth token")
        << QByteArray(R"({"statuses":[],"auth":{"type":"bearer"}})") << api + tail
        << QByteArray("Bearer pd-token");
}

void TestPagerDuty::firstRequest() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, url);
    QFETCH(QByteArray, authorization);
    const HttpRequest request =
        makeTestConnector(withPatch(baseSource(), json::parse(patch)))->firstRequest();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url, url);
    QCOMPARE(headerValue(request.headers, "Authorization"), authorization);
    int accepts = 0;
    for (const auto &header : request.headers)
        accepts += header.first.compare("Accept", Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(accepts, 1); // PagerDuty's media type replaces the default
    QCOMPARE(headerValue(request.headers, "Accept"),
             QByteArray("application/vnd.pagerduty+json;version=2"));
}

void TestPagerDuty::pollsTheFixture() {
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    const QString problems = matchItems(probe.items(), json::parse(R"j([
        {"id":"Q1AAAA","title":"Checkout error rate above 5%","state":"triggered",
         "severity":"critical","people":["Alice Martin","Bob Chen"],
         "created":"2026-11-30T09:10:00.000Z","url":"https://acme.pagerduty.com/incidents/Q1AAAA"},
        {"id":"Q2BBBB","state":"acknowledged","severity":"warning","people":["Carol Diaz"]},
        {"id":"Q3CCCC","severity":"unknown","severity_label":"unknown (SEV-A)"}])j"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].path, QByteArray("/incidents"));
    QCOMPARE(seen[0].header("accept"), QByteArray("application/vnd.pagerduty+json;version=2"));
    QCOMPARE(seen[0].header("authorization"), QByteArray("Token token=pd-token"));
    QCOMPARE(FixtureServer::queryValues(seen[0], QStringLiteral("statuses[]")),
             QStringList({QStringLiteral("triggered"), QStringLiteral("acknowledged")}));
}

void TestPagerDuty::walksEveryPage() {
    PagerDutyFixture fixture;
    fixture.setManyIncidents(250);
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QVERIFY2(probe.health().error.isEmpty(), qPrintable(probe.health().error));
    QCOMPARE(probe.items().size(), std::size_t(250));
    QStringList offsets;
    for (const HttpServerRequest &request : fixture.server().requests()) {
        QCOMPARE(request.header("authorization"), QByteArray("Token token=pd-token"));
        offsets.append(FixtureServer::queryOf(request).queryItemValue(QStringLiteral("offset")));
    }
    QCOMPARE(offsets,
             QStringList({QStringLiteral("0"), QStringLiteral("100"), QStringLiteral("200")}));
}

void TestPagerDuty::pageCapStopsTheWalk() {
    PagerDutyFixture fixture;
    fixture.setManyIncidents(250);
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), {{"max_pages", 2}}));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(fixture.server().requests().size(), 2);
    QCOMPARE(probe.items().size(), std::size_t(200));
    QCOMPARE(probe.health().error, QStringLiteral("showing the first 2 pages only"));
}

void TestPagerDuty::failures_data() {
    addFailureColumnsAndCommonRows(
        QStringLiteral("token refused (HTTP 401): Authentication failed"));
    QTest::newRow("429, ratelimit-reset 42")
        << int(FixtureFault::RateLimited) << QStringLiteral("rate-limited until …") << 42;
    QTest::newRow("bare 429: a minute")
        << int(FixtureFault::RateLimitedAlternate) << QStringLiteral("rate-limited until …") << 60;
}

void TestPagerDuty::failures() {
    QFETCH(int, fault);
    QFETCH(QString, error);
    QFETCH(int, retryAfterS);
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    const QString problems = probeFailure(fixture.server(), vendor.probeJson(fixture.baseUrl()),
                                          FixtureFault(fault), error, retryAfterS);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestPagerDuty::createIncident() {
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = vendor.connectorAt(fixture.baseUrl(), writeKeys);
    QVERIFY(connector->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(!connector->supportsWrite(WriteKind::CreateBug));
    const WriteOutcome outcome =
        sendWrite(*connector, sampleIncidentAction(QStringLiteral("decl-1")));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("QN100"));
    QCOMPARE(outcome.createdUrl, QStringLiteral("https://acme.pagerduty.com/incidents/QN100"));

    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("POST"));
    QCOMPARE(seen[0].target, QByteArray("/incidents"));
    QCOMPARE(seen[0].header("authorization"), QByteArray("Token token=pd-token"));
    QCOMPARE(seen[0].header("accept"), QByteArray("application/vnd.pagerduty+json;version=2"));
    QCOMPARE(seen[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(seen[0].header("from"), QByteArray("oncall@acme.io"));
    QCOMPARE(json::parse(seen[0].body.toStdString()), json::parse(R"j({"incident":{
        "type":"incident","title":"Checkout down",
        "service":{"id":"PSVC001","type":"service_reference"},"urgency":"high",
        "body":{"type":"incident_body",
                "details":"5xx on /pay\n\nSeverity: SEV-2\n\nCustomer impact: EU customers cannot pay"},
        "incident_key":"decl-1"}})j"));

    // The board lists it under the id the write reported.
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    const auto listed =
        std::find_if(probe.items().begin(), probe.items().end(),
                     [](const Item &item) { return item.id == QLatin1String("QN100"); });
    QVERIFY(listed != probe.items().end());
    QCOMPARE(listed->title, QStringLiteral("Checkout down"));
}

void TestPagerDuty::createIncidentRetriedIsOne() {
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = vendor.connectorAt(fixture.baseUrl(), writeKeys);
    const WriteAction action = sampleIncidentAction(QStringLiteral("decl-crash-7"));
    for (int attempt = 0; attempt < 2; ++attempt) {
        const WriteOutcome outcome = sendWrite(*connector, action);
        QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    }
    QCOMPARE(fixture.server().requests().size(), 2);
    int opened = 0;
    for (const json &incident : fixture.incidents())
        opened += incident.value("incident_key", json()) == "decl-crash-7" ? 1 : 0;
    QCOMPARE(opened, 1);
}

void TestPagerDuty::urgencyFollowsSeverity_data() {
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("urgency");
    QTest::newRow("SEV-1") << QStringLiteral("SEV-1") << QStringLiteral("high");
    QTest::newRow("SEV-2") << QStringLiteral("SEV-2") << QStringLiteral("high");
    QTest::newRow("SEV-3") << QStringLiteral("SEV-3") << QStringLiteral("low");
    QTest::newRow("SEV-4") << QStringLiteral("SEV-4") << QStringLiteral("low");
    QTest::newRow("none") << QString() << QStringLiteral("low");
}

void TestPagerDuty::urgencyFollowsSeverity() {
    QFETCH(QString, severity);
    QFETCH(QString, urgency);
    WriteAction action = sampleIncidentAction(QStringLiteral("k"));
    action.severity = severity;
    const auto connector = vendor.connectorAt("https://api.pagerduty.com", writeKeys);
    const json body = json::parse(connector->writeRequest(action).body.toStdString());
    QCOMPARE(QString::fromStdString(body["incident"]["urgency"].get<std::string>()), urgency);
}

void TestPagerDuty::writeNeedsServiceAndFrom() {
    const QByteArray url = "https://api.pagerduty.com";
    QVERIFY(!vendor.connectorAt(url)->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(
        !vendor.connectorAt(url, {{"service_id", "P1"}})->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(
        !vendor.connectorAt(url, {{"from", "a@b.c"}})->supportsWrite(WriteKind::CreateIncident));
}

void TestPagerDuty::writeRefusedSaysWhy() {
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = vendor.connectorAt(fixture.baseUrl(), writeKeys);
    WriteAction untitled = sampleIncidentAction(QStringLiteral("decl-2"));
    untitled.title.clear();
    WriteOutcome outcome = sendWrite(*connector, untitled);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("HTTP 400: Invalid Input Provided: Title cannot be empty."));
    QVERIFY(!outcome.retryAt.isValid());

    fixture.server().setFault(FixtureFault::RateLimited);
    outcome = sendWrite(*connector, sampleIncidentAction(QStringLiteral("decl-3")));
    QVERIFY(!outcome.accepted);
    QVERIFY(outcome.retryAt > QDateTime::currentDateTimeUtc().addSecs(30));
    QCOMPARE(fixture.incidents().size(), PagerDutyFixture::defaultIncidents().size());
}

QTEST_GUILESS_MAIN(TestPagerDuty)
#include "tst_pagerduty.moc"
