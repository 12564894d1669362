// SPDX-License-Identifier: MIT
// `dutyboard --print` as a user runs it against the PagerDuty, Opsgenie and incident.io
// fixtures: the real binary, the config exactly as the README shows it, real exit codes.
#include "app/ExampleConfig.h"
#include "core/config/AppConfig.h"
#include "core/sources/ConnectorRegistry.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/IncidentIoFixture.h"
#include "tests/support/OpsgenieFixture.h"
#include "tests/support/PagerDutyFixture.h"
#include "tests/support/TestEnvironment.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using nlohmann::json;

class TestPrintIncidents final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void printsEveryVendorsIncidents();
    void failuresExitTwoWithTheReason_data();
    void failuresExitTwoWithTheReason();
    void exampleConfigEntriesLoad();

private:
    DutyboardRun print();

    PagerDutyFixture m_pd;
    OpsgenieFixture m_og;
    IncidentIoFixture m_iio;
    QTemporaryDir m_dir;
    QString m_config;
};

void TestPrintIncidents::initTestCase() {
    prepareTestEnvironment();
    QVERIFY(m_pd.start() && m_og.start() && m_iio.start());
    // The README's examples, pointed at the fixtures.
    const QByteArray config =
        R"({"sources":[
  {"name":"pd","type":"pagerduty","panel":"incidents","url":")" +
        m_pd.baseUrl() +
        R"(","auth":{"token_env":"PD_TOKEN"}},
  {"name":"og","type":"opsgenie","panel":"incidents","url":")" +
        m_og.baseUrl() +
        R"(","auth":{"token_env":"OPSGENIE_KEY"}},
  {"name":"iio","type":"incidentio","panel":"incidents","url":")" +
        m_iio.baseUrl() + R"(","auth":{"token_env":"INCIDENTIO_KEY"}}]})";
    m_config = writeConfig(m_dir, config);
    QVERIFY(!m_config.isEmpty());
}

DutyboardRun TestPrintIncidents::print() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PD_TOKEN"), QString::fromLatin1(PagerDutyFixture::token));
    env.insert(QStringLiteral("OPSGENIE_KEY"), QString::fromLatin1(OpsgenieFixture::token));
    env.insert(QStringLiteral("INCIDENTIO_KEY"), QString::fromLatin1(IncidentIoFixture::token));
    return runDutyboard({QStringLiteral("--config"), m_config, QStringLiteral("--print")}, env);
}

void TestPrintIncidents::printsEveryVendorsIncidents() {
    const DutyboardRun run = print();
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const json board = json::parse(run.out.toStdString());
    for (const json &source : board.at("sources"))
        QCOMPARE(source.at("health").get<std::string>(), std::string("ok"));
    const json &incidents = board.at("incidents");
    QCOMPARE(incidents.size(), std::size_t(3 + 3 + 3));

    const json *pd = findItemBy(incidents, "id", "Q1AAAA");
    QVERIFY(pd);
    QCOMPARE(pd->at("source").get<std::string>(), std::string("pd"));
    QCOMPARE(pd->at("title").get<std::string>(), std::string("Checkout error rate above 5%"));
    QCOMPARE(pd->at("state").get<std::string>(), std::string("triggered"));
    QCOMPARE(pd->at("severity").get<std::string>(), std::string("critical"));
    QCOMPARE(pd->at("people"), json::parse(R"(["Alice Martin","Bob Chen"])"));
    QCOMPARE(pd->at("created_at").get<std::string>(), std::string("2026-11-30T09:10:00Z"));
    QCOMPARE(pd->at("url").get<std::string>(),
             std::string("https://acme.pagerduty.com/incidents/Q1AAAA"));
    const json *odd = findItemBy(incidents, "id", "Q3CCCC");
    QVERIFY(odd);
    QCOMPARE(odd->at("severity_label").get<std::string>(), std::string("unknown (SEV-A)"));

    const json *og = findItemBy(incidents, "id", "70413a06-38d6-4c85-92b8-5ebc900d42e2");
    QVERIFY(og);
    QCOMPARE(og->at("title").get<std::string>(), std::string("Payments API down"));
    QCOMPARE(og->at("severity").get<std::string>(), std::string("critical"));
    QCOMPARE(og->at("state").get<std::string>(), std::string("open"));

    const json *iio = findItemBy(incidents, "id", "01HINC101");
    QVERIFY(iio);
    QCOMPARE(iio->at("title").get<std::string>(), std::string("INC-101 Database failover"));
    QCOMPARE(iio->at("people"), json::parse(R"(["Erin Yu","Frank Li","Dave Roe"])"));
    QCOMPARE(iio->at("url").get<std::string>(),
             std::string("https://app.incident.io/acme/incidents/101"));
    const json *learning = findItemBy(incidents, "id", "01HINC099");
    QVERIFY(learning);
    QCOMPARE(learning->at("state").get<std::string>(), std::string("post-mortem due"));

    for (const char *secret :
         {PagerDutyFixture::token, OpsgenieFixture::token, IncidentIoFixture::token}) {
        QVERIFY(!run.out.contains(secret));
        QVERIFY(!run.err.contains(secret));
    }
}

void TestPrintIncidents::failuresExitTwoWithTheReason_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<QStringList>("lines"); // pd, og, iio
    QTest::newRow("401") << int(FixtureFault::Unauthorized)
                         << QStringList{
                                QStringLiteral("token refused (HTTP 401): Authentication failed"),
                                QStringLiteral("token refused (HTTP 401): Could not authenticate"),
                                QStringLiteral(
                                    "token refused (HTTP 401): The API key provided is not valid")};
    const QString html = QStringLiteral("not JSON (got an HTML page: login?)");
    QTest::newRow("HTML 200") << int(FixtureFault::HtmlLogin) << QStringList{html, html, html};
    const QString broken = QStringLiteral("not JSON (parse error at byte ");
    QTest::newRow("malformed") << int(FixtureFault::Malformed)
                               << QStringList{broken, broken, broken};
    const QString limited = QStringLiteral("rate-limited until ");
    QTest::newRow("429") << int(FixtureFault::RateLimited)
                         << QStringList{limited, limited, limited};
}

void TestPrintIncidents::failuresExitTwoWithTheReason() {
    QFETCH(int, fault);
    QFETCH(QStringList, lines);
    for (FixtureServer *server : {&m_pd.server(), &m_og.server(), &m_iio.server()})
        server->setFault(FixtureFault(fault));
    const DutyboardRun run = print();
    for (FixtureServer *server : {&m_pd.server(), &m_og.server(), &m_iio.server()})
        server->setFault(FixtureFault::None);
    QCOMPARE(run.exitCode, 2);
    const QStringList names = {QStringLiteral("pd"), QStringLiteral("og"), QStringLiteral("iio")};
    const QString err = QString::fromUtf8(run.err);
    for (int i = 0; i < names.size(); ++i) {
        const QString line =
            QStringLiteral("dutyboard: source %1 failed: %2").arg(names[i], lines[i]);
        QVERIFY2(err.contains(line), qPrintable(err));
    }
    const json board = json::parse(run.out.toStdString());
    for (const json &source : board.at("sources")) {
        QCOMPARE(source.at("health").get<std::string>(), std::string("failed"));
        QCOMPARE(source.contains("rate_limited_until"), fault == int(FixtureFault::RateLimited));
    }
    QVERIFY(board.at("incidents").empty());
}

// The first-run example config offers these three: each must load as written.
void TestPrintIncidents::exampleConfigEntriesLoad() {
    const QString path = m_dir.filePath(QStringLiteral("example/config.json"));
    writeExampleConfig(path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json example = json::parse(file.readAll().toStdString());
    json sources = json::array();
    for (const json &entry : example.at("_examples")) {
        const std::string type = entry.at("type").get<std::string>();
        if (type == "pagerduty" || type == "opsgenie" || type == "incidentio")
            sources.push_back(entry);
    }
    QCOMPARE(sources.size(), std::size_t(3));
    for (const char *name : {"PD_TOKEN", "OPSGENIE_KEY", "INCIDENTIO_KEY"})
        qputenv(name, "example-token");
    const AppConfig config = parseConfig(
        QByteArray::fromStdString(json{{"sources", sources}}.dump()), QStringLiteral("example"));
    for (const SourceConfig &source : config.sources) {
        const std::unique_ptr<Connector> connector = ConnectorRegistry::builtin().create(source);
        QVERIFY(connector->supportsWrite(WriteKind::CreateIncident));
    }
}

QTEST_GUILESS_MAIN(TestPrintIncidents)
#include "tst_print_incidents.moc"
