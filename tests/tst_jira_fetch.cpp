// SPDX-License-Identifier: MIT
// The Jira connector end to end through HttpClient, SourceFetcher and Poller against
// JiraFixture (Cloud and Data Center): every page walked as Jira expects, the page cap, and
// failures and rate limits as a person reads them.
#include "tests/support/JiraFixture.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

using nlohmann::json;

class TestJiraFetch final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cloudWalksEveryPage();
    void pageCapStopsTheWalk();
    void dataCenterWalksByStartAt();
    void failures_data();
    void failures();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_JIRA_TOKEN";
const QByteArray token(JiraFixture::token);

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

void TestJiraFetch::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, token);
}

void TestJiraFetch::cloudWalksEveryPage() {
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

void TestJiraFetch::pageCapStopsTheWalk() {
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

void TestJiraFetch::dataCenterWalksByStartAt() {
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

void TestJiraFetch::failures_data() {
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

void TestJiraFetch::failures() {
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

QTEST_GUILESS_MAIN(TestJiraFetch)
#include "tst_jira_fetch.moc"
