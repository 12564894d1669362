// SPDX-License-Identifier: MIT
// End to end against the real Prometheus Alertmanager (Debian package prometheus-alertmanager):
// alerts posted through its API come back through HttpClient and the connector as items.
#include "core/http/HttpClient.h"
#include "core/sources/connectors/AlertmanagerConnector.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

#include <memory>
#include <optional>

using nlohmann::json;

class TestAlertmanagerReal final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_am.reset(); }
    void alertsBecomeItems();
    void filterSelectsAlerts();
    void silenceMarksSilenced();

private:
    // One fetch of the connector's first request through HttpClient, parsed.
    ParsedPage fetch(const AlertmanagerConnector &connector);
    // Fetches until `done` holds for the page (Alertmanager marks new alerts a moment later).
    ParsedPage fetchUntil(const AlertmanagerConnector &connector,
                          const std::function<bool(const ParsedPage &)> &done);

    std::unique_ptr<AlertmanagerProcess> m_am;
    HttpClient m_http;
    QDateTime m_startsAt;
};

namespace {

const Item *find(const Items &items, const QString &title) {
    for (const Item &item : items) {
        if (item.title == title)
            return &item;
    }
    return nullptr;
}

bool allActive(const ParsedPage &page, std::size_t count) {
    if (!page.error.isEmpty() || page.items.size() != count)
        return false;
    for (const Item &item : page.items) {
        if (item.state != QLatin1String("active"))
            return false;
    }
    return true;
}

} // namespace

void TestAlertmanagerReal::initTestCase() {
    prepareTestEnvironment();
    m_am = std::make_unique<AlertmanagerProcess>();
    QVERIFY2(m_am->start(), qPrintable(m_am->errorString()));

    // Whole milliseconds: the API keeps that much, so the round trip compares exactly.
    m_startsAt = QDateTime::fromMSecsSinceEpoch(
        QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 120000 + 250, Qt::UTC);
    const std::string startsAt = m_startsAt.toString(Qt::ISODateWithMs).toStdString();
    const json alerts = json::array({
        {{"labels",
          {{"alertname", "DiskFull"},
           {"severity", "critical"},
           {"instance", "db-1"},
           {"team", "sre"}}},
         {"annotations", {{"summary", "Disk full on db-1"}}},
         {"startsAt", startsAt},
         {"generatorURL", "http://prometheus.example:9090/graph?g0.expr=disk_free"}},
        {{"labels", {{"alertname", "CertExpiry"}, {"severity", "sev-weird"}}},
         {"annotations", {{"summary", "Certificate expires in 20 days"}}},
         {"startsAt", startsAt}},
        {{"labels", {{"alertname", "Andon"}, {"andon", "true"}, {"project", "sftp"}}},
         {"annotations", {{"reason", "no backups defined"}, {"raised_by", "alice"}}},
         {"startsAt", startsAt}},
    });
    QVERIFY2(m_am->postAlerts(QByteArray::fromStdString(alerts.dump())),
             qPrintable(m_am->errorString()));
}

ParsedPage TestAlertmanagerReal::fetch(const AlertmanagerConnector &connector) {
    auto answer = std::make_shared<std::optional<HttpResult>>();
    m_http.send(connector.firstRequest(), this, [answer](const HttpResult &r) { *answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer->has_value(); }, 10000)) {
        ParsedPage failed;
        failed.error = QStringLiteral("no answer within 10 s");
        return failed;
    }
    const HttpResult &result = **answer;
    if (!result.ok() || result.status != 200) {
        ParsedPage failed;
        failed.error = QStringLiteral("HTTP %1: %2").arg(result.status).arg(result.errorText);
        return failed;
    }
    return connector.parsePage(result);
}

ParsedPage TestAlertmanagerReal::fetchUntil(const AlertmanagerConnector &connector,
                                            const std::function<bool(const ParsedPage &)> &done) {
    const QDeadlineTimer deadline(10000);
    ParsedPage page = fetch(connector);
    while (!done(page) && !deadline.hasExpired()) {
        QTest::qWait(200);
        page = fetch(connector);
    }
    return page;
}

void TestAlertmanagerReal::alertsBecomeItems() {
    const AlertmanagerConnector connector(m_am->sourceConfig());
    const ParsedPage page =
        fetchUntil(connector, [](const ParsedPage &p) { return allActive(p, 3); });
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.items.size(), std::size_t(3));
    QVERIFY(!page.next);

    const Item *disk = find(page.items, QStringLiteral("Disk full on db-1"));
    QVERIFY(disk);
    QCOMPARE(disk->kind, ItemKind::Incident);
    QCOMPARE(disk->source, QStringLiteral("am"));
    QCOMPARE(disk->state, QStringLiteral("active"));
    QCOMPARE(disk->severity.level, SeverityLevel::Critical);
    QCOMPARE(disk->createdAt, m_startsAt);
    QCOMPARE(disk->people, QStringList{QStringLiteral("sre")});
    QCOMPARE(disk->url, QStringLiteral("http://prometheus.example:9090/graph?g0.expr=disk_free"));
    QVERIFY(!disk->id.isEmpty());

    const Item *cert = find(page.items, QStringLiteral("Certificate expires in 20 days"));
    QVERIFY(cert);
    QCOMPARE(cert->kind, ItemKind::Incident);
    QCOMPARE(cert->severity.level, SeverityLevel::Unknown); // kept visible, not dropped
    QCOMPARE(cert->severity.raw, QStringLiteral("sev-weird"));
    QCOMPARE(cert->severity.label(), QStringLiteral("unknown (sev-weird)"));
    QVERIFY2(cert->url.startsWith(QString::fromUtf8(m_am->baseUrl() + "/#/alerts?")),
             qPrintable(cert->url));

    const Item *andon = find(page.items, QStringLiteral("Andon: sftp"));
    QVERIFY(andon);
    QCOMPARE(andon->kind, ItemKind::Andon);
    QCOMPARE(andon->project, QStringLiteral("sftp"));
    QCOMPARE(andon->reason, QStringLiteral("no backups defined"));
    QCOMPARE(andon->raisedBy, QStringLiteral("alice"));
    QCOMPARE(andon->createdAt, m_startsAt);
}

void TestAlertmanagerReal::filterSelectsAlerts() {
    // The matcher goes through URL encoding and Alertmanager's own filter parser.
    const AlertmanagerConnector connector(m_am->sourceConfig({{"filter", {"team=\"sre\""}}}));
    const ParsedPage page =
        fetchUntil(connector, [](const ParsedPage &p) { return allActive(p, 1); });
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.items.size(), std::size_t(1));
    QCOMPARE(page.items[0].title, QStringLiteral("Disk full on db-1"));
}

void TestAlertmanagerReal::silenceMarksSilenced() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const json silence = {
        {"matchers", json::array({{{"name", "alertname"},
                                   {"value", "DiskFull"},
                                   {"isRegex", false},
                                   {"isEqual", true}}})},
        {"startsAt", now.addSecs(-60).toString(Qt::ISODateWithMs).toStdString()},
        {"endsAt", now.addSecs(3600).toString(Qt::ISODateWithMs).toStdString()},
        {"createdBy", "dutyboard tests"},
        {"comment", "silence one alert"},
    };
    const QString silenceId = m_am->postSilence(QByteArray::fromStdString(silence.dump()));
    QVERIFY2(!silenceId.isEmpty(), qPrintable(m_am->errorString()));

    const AlertmanagerConnector connector(m_am->sourceConfig());
    const auto silenced = [](const ParsedPage &p) {
        const Item *disk = find(p.items, QStringLiteral("Disk full on db-1"));
        return disk && disk->state == QLatin1String("silenced");
    };
    const ParsedPage page = fetchUntil(connector, silenced);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QVERIFY(silenced(page));
    QCOMPARE(page.items.size(), std::size_t(3)); // silenced alerts stay on the board
    QCOMPARE(find(page.items, QStringLiteral("Andon: sftp"))->state, QStringLiteral("active"));
    QCOMPARE(find(page.items, QStringLiteral("Certificate expires in 20 days"))->state,
             QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestAlertmanagerReal)
#include "tst_alertmanager_real.moc"
