// SPDX-License-Identifier: MIT
// Two sources on the same server: the warning a person reads at start (and a settings editor
// can show), and the split a new user makes on one real Alertmanager, one source on the
// incidents panel and one on the andons panel, each alert shown once.
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/config/DuplicateSources.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTest>

using nlohmann::json;

namespace {

json source(const char *name, const char *panel, const json &url,
            const char *type = "alertmanager") {
    return {{"name", name}, {"type", type}, {"panel", panel}, {"url", url}};
}

AppConfig configOf(const json &sources) {
    return parseConfig(QByteArray::fromStdString(json{{"sources", sources}}.dump()),
                       QStringLiteral("test"));
}

// One fetch of every source, waited for.
bool fetchAll(Poller *poller, Board *board, std::size_t sources) {
    QSignalSpy refreshed(board, &Board::sourceRefreshed);
    poller->fetchAllOnce();
    return QTest::qWaitFor(
        [&refreshed, sources] { return static_cast<std::size_t>(refreshed.count()) >= sources; },
        10000);
}

} // namespace

class TestDuplicateSources final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void warnings_data() {
        QTest::addColumn<QByteArray>("sources");
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<QStringList>("andonsElsewhere"); // the sources that leave their andons
        const json am = "http://am:9093";
        QTest::newRow("different servers")
            << QByteArray::fromStdString(
                   json{source("a", "incidents", am), source("b", "incidents", "http://am2:9093")}
                       .dump())
            << QStringList{} << QStringList{};
        QTest::newRow("incidents and andons split")
            << QByteArray::fromStdString(json{source("alerts", "incidents", am),
                                              source("andons", "andons", "http://am:9093/")}
                                             .dump())
            << strings({"sources \"alerts\" and \"andons\" read the same URL http://am:9093: "
                        "\"andons\" shows its andons, \"alerts\" the other alerts"})
            << strings({"alerts"});
        QTest::newRow("twice on one panel")
            << QByteArray::fromStdString(
                   json{source("a", "incidents", am), source("b", "incidents", am)}.dump())
            << strings({"sources \"a\" and \"b\" read the same URL http://am:9093: \"a\" shows "
                        "each of their alerts once, \"b\" none"})
            << QStringList{};
        json filtered = source("b", "incidents", am);
        filtered["filter"] = "team=sre";
        QTest::newRow("twice, another filter")
            << QByteArray::fromStdString(json{source("a", "incidents", am), filtered}.dump())
            << strings({"sources \"a\" and \"b\" read the same URL http://am:9093: an item they "
                        "both read may show twice; one source per server is enough"})
            << QStringList{};
        QTest::newRow("a cluster and one of its replicas")
            << QByteArray::fromStdString(
                   json{source("cluster", "incidents", {"http://am-0:9093", "http://am-1:9093"}),
                        source("andons", "andons", "http://am-1:9093")}
                       .dump())
            << strings({"sources \"cluster\" and \"andons\" read the same URL "
                        "http://am-1:9093: an item they both read may show twice; one "
                        "source per server is enough"})
            << QStringList{}; // not the same Alertmanager: the cluster keeps its andons
        QTest::newRow("the same cluster split")
            << QByteArray::fromStdString(
                   json{source("cluster", "incidents", {"http://am-0:9093", "http://am-1:9093"}),
                        source("andons", "andons", {"http://am-1:9093", "http://am-0:9093"})}
                       .dump())
            << strings({"sources \"cluster\" and \"andons\" read the same URL "
                        "http://am-0:9093: \"andons\" shows its andons, \"cluster\" the "
                        "other alerts"})
            << strings({"cluster"});
        QTest::newRow("generic sources too")
            << QByteArray::fromStdString(json{source("a", "bugs", "http://x/api", "generic"),
                                              source("b", "requests", "http://x/api", "generic")}
                                             .dump())
            << strings({"sources \"a\" and \"b\" read the same URL http://x/api: an item they "
                        "both read may show twice; one source per server is enough"})
            << QStringList{};
    }

    void warnings() {
        QFETCH(QByteArray, sources);
        QFETCH(QStringList, warnings);
        QFETCH(QStringList, andonsElsewhere);
        const AppConfig config = configOf(json::parse(sources.toStdString()));
        QCOMPARE(duplicateSourceWarnings(config.sources), warnings);
        QStringList leaving;
        for (const SourceConfig &s : config.sources) {
            if (s.andonsElsewhere)
                leaving.append(s.name);
        }
        QCOMPARE(leaving, andonsElsewhere);
    }

    // Tried as a new user would: one Alertmanager, an incidents source and an andons source.
    void incidentsAndAndonsOnOneAlertmanager() {
        AlertmanagerProcess am;
        QVERIFY2(am.start(), qPrintable(am.errorString()));
        QVERIFY2(am.postAlerts(R"([{"labels":{"alertname":"DiskFull","severity":"critical"}},
                                  {"labels":{"alertname":"Andon","andon":"true","project":"sftp"}}])"),
                 qPrintable(am.errorString()));
        const std::string url = am.baseUrl().toStdString();
        // Alerts only; then an andons source beside; then a second incidents source as well.
        for (int sourceCount = 1; sourceCount <= 3; ++sourceCount) {
            const json all = {source("alerts", "incidents", url), source("andons", "andons", url),
                              source("alerts-again", "incidents", url)};
            const AppConfig config = configOf(json(all.begin(), all.begin() + sourceCount));
            Board board;
            HttpClient http;
            SourceSet set;
            Poller poller(&board, &http);
            for (const SourceConfig &s : config.sources)
                poller.addSource(set.add(ConnectorRegistry::builtin().create(s)));
            // Alertmanager takes a posted alert a moment later: read until both are there.
            QTRY_VERIFY_WITH_TIMEOUT(fetchAll(&poller, &board, config.sources.size()) &&
                                         !board.panel(ItemKind::Incident)->items().empty() &&
                                         !board.panel(ItemKind::Andon)->items().empty(),
                                     10000);
            // Each alert once: the andon from the andons source when there is one.
            QCOMPARE(board.panel(ItemKind::Incident)->items().size(), std::size_t(1));
            QCOMPARE(board.panel(ItemKind::Andon)->items().size(), std::size_t(1));
            QCOMPARE(board.panel(ItemKind::Andon)->items().front().source,
                     sourceCount == 1 ? QStringLiteral("alerts") : QStringLiteral("andons"));
            QCOMPARE(board.panel(ItemKind::Incident)->items().front().source,
                     QStringLiteral("alerts"));
        }
    }
};

QTEST_GUILESS_MAIN(TestDuplicateSources)
#include "tst_duplicate_sources.moc"
