// SPDX-License-Identifier: MIT
// The incident.io connector: mapping over canned pages in the documented shape
// (tests/data/incidentio) including "post-mortem due", the body-borne rate limit, config checks,
// then end to end against IncidentIoFixture: `after` pagination, the page cap, failures, both
// rate-limit forms, and incident creation, idempotent like the real API.
#include "tests/support/IncidentIoFixture.h"
#include "tests/support/ItemMatch.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestIncidentIo final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void firstRequest_data();
    void firstRequest();
    void rateLimitedUntil_data();
    void rateLimitedUntil();
    void configErrors_data();
    void configErrors();
    void pollsTheFixture();
    void walksEveryPage();
    void pageCapStopsTheWalk();
    void failures_data();
    void failures();
    void createIncident();
    void sameKeyTwiceIsOneIncident();
    void keyDerivedWhenMissing();
    void writeRefusedSaysWhy();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_IIO_KEY";
const QByteArray api = "https://api.incident.io";
const QByteArray firstPath = "/v2/incidents?page_size=25&status_category%5Bone_of%5D=live"
                             "&status_category%5Bone_of%5D=learning";

json baseSource() {
    return {{"name", "iio"},
            {"type", "incidentio"},
            {"panel", "incidents"},
            {"url", api.toStdString()},
            {"auth", {{"type", "vendor"}, {"secret", IncidentIoFixture::token}}}};
}

const json writeKeys = {
    {"visibility", "private"},
    {"severity_ids",
     {{"SEV-1", IncidentIoFixture::criticalId}, {"SEV-2", IncidentIoFixture::majorId}}}};

// The source as a test and as a user write it (the token from the environment).
const VendorSource vendor(baseSource(), tokenEnv);

} // namespace

void TestIncidentIo::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, IncidentIoFixture::token);
}

void TestIncidentIo::parse_data() {
    addParseColumns();
    addParseRow("documented page", "incidents_page.json", "null",
                R"j({"items":[
        {"kind":"incidents","source":"iio","id":"01FDAG4SAP5TYPT98WGR2N7W91",
         "title":"INC-123 Our database is sad","state":"Investigating","severity":"critical",
         "severity_raw":"Critical","created":"2026-11-30T09:28:57.801Z",
         "people":["Stephen Whitworth","Chris Evans","Lisa Karlin Curtis"],
         "url":"https://app.incident.io/acme/incidents/123"},
        {"id":"01FDAG4SAP5TYPT98WGR2N7W92","title":"INC-120 Deploys failing",
         "state":"post-mortem due","severity":"warning","people":[]},
        {"id":"01FDAG4SAP5TYPT98WGR2N7W93","state":"Monitoring","severity":"unknown",
         "severity_label":"unknown (Apocalypse)"}],
        "next":")j" +
                    api.toStdString() + firstPath.toStdString() +
                    R"j(&after=01FDAG4SAP5TYPT98WGR2N7W93"})j");
    addParseRow("severity_map", "incidents_page.json",
                R"({"severity_map":{"apocalypse":"critical","Minor":"info"}})",
                R"j({"items":[{"severity":"critical"},{"severity":"info"},
        {"severity":"critical","severity_raw":"Apocalypse"}]})j");
    addParseRow("last page", "last_page.json", "null", R"j({"next":null,"items":[
        {"id":"01FDAG4SAP5TYPT98WGR2N7W99","title":"Something odd","state":"live",
         "severity":"unknown","severity_label":"unknown","people":[],"url":""}]})j");
    addParseRow("empty after", "empty_after.json", "null", R"j({"next":null,"items":[
        {"title":"INC-1","state":"Fixing","severity":"high"}]})j");
    addParseRow(
        "no incidents", "no_incidents.json", "null",
        R"j({"error":"JSON of the wrong shape at /incidents: expected an array of items"})j");
    addParseRow("incident without id: left out, the other read", "missing_id.json", "null",
                R"j({"items":[{"id":"01X","title":"fine"}],
        "unreadable":"1 item unreadable: /incidents/1/id expected a string or an integer"})j");
    addParseRow("login page", "login.html", "null",
                R"j({"error":"not JSON (got an HTML page: login?)"})j");
    addParseRow("truncated JSON", "truncated.json", "null",
                R"j({"error_prefix":"not JSON (parse error"})j");
}

void TestIncidentIo::parse() {
    QFETCH(QString, file);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto connector = makeTestConnector(withPatch(baseSource(), json::parse(patch)));
    const QString problems = matchPage(
        parseTestData(*connector, QStringLiteral("incidentio/") + file), json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestIncidentIo::firstRequest_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("url");
    QTest::newRow("live and learning") << QByteArray("null") << api + firstPath;
    QTest::newRow("live only") << QByteArray(R"({"include_learning":false})")
                               << api +
                                      "/v2/incidents?page_size=25&status_category%5Bone_of%5D=live";
}

void TestIncidentIo::firstRequest() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, url);
    const HttpRequest request =
        makeTestConnector(withPatch(baseSource(), json::parse(patch)))->firstRequest();
    QCOMPARE(request.url, url);
    QCOMPARE(headerValue(request.headers, "Authorization"), QByteArray("Bearer iio-key"));
}

void TestIncidentIo::rateLimitedUntil_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfterHeader");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("until"); // empty: not a rate limit
    const QByteArray documented =
        R"({"type":"too_many_requests","status":429,"rate_limit":{"name":"api_key_name","limit":1200,"remaining":0,"retry_after":"Thu, 17 Apr 2025 11:17:18 UTC"}})";
    QTest::newRow("body date") << 429 << QByteArray() << documented
                               << QStringLiteral("2025-04-17T11:17:18Z");
    QTest::newRow("body beats header")
        << 429 << QByteArray("5") << documented << QStringLiteral("2025-04-17T11:17:18Z");
    QTest::newRow("body seconds") << 429 << QByteArray()
                                  << QByteArray(R"({"rate_limit":{"retry_after":45}})")
                                  << QStringLiteral("2025-04-17T11:16:45Z");
    QTest::newRow("body nonsense, header")
        << 429 << QByteArray("30") << QByteArray(R"({"rate_limit":{"retry_after":-1e300}})")
        << QStringLiteral("2025-04-17T11:16:30Z");
    QTest::newRow("header only") << 429 << QByteArray("30") << QByteArray("{}")
                                 << QStringLiteral("2025-04-17T11:16:30Z");
    QTest::newRow("nothing said: a minute")
        << 429 << QByteArray() << QByteArray("<html>busy</html>")
        << QStringLiteral("2025-04-17T11:17:00Z");
    QTest::newRow("not 429") << 200 << QByteArray() << documented << QString();
}

void TestIncidentIo::rateLimitedUntil() {
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfterHeader);
    QFETCH(QByteArray, body);
    QFETCH(QString, until);
    HttpResult result;
    result.status = status;
    result.error = status >= 400 ? HttpError::HttpStatus : HttpError::None;
    result.body = body;
    if (!retryAfterHeader.isEmpty())
        result.headers.append({QByteArrayLiteral("retry-after"), retryAfterHeader});
    const QDateTime now =
        QDateTime::fromString(QStringLiteral("2025-04-17T11:16:00Z"), Qt::ISODate);
    const QDateTime got = makeTestConnector(baseSource())->rateLimitedUntil(result, now);
    QCOMPARE(got.isValid() ? got.toUTC().toString(Qt::ISODate) : QString(), until);
}

void TestIncidentIo::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char *name, const char *patch, const char *expected) {
        QTest::newRow(name) << QByteArray(patch) << QString::fromUtf8(expected);
    };
    add("fine",
        R"({"include_learning":false,"visibility":"private","severity_ids":{"SEV-4":"01H"},"people":{"victor":"victor@acme.io"}})",
        "");
    add("include_learning", R"({"include_learning":"yes"})",
        "at /sources/0/include_learning: expected true or false");
    add("severity_ids key", R"({"severity_ids":{"P1":"01H"}})",
        "at /sources/0/severity_ids/P1: expected SEV-1, SEV-2, SEV-3 or SEV-4 as keys");
    add("severity_ids value", R"({"severity_ids":{"SEV-1":""}})",
        "at /sources/0/severity_ids/SEV-1: expected an object of severity ids such as "
        "{\"SEV-1\": \"01H…\"}");
    add("visibility", R"({"visibility":"internal"})",
        "at /sources/0/visibility: expected \"public\" or \"private\"");
    add("people", R"({"people":["victor@acme.io"]})",
        "at /sources/0/people: expected an object of incident.io emails such as "
        "{\"victor\": \"victor@example.com\"}");
    add("people, not an email", R"({"people":{"victor":"victor"}})",
        "at /sources/0/people/victor: expected an object of incident.io emails such as "
        "{\"victor\": \"victor@example.com\"}");
}

void TestIncidentIo::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    const json source = withPatch(withPatch(baseSource(), {{"auth", {{"token_env", tokenEnv}}}}),
                                  json::parse(patch));
    QCOMPARE(configErrorOf(source), expected);
}

void TestIncidentIo::pollsTheFixture() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QString problems = matchItems(probe.items(), json::parse(R"j([
        {"id":"01HINC101","title":"INC-101 Database failover","state":"Investigating",
         "severity":"critical","people":["Erin Yu","Frank Li","Dave Roe"],
         "created":"2026-11-30T09:30:00.801Z","url":"https://app.incident.io/acme/incidents/101"},
        {"id":"01HINC102","state":"Fixing","severity":"high"},
        {"id":"01HINC099","state":"post-mortem due","severity":"warning"}])j"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].header("authorization"), QByteArray("Bearer iio-key"));
    QCOMPARE(FixtureServer::queryValues(seen[0], QStringLiteral("status_category[one_of]")),
             QStringList({QStringLiteral("live"), QStringLiteral("learning")}));

    SourceProbe liveOnly(vendor.probeJson(fixture.baseUrl(), {{"include_learning", false}}));
    QVERIFY(liveOnly.fetchOnce());
    problems =
        matchItems(liveOnly.items(), json::parse(R"([{"id":"01HINC101"},{"id":"01HINC102"}])"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestIncidentIo::walksEveryPage() {
    IncidentIoFixture fixture;
    fixture.setManyIncidents(60);
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QVERIFY2(probe.health().error.isEmpty(), qPrintable(probe.health().error));
    QCOMPARE(probe.items().size(), std::size_t(60));
    QStringList afters;
    for (const HttpServerRequest &request : fixture.server().requests()) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer iio-key"));
        afters.append(FixtureServer::queryOf(request).queryItemValue(QStringLiteral("after")));
    }
    QCOMPARE(afters, QStringList({QString(), QStringLiteral("01HMANY1025"),
                                  QStringLiteral("01HMANY1050")}));
}

void TestIncidentIo::pageCapStopsTheWalk() {
    IncidentIoFixture fixture;
    fixture.setManyIncidents(60);
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), {{"max_pages", 2}}));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(fixture.server().requests().size(), 2);
    QCOMPARE(probe.items().size(), std::size_t(50));
    QCOMPARE(probe.health().error, QStringLiteral("showing the first 2 pages only"));
}

void TestIncidentIo::failures_data() {
    addFailureColumnsAndCommonRows(
        QStringLiteral("token refused (HTTP 401): The API key provided is not valid"));
    // Only the body says when (90 s ahead; no Retry-After): the default would be 60 s.
    QTest::newRow("429, rate_limit.retry_after")
        << int(FixtureFault::RateLimited) << QStringLiteral("rate-limited until …") << 90;
    QTest::newRow("429, Retry-After only")
        << int(FixtureFault::RateLimitedAlternate) << QStringLiteral("rate-limited until …") << 30;
}

void TestIncidentIo::failures() {
    QFETCH(int, fault);
    QFETCH(QString, error);
    QFETCH(int, retryAfterS);
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const QString problems = probeFailure(fixture.server(), vendor.probeJson(fixture.baseUrl()),
                                          FixtureFault(fault), error, retryAfterS);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestIncidentIo::createIncident() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = vendor.connectorAt(fixture.baseUrl(), writeKeys);
    QVERIFY(connector->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(!connector->supportsWrite(WriteKind::Reply));
    const WriteOutcome outcome =
        sendWrite(*connector, sampleIncidentAction(QStringLiteral("decl-1")));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("01HNEW200"));
    QCOMPARE(outcome.createdUrl, QStringLiteral("https://app.incident.io/acme/incidents/200"));

    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("POST"));
    QCOMPARE(seen[0].target, QByteArray("/v2/incidents"));
    QCOMPARE(seen[0].header("authorization"), QByteArray("Bearer iio-key"));
    QCOMPARE(seen[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(json::parse(seen[0].body.toStdString()), json::parse(R"j({
        "idempotency_key":"decl-1","name":"Checkout down",
        "summary":"5xx on /pay\n\nCustomer impact: EU customers cannot pay",
        "visibility":"private","mode":"standard","severity_id":"01SEVMAJOR"})j"));

    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    const Item &listed = probe.items().back();
    QCOMPARE(listed.id, outcome.createdId);
    QCOMPARE(listed.title, QStringLiteral("INC-200 Checkout down"));
    QCOMPARE(listed.severity.name(), QStringLiteral("high"));
}

void TestIncidentIo::sameKeyTwiceIsOneIncident() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const std::size_t before = fixture.incidents().size();
    const auto connector = vendor.connectorAt(fixture.baseUrl(), writeKeys);
    const WriteAction action = sampleIncidentAction(QStringLiteral("decl-crash-7"));
    HttpClient http;
    QStringList ids;
    QList<int> statuses;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const HttpResult result = fetchAndWait(http, connector->writeRequest(action));
        statuses.append(result.status);
        const WriteOutcome outcome = connector->parseWriteResult(action, result);
        QVERIFY2(outcome.accepted, qPrintable(outcome.error));
        ids.append(outcome.createdId);
    }
    QCOMPARE(statuses, QList<int>({201, 200}));
    QCOMPARE(ids[0], ids[1]);
    QCOMPARE(fixture.incidents().size(), before + 1);
    QCOMPARE(fixture.server().requests().size(), 2);
}

void TestIncidentIo::keyDerivedWhenMissing() {
    const auto connector = makeTestConnector(withPatch(baseSource(), writeKeys));
    const auto keyOf = [&connector](const WriteAction &action) {
        return json::parse(connector->writeRequest(action).body.toStdString())["idempotency_key"]
            .get<std::string>();
    };
    const std::string first = keyOf(sampleIncidentAction(QString()));
    QVERIFY(QString::fromStdString(first).startsWith(QStringLiteral("dutyboard-")));
    QCOMPARE(keyOf(sampleIncidentAction(QString())), first);
    WriteAction other = sampleIncidentAction(QString());
    other.title = QStringLiteral("Another incident");
    QVERIFY(keyOf(other) != first);
}

void TestIncidentIo::writeRefusedSaysWhy() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const WriteAction action = sampleIncidentAction(QStringLiteral("decl-2"));
    WriteOutcome outcome = sendWrite(*vendor.connectorAt(fixture.baseUrl()), action);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("HTTP 422: A severity is required to open an incident (severity_id)"));

    fixture.server().setFault(FixtureFault::RateLimited);
    outcome = sendWrite(*vendor.connectorAt(fixture.baseUrl(), writeKeys), action);
    QVERIFY(!outcome.accepted);
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(outcome.retryAt);
    QVERIFY2(wait > 80 && wait <= 90, qPrintable(QString::number(wait)));
}

QTEST_GUILESS_MAIN(TestIncidentIo)
#include "tst_incidentio.moc"
