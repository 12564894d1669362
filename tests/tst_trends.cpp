// SPDX-License-Identifier: MIT
// The trends page offscreen: two weeks of demo history against objectives, the demo's store
// seeded and read back off the UI thread. Screenshot: /tmp/dutyboard-trends.png.
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "demo/DemoHistory.h"
#include "tests/support/HistoryStore.h"
#include "tests/support/TestEnvironment.h"
#include "widgets/trends/TrendChart.h"
#include "widgets/trends/TrendsView.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

class TestTrends final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void objectivesFromConfig() {
        const Objectives o = parseObjectives(nlohmann::json::parse(
            R"({"objectives":{"max_open_bugs":0,"max_incidents_per_week":2}})"));
        QCOMPARE(o.maxOpenBugs.value_or(-1), 0);
        QCOMPARE(o.maxIncidentsPerWeek.value_or(-1), 2);
        QVERIFY(!o.maxAndonsPerWeek);
        try {
            parseObjectives(nlohmann::json::parse(R"({"objectives":{"max_open_bugs":"none"}})"));
            QFAIL("accepted a word");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), QStringLiteral("/objectives/max_open_bugs"));
        }
    }

    void chartsShowHistoryAgainstObjectives() {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);
        Objectives objectives;
        objectives.maxOpenBugs = 0;
        objectives.maxIncidentsPerWeek = 3;
        objectives.maxAndonsPerWeek = 1;
        TrendsView view(objectives);
        view.resize(1280, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const HistorySamples samples = demoHistory(now);
        QCOMPARE(samples.size(), size_t(14 * 24));
        view.setSamples(samples, now);

        QCOMPARE(view.bugChart()->pointCount(), 14 * 24);
        // 4 bugs open now against "no backlog": red, and it says so.
        QVERIFY(!view.bugChart()->objectiveMet());
        QVERIFY2(view.bugChart()->caption().contains(QStringLiteral("now 4")),
                 qPrintable(view.bugChart()->caption()));
        QVERIFY(view.bugChart()->caption().contains(QStringLiteral("not met")));
        // Two weeks of history from a Monday morning: three weeks shown, 5 severities each.
        QCOMPARE(view.incidentChart()->pointCount(), 3 * 5);
        // Rolling seven days: 5 incidents (objective 3) and 2 andons (objective 1), both red.
        QVERIFY2(view.incidentChart()->caption().contains(QStringLiteral("now 5")),
                 qPrintable(view.incidentChart()->caption()));
        QVERIFY(!view.incidentChart()->objectiveMet());
        QVERIFY(view.andonChart()->caption().contains(QStringLiteral("now 2")));
        QVERIFY(!view.andonChart()->objectiveMet());
        // RUN load: 14 days of 4 outcomes, and the RUN share on the working days; time to
        // resolve: a median per week. Without those objectives configured: no line, no caption.
        QVERIFY(view.runChart()->pointCount() > 14 * 4);
        QVERIFY(!view.runChart()->hasObjectiveLine());
        QVERIFY(view.runChart()->caption().isEmpty());
        QCOMPARE(view.resolveChart()->pointCount(), 3);
        QVERIFY(!view.resolveChart()->hasObjectiveLine());
        QVERIFY(view.andonChart()->hasObjectiveLine());
        QCOMPARE(view.andonChart()->objectiveValue(), 1.0);
        QTest::qWait(50);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-trends.png")));
    }

    void demoSeedsHistoryAndShowsTrendsPage() {
        std::unique_ptr<DemoServer> demo;
        const QByteArray config = AppContext::startDemo(&demo);
        QVERIFY(!config.isEmpty());
        AppContext context(parseConfig(config, QStringLiteral("demo")));
        context.keepDemoServer(std::move(demo));
        QVERIFY(!context.startHistory()); // no state open yet: no history
        QTemporaryDir dir;
        QString notice;
        QVERIFY2(context.openState(dir.filePath(QStringLiteral("demo-state.sqlite")), &notice),
                 qPrintable(notice));
        History *history = context.startHistory();
        QVERIFY(history);
        HistorySamples loaded = loadHistoryAndWait(*history, {});
        QCOMPARE(loaded.size(), size_t(14 * 24));

        // A refresh records the live board too.
        QSignalSpy all(context.board(), &Board::allAnswered);
        context.poller()->start();
        QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 15000);
        loaded = loadHistoryAndWait(*history, context.board()->clock().now().addSecs(-60));
        QCOMPARE(loaded.size(), size_t(1));
        QCOMPARE(loaded[0].bugsOpen, context.board()->panel(ItemKind::Bug)->rowCount());
    }
};

QTEST_MAIN(TestTrends)
#include "tst_trends.moc"
