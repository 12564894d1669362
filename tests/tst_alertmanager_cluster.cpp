// SPDX-License-Identifier: MIT
// An Alertmanager cluster as one source, against three real Alertmanagers gossiping on loopback:
// an alert every replica holds shows once; the source stays healthy while one replica answers
// ("2/3 replicas"); an andon goes to every replica (alerts are not gossiped), one outbox row each,
// so a replica that was down gets it when it is back; a silence is made once and every replica
// has it (silences are gossiped), even when the first replica is down.
#include "core/config/AppConfig.h"
#include "core/lean/LeanActions.h"
#include "core/lean/Outbox.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/SourceSet.h"
#include "core/store/Store.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using nlohmann::json;

namespace {

constexpr int gossipTimeoutMs = 60000; // a replica back from the dead syncs on its join

// The alerts of one replica's answer whose label `name` is `value`.
int alertsWith(const json &alerts, const char *name, const char *value) {
    int count = 0;
    if (!alerts.is_array())
        return -1;
    for (const json &alert : alerts) {
        const json labels = alert.value("labels", json::object());
        if (labels.value(name, std::string()) == value)
            ++count;
    }
    return count;
}

bool hasSilence(const json &silences, const QString &id) {
    if (!silences.is_array())
        return false;
    for (const json &silence : silences) {
        if (silence.value("id", std::string()) == id.toStdString())
            return true;
    }
    return false;
}

int itemsNamed(const Items &items, const QString &alertname) {
    int count = 0;
    for (const Item &item : items) {
        if (item.labels.contains(QStringLiteral("alertname=\"%1\"").arg(alertname)))
            ++count;
    }
    return count;
}

// An outbox on a fresh store, writing through the cluster source's connectors.
struct Writer {
    explicit Writer(const SourceConfig &source) {
        sources.add(ConnectorRegistry::builtin().create(source));
        store = std::make_unique<Store>(
            testStateLocation(dir.filePath(QStringLiteral("outbox.sqlite"))));
        QString notice;
        opened = store->open(&notice);
        outbox = std::make_unique<Outbox>(store.get(), &http, sources.lookup());
        QObject::connect(outbox.get(), &Outbox::delivered, outbox.get(),
                         [this](const OutboxEntry &row) { delivered.push_back(row); });
        QObject::connect(outbox.get(), &Outbox::attemptFailed, outbox.get(),
                         [this](const OutboxEntry &) { ++failed; });
        outbox->start();
    }
    int deliveredCount() const { return static_cast<int>(delivered.size()); }
    QTemporaryDir dir;
    SourceSet sources;
    HttpClient http;
    std::unique_ptr<Store> store;
    std::unique_ptr<Outbox> outbox;
    bool opened = false;
    std::vector<OutboxEntry> delivered; // in the order they were
    int failed = 0;
};

} // namespace

class TestAlertmanagerCluster final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_replicas.clear(); }
    void init(); // every replica up before each test
    void sameAlertOnEveryReplicaShowsOnce();
    void healthyWhileOneReplicaAnswers();
    void andonReachesEveryReplica();
    void replicaDownGetsItsRowWhenBack();
    void silenceMadeOnceIsOnEveryReplica();

private:
    QByteArray sourceJson() const;
    QString replicaTarget(int replica) const;

    std::vector<std::unique_ptr<AlertmanagerProcess>> m_replicas;
    SourceConfig m_source;
};

void TestAlertmanagerCluster::initTestCase() {
    prepareTestEnvironment();
    QString error;
    m_replicas = AlertmanagerProcess::cluster(3, &error);
    QVERIFY2(m_replicas.size() == 3, qPrintable(error));
    m_source =
        parseConfig("{\"sources\":[" + sourceJson() + "]}", QStringLiteral("test")).sources.at(0);
    QCOMPARE(m_source.urls.size(), 3);
}

void TestAlertmanagerCluster::init() {
    for (const auto &replica : m_replicas) {
        if (!replica->isRunning())
            QVERIFY2(replica->start(), qPrintable(replica->errorString()));
    }
}

QByteArray TestAlertmanagerCluster::sourceJson() const {
    json urls = json::array();
    for (const auto &replica : m_replicas)
        urls.push_back(replica->baseUrl().toStdString());
    return QByteArray::fromStdString(json{
        {"name", "prod"},
        {"type", "alertmanager"},
        {"panel", "incidents"},
        {"url", urls},
        {"timeout_s", 5}}.dump());
}

QString TestAlertmanagerCluster::replicaTarget(int replica) const {
    return QStringLiteral("prod@") +
           QString::fromUtf8(m_replicas[static_cast<std::size_t>(replica)]->baseUrl().mid(7));
}

void TestAlertmanagerCluster::sameAlertOnEveryReplicaShowsOnce() {
    // As Prometheus does: the same alert sent to each replica.
    for (const auto &replica : m_replicas)
        QVERIFY2(
            replica->postAlerts(
                R"([{"labels":{"alertname":"DiskFull","instance":"db-1","severity":"critical"}}])"),
            qPrintable(replica->errorString()));
    for (const auto &replica : m_replicas)
        QTRY_COMPARE(alertsWith(replica->alerts(), "alertname", "DiskFull"), 1);

    SourceProbe probe(sourceJson());
    QTRY_VERIFY(probe.fetchOnce() && itemsNamed(probe.items(), QStringLiteral("DiskFull")) > 0);
    QCOMPARE(itemsNamed(probe.items(), QStringLiteral("DiskFull")), 1);
    QCOMPARE(probe.health().state, HealthState::Ok);
    QCOMPARE(replicasText(probe.health()), QStringLiteral("3/3 replicas"));
    QVERIFY(probe.health().replicaErrors.isEmpty());
}

void TestAlertmanagerCluster::healthyWhileOneReplicaAnswers() {
    SourceProbe probe(sourceJson());
    QTRY_VERIFY(probe.fetchOnce() && itemsNamed(probe.items(), QStringLiteral("DiskFull")) == 1);
    for (int down = 1; down <= 2; ++down) {
        m_replicas[static_cast<std::size_t>(3 - down)]->stop();
        QVERIFY(probe.fetchOnce());
        QCOMPARE(probe.health().state, HealthState::Ok);
        QCOMPARE(replicasText(probe.health()), QStringLiteral("%1/3 replicas").arg(3 - down));
        QCOMPARE(probe.health().replicaErrors.size(), down);
        const QString stopped =
            QString::fromUtf8(m_replicas[static_cast<std::size_t>(3 - down)]->baseUrl().mid(7));
        QVERIFY2(
            probe.health().replicaErrors.constFirst().startsWith(stopped + QStringLiteral(": ")),
            qPrintable(probe.health().replicaErrors.join(QLatin1Char('\n'))));
        QCOMPARE(itemsNamed(probe.items(), QStringLiteral("DiskFull")), 1);
    }
    // All down: stale with the reason, the last items kept.
    m_replicas[0]->stop();
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Stale);
    QVERIFY2(probe.health().error.startsWith(QStringLiteral("no replica answers: ")),
             qPrintable(probe.health().error));
    QCOMPARE(replicasText(probe.health()), QStringLiteral("0/3 replicas"));
    QCOMPARE(itemsNamed(probe.items(), QStringLiteral("DiskFull")), 1);
    // Never answered: failed.
    SourceProbe fresh(sourceJson());
    QVERIFY(fresh.fetchOnce());
    QCOMPARE(fresh.health().state, HealthState::Failed);
    QVERIFY2(fresh.health().error.startsWith(QStringLiteral("no replica answers: ")),
             qPrintable(fresh.health().error));
}

void TestAlertmanagerCluster::andonReachesEveryReplica() {
    Writer writer(m_source);
    QVERIFY(writer.opened);
    const QString id = writer.outbox->submit(
        LeanActions::raiseAndon(QStringLiteral("sftp"), QStringLiteral("no backups"),
                                QStringLiteral("alice"), QDateTime::currentDateTimeUtc()),
        {QStringLiteral("prod")});
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(writer.deliveredCount(), 3, 20000);
    QStringList targets;
    for (const OutboxEntry &row : writer.delivered)
        targets.append(row.target);
    targets.sort();
    QStringList expected = {replicaTarget(0), replicaTarget(1), replicaTarget(2)};
    expected.sort();
    QCOMPARE(targets, expected);
    for (const auto &replica : m_replicas)
        QTRY_COMPARE(alertsWith(replica->alerts(), "project", "sftp"), 1);
}

void TestAlertmanagerCluster::replicaDownGetsItsRowWhenBack() {
    Writer writer(m_source);
    QVERIFY(writer.opened);
    m_replicas[1]->stop();
    writer.outbox->submit(
        LeanActions::raiseAndon(QStringLiteral("billing"), QStringLiteral("cost doubt"),
                                QStringLiteral("alice"), QDateTime::currentDateTimeUtc()),
        {QStringLiteral("prod")});
    QTRY_COMPARE_WITH_TIMEOUT(writer.deliveredCount(), 2, 20000);
    QTRY_VERIFY(writer.failed >= 1);
    QCOMPARE(writer.outbox->pendingCount(), 1);
    QCOMPARE(writer.outbox->pending().front().target, replicaTarget(1));
    QTRY_COMPARE(alertsWith(m_replicas[0]->alerts(), "project", "billing"), 1);
    QTRY_COMPARE(alertsWith(m_replicas[2]->alerts(), "project", "billing"), 1);

    QVERIFY2(m_replicas[1]->start(), qPrintable(m_replicas[1]->errorString()));
    // Back, and not told by its peers: alerts are not gossiped.
    QCOMPARE(alertsWith(m_replicas[1]->alerts(), "project", "billing"), 0);
    // As the window does when the source answers again: its replicas' rows go too.
    writer.outbox->retryTarget(QStringLiteral("prod"));
    QTRY_COMPARE_WITH_TIMEOUT(writer.deliveredCount(), 3, 20000);
    QCOMPARE(writer.delivered.back().target, replicaTarget(1));
    QTRY_COMPARE(alertsWith(m_replicas[1]->alerts(), "project", "billing"), 1);
    QCOMPARE(writer.outbox->pendingCount(), 0);
}

void TestAlertmanagerCluster::silenceMadeOnceIsOnEveryReplica() {
    Writer writer(m_source);
    QVERIFY(writer.opened);
    WriteAction silence;
    silence.kind = WriteKind::CreateSilence;
    silence.labels = {QStringLiteral("alertname=\"DiskFull\"")};
    silence.note = QStringLiteral("disk being replaced");
    silence.raisedBy = QStringLiteral("alice");

    // Every replica up: one row, one silence, which the others learn by gossip.
    writer.outbox->submit(silence, {QStringLiteral("prod")});
    QTRY_COMPARE_WITH_TIMEOUT(writer.deliveredCount(), 1, 20000);
    const OutboxEntry first = writer.delivered.at(0);
    QCOMPARE(first.target, QStringLiteral("prod"));
    QVERIFY(!first.createdId.isEmpty());
    for (const auto &replica : m_replicas)
        QTRY_VERIFY_WITH_TIMEOUT(hasSilence(replica->silences(), first.createdId), gossipTimeoutMs);

    // The first replica down: the next one takes it.
    m_replicas[0]->stop();
    silence.note = QStringLiteral("second disk");
    writer.outbox->submit(silence, {QStringLiteral("prod")});
    QTRY_COMPARE_WITH_TIMEOUT(writer.deliveredCount(), 2, 20000);
    const OutboxEntry second = writer.delivered.at(1);
    QVERIFY2(second.createdUrl.startsWith(QString::fromUtf8(m_replicas[1]->baseUrl())),
             qPrintable(second.createdUrl));
    QTRY_VERIFY(hasSilence(m_replicas[1]->silences(), second.createdId));
    QTRY_VERIFY_WITH_TIMEOUT(hasSilence(m_replicas[2]->silences(), second.createdId),
                             gossipTimeoutMs);
    QVERIFY2(m_replicas[0]->start(), qPrintable(m_replicas[0]->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(hasSilence(m_replicas[0]->silences(), second.createdId),
                             gossipTimeoutMs);
}

QTEST_GUILESS_MAIN(TestAlertmanagerCluster)
#include "tst_alertmanager_cluster.moc"
