// SPDX-License-Identifier: MIT
// The Alertmanager connector over fixtures in the exact API v2 shape (tests/data/alertmanager).
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/connectors/AlertmanagerConnector.h"
#include "tests/support/ItemMatch.h"
#include "tests/support/TestEnvironment.h"

#include <QFile>
#include <QtTest>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestAlertmanagerConnector final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void parse_data();
    void parse();
    void parseStreamed_data();
    void parseStreamed();
    void firstRequest_data();
    void firstRequest();
    void badFilter_data();
    void badFilter();
    void fromRegistry();
};

namespace {

SourceConfig amConfig(const char *extra = "{}") {
    SourceConfig config;
    config.name = QStringLiteral("am");
    config.type = QStringLiteral("alertmanager");
    config.url = QByteArrayLiteral("http://127.0.0.1:9093");
    config.pointer = QStringLiteral("/sources/1");
    config.raw =
        json::parse(R"({"name":"am","type":"alertmanager","url":"http://127.0.0.1:9093"})");
    config.raw.merge_patch(json::parse(extra));
    return config;
}

QByteArray fixture(const QString &name) {
    QFile file(testDataPath(QStringLiteral("alertmanager/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// What differs between the page parsed from a 200 answer with `body` and `expected`.
QString pageProblems(const QByteArray &body, const QByteArray &expected) {
    const AlertmanagerConnector connector(amConfig());
    HttpResult result;
    result.status = 200;
    result.body = body;
    return matchPage(connector.parsePage(result), json::parse(expected.toStdString()));
}

const char *const uiFilter = "http://127.0.0.1:9093/#/alerts?silenced=true&inhibited=true&filter=";

} // namespace

void TestAlertmanagerConnector::parse_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char *file, const std::string &expected) {
        QTest::newRow(file) << QString::fromLatin1(file) << QByteArray::fromStdString(expected);
    };
    const std::string ui = uiFilter;

    row("active.json", R"j({"next":null,"items":[
        {"kind":"incidents","source":"am","id":"9418db6b8809c6a6","title":"Disk full on db-1",
         "state":"active","severity":"critical","created":"2026-11-30T09:40:12.123Z",
         "people":["sre"],"url":"http://prometheus.example:9090/graph?g0.expr=disk_free%3C0.05",
         "project":"","reason":"","raised_by":""},
        {"kind":"incidents","id":"1c2ab4f0aa77e015","title":"p99 latency above 2 s for 10 min",
         "state":"active","severity":"warning","created":"2026-11-30T09:40:12.123Z",
         "people":["carol","bob"],"url":")j" +
                           ui + R"j(%7Balertname%3D%22HighLatency%22%7D"},
        {"kind":"incidents","id":"77aa00bb11cc22dd","title":"TargetDown (10.0.0.7:9100)",
         "state":"unprocessed","severity":"critical","severity_raw":"page",
         "created":"2026-11-30T09:47:00.000Z","people":[],
         "url":")j" + ui + R"j(%7Balertname%3D%22TargetDown%22%7D"}]})j");
    row("silenced.json", R"j({"items":[{"id":"9418db6b8809c6a6","kind":"incidents",
        "state":"silenced","severity":"critical"}]})j");
    row("inhibited.json", R"j({"items":[{"id":"5b3e9e1f0c4d2a10","kind":"incidents",
        "state":"inhibited","severity":"warning","title":"Replica lag on db-2"}]})j");
    row("andon.json", R"j({"items":[{"kind":"andons","id":"3787903965dd9130","title":"Andon: sftp",
        "project":"sftp","reason":"no backups defined for the SFTP server","raised_by":"alice",
        "state":"active","people":["sre"],"created":"2026-11-30T09:48:40.160Z",
        "url":")j" + ui + R"j(%7Balertname%3D%22Andon%22%7D"}]})j");
    row("unknown_severity.json", R"j({"items":[{"kind":"incidents","id":"0f0e0d0c0b0a0908",
        "severity":"unknown","severity_raw":"sev-weird","severity_label":"unknown (sev-weird)",
        "title":"Certificate expires in 20 days"}]})j");
    row("missing_severity.json", R"j({"items":[{"kind":"incidents","id":"a1b2c3d4e5f60718",
        "severity":"unknown","severity_raw":"","severity_label":"unknown","title":"Watchdog"}]})j");
    row("empty.json", R"j({"items":[],"next":null})j");
    row("not_array.json",
        R"j({"error":"JSON of the wrong shape at /: expected an array of alerts"})j");
    // One bad alert among good ones: left out and counted, the others read.
    row("no_fingerprint.json", R"j({"items":[{"id":"0000000000000001"},{"id":"0000000000000002"},
        {"id":"0000000000000003"}],
        "unreadable":"1 item unreadable: /3/fingerprint expected a string"})j");
    row("not_object.json", R"j({"items":[{"id":"0000000000000001","title":"one"}],
        "unreadable":"1 item unreadable: /1 expected an alert object"})j");
    row("login_page.html", R"j({"error":"not JSON (got an HTML page: login?)"})j");
}

void TestAlertmanagerConnector::parse() {
    QFETCH(QString, file);
    QFETCH(QByteArray, expected);
    const QString problems = pageProblems(fixture(file), expected);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

// The streaming reader's edges: fields of another type, nesting, duplicates, broken bodies.
void TestAlertmanagerConnector::parseStreamed_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray deep = QByteArray(600, '[') + QByteArray(600, ']');
    QTest::newRow("fields of another type are absent")
        << QByteArray(R"j([{"fingerprint":"f1","labels":{"severity":3,"alertname":["x"],
              "team":{"a":"b"},"job":"node"},"annotations":["summary"],
              "status":{"state":7,"silencedBy":{"id":"s"},"inhibitedBy":"i"}}])j")
        << QByteArray(R"j({"items":[{"id":"f1","title":"alert f1","severity":"unknown",
              "state":"unknown","people":[]}]})j");
    QTest::newRow("status lists: strings and objects count, empty does not")
        << QByteArray(R"j([{"fingerprint":"a","status":{"state":"suppressed","silencedBy":["s1"]}},
              {"fingerprint":"b","status":{"inhibitedBy":[{"x":1}],"silencedBy":[]}},
              {"fingerprint":"c","status":{"silencedBy":[],"inhibitedBy":[],"state":"active"}}])j")
        << QByteArray(R"j({"items":[{"id":"a","state":"silenced"},{"id":"b","state":"inhibited"},
              {"id":"c","state":"active"}]})j");
    QTest::newRow("duplicate key: the last one wins, as in a document parse")
        << QByteArray(R"j([{"fingerprint":"a","fingerprint":"b",
              "annotations":{"summary":"old","summary":"new\nsecond line"}}])j")
        << QByteArray(R"j({"items":[{"id":"b","title":"new"}]})j");
    QTest::newRow("unknown members nested anywhere are skipped")
        << QByteArray(R"j([{"receivers":[{"name":"x","labels":{"severity":"critical"}}],
              "fingerprint":"a","labels":{"alertname":"Up","x":{"severity":"critical"}},
              "startsAt":"2026-11-30T09:40:12Z"}])j")
        << QByteArray(R"j({"items":[{"id":"a","title":"Up","severity":"unknown",
              "created":"2026-11-30T09:40:12.000Z"}]})j");
    QTest::newRow("bad alerts of every kind among good ones: counted, the first named")
        << QByteArray(R"j([{"fingerprint":null,"labels":{"alertname":"A"}},{"fingerprint":"g1"},
              ["an",{"array":["of",{"things":1}]}],{"fingerprint":7},3,{"fingerprint":""},
              {"fingerprint":"g2","status":{"silencedBy":["s"]}}])j")
        << QByteArray(R"j({"items":[{"id":"g1","state":"unknown"},{"id":"g2","state":"silenced"}],
              "unreadable":"5 items unreadable: /0/fingerprint expected a string"})j");
    QTest::newRow("only a bad alert: an empty page that says so")
        << QByteArray(R"j([{"labels":{"alertname":"A"}}])j") << QByteArray(R"j({"items":[],
              "unreadable":"1 item unreadable: /0/fingerprint expected a string"})j");
    QTest::newRow("an object instead of the array")
        << QByteArray(R"j({"alerts":[{"fingerprint":"a"}]})j")
        << QByteArray(R"j({"error":"JSON of the wrong shape at /: expected an array of alerts"})j");
    QTest::newRow("nested deeper than the limit")
        << QByteArray("[{\"fingerprint\":\"a\",\"labels\":{\"x\":" + deep + "}}]")
        << QByteArray(R"j({"error":"not usable JSON (nested deeper than 512 levels)"})j");
    QTest::newRow("truncated body")
        << QByteArray(R"j([{"fingerprint":"a"},{"finger)j")
        << QByteArray(R"j({"error":"not JSON (parse error at byte 30)"})j");
    QTest::newRow("a scalar instead of the array")
        << QByteArray(R"j("alerts")j")
        << QByteArray(R"j({"error":"JSON of the wrong shape at /: expected an array of alerts"})j");
    QTest::newRow("trailing garbage after a good array")
        << QByteArray(R"j([{"fingerprint":"a"}] x)j")
        << QByteArray(R"j({"error":"not JSON (parse error at byte 23)"})j");
}

void TestAlertmanagerConnector::parseStreamed() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const QString problems = pageProblems(body, expected);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestAlertmanagerConnector::firstRequest_data() {
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QByteArray>("url");
    const QByteArray base =
        "http://127.0.0.1:9093/api/v2/alerts?active=true&silenced=true&inhibited=true";
    QTest::newRow("no filter") << QByteArray("{}") << base;
    QTest::newRow("one filter string")
        << QByteArray(R"({"filter":"team=\"sre\""})") << base + "&filter=team%3D%22sre%22";
    QTest::newRow("repeated filters")
        << QByteArray(R"({"filter":["team=\"sre\"","severity=~\"critical|page\""]})")
        << base + "&filter=team%3D%22sre%22&filter=severity%3D~%22critical%7Cpage%22";
}

void TestAlertmanagerConnector::firstRequest() {
    QFETCH(QByteArray, extra);
    QFETCH(QByteArray, url);
    const AlertmanagerConnector connector(amConfig(extra.constData()));
    const HttpRequest request = connector.firstRequest();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url, url);
}

void TestAlertmanagerConnector::badFilter_data() {
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("number") << QByteArray(R"({"filter":5})") << QStringLiteral("/sources/1/filter");
    QTest::newRow("object") << QByteArray(R"({"filter":{"team":"sre"}})")
                            << QStringLiteral("/sources/1/filter");
    QTest::newRow("number in array")
        << QByteArray(R"({"filter":["a=\"b\"",1]})") << QStringLiteral("/sources/1/filter/1");
    QTest::newRow("empty string") << QByteArray(R"({"filter":""})")
                                  << QStringLiteral("/sources/1/filter");
}

void TestAlertmanagerConnector::badFilter() {
    QFETCH(QByteArray, extra);
    QFETCH(QString, pointer);
    try {
        AlertmanagerConnector connector(amConfig(extra.constData()));
        QFAIL("expected a ConfigError");
    } catch (const ConfigError &e) {
        QCOMPARE(e.pointer(), pointer);
        QCOMPARE(e.message(), QStringLiteral("expected a matcher string or an array of them, such "
                                             "as [\"team=\\\"sre\\\"\"]"));
    }
}

void TestAlertmanagerConnector::fromRegistry() {
    const std::unique_ptr<Connector> connector = ConnectorRegistry::builtin().create(amConfig());
    QVERIFY(dynamic_cast<AlertmanagerConnector *>(connector.get()));
    HttpResult result;
    result.status = 200;
    result.body = fixture(QStringLiteral("andon.json"));
    QCOMPARE(connector->parsePage(result).items.size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestAlertmanagerConnector)
#include "tst_alertmanagerconnector.moc"
