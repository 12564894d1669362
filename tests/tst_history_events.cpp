// SPDX-License-Identifier: MIT
// What the history counts between two records (incidents and andons resolved, requests triaged,
// investigations escalated), how downsampling keeps those sums, a store from the first version
// gaining the new columns, the totals the charts draw and the objectives judged on them.
#include "app/AppContext.h"
#include "core/attention/ObjectiveStatus.h"
#include "core/board/Board.h"
#include "core/lean/LeanState.h"
#include "core/store/History.h"
#include "core/store/ResolutionWatch.h"
#include "core/store/Store.h"
#include "demo/DemoHistory.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/HistoryStore.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Item incident(const QString &id, const QDateTime &created) {
    return fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), id, id, created,
                       SeverityLevel::High);
}

} // namespace

class TestHistoryEvents final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void resolutionsAreWhatLeavesTheBoard() {
        const QDateTime t0 = at("2026-11-30T09:00:00Z");
        ManualClock clock(t0);
        Board board(clock);
        addStandardSources(board);
        board.applySnapshot(QStringLiteral("alerts"),
                            {incident(QStringLiteral("a"), t0.addSecs(-3600)),
                             incident(QStringLiteral("b"), QDateTime())});
        Item andon = fixtureItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                                 QStringLiteral("halt"), t0);
        board.applySnapshot(QStringLiteral("halts"), {andon});
        ResolutionWatch watch;
        watch.observe(board, t0); // the first look only learns
        QCOMPARE(watch.size(), 0);

        // Ten minutes later "a" (created an hour before t0) is gone, and the andon too.
        const QDateTime t1 = t0.addSecs(600);
        board.applySnapshot(QStringLiteral("alerts"), {incident(QStringLiteral("b"), QDateTime())});
        board.applySnapshot(QStringLiteral("halts"), {});
        watch.observe(board, t1);
        const ResolutionWatch::Resolved first = watch.resolvedIn(t0, t1);
        QCOMPARE(first.resolveS, std::vector<qint64>{4200});
        QCOMPARE(first.andons, 1);
        QVERIFY(watch.resolvedIn(t1, t1.addSecs(60)).resolveS.empty()); // not in a later period

        // "b" had no creation time: counted from when it was first seen.
        board.applySnapshot(QStringLiteral("alerts"), {});
        const QDateTime t2 = t1.addSecs(1800);
        watch.observe(board, t2);
        // Kept until recorded: a period another instance recorded first is offered again.
        QCOMPARE(watch.resolvedIn(QDateTime(), t2).resolveS, (std::vector<qint64>{4200, 2400}));
        watch.forgetUpTo(t1);
        QCOMPARE(watch.resolvedIn(QDateTime(), t2).resolveS, std::vector<qint64>{2400});
        QCOMPARE(watch.resolvedIn(QDateTime(), t2).andons, 0);
        watch.forgetUpTo(t2);
        QCOMPARE(watch.size(), 0);
    }

    void downsamplingKeepsTheHoursSums() {
        QTemporaryDir dir;
        Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
        QVERIFY(openCleanStore(store));
        const QDateTime now = at("2026-11-30T09:00:00Z");
        const QDateTime hour = now.addDays(-40);
        const HistoryLimits limits{300, 30, 50000};
        store.runBlocking([&](QSqlDatabase &db) {
            for (int i = 0; i < 12; ++i) { // one old hour, a record every 5 minutes
                HistorySample s;
                s.at = hour.addSecs(300 * i);
                s.bugsOpen = i;
                s.incidentsNewBySev = {1, 0, 0, 0, 0};
                s.triaged = {1, i % 2, 0, 0};
                s.escalated = 1;
                s.andonsResolved = i == 3 ? 1 : 0;
                s.resolveS = i < 2 ? std::vector<qint64>{600LL * (i + 1)} : std::vector<qint64>{};
                HistorySql::insert(db, s);
            }
            return QVariant(HistorySql::prune(db, now, limits));
        });
        for (int pass = 0; pass < 2; ++pass) { // pruning again changes nothing
            const HistorySamples kept = loadAllHistory(store);
            QCOMPARE(kept.size(), size_t(1));
            QCOMPARE(kept[0].at, hour);
            QCOMPARE(kept[0].bugsOpen, 0); // a level: the first of the hour
            QCOMPARE(kept[0].incidentsNewBySev[0], 12);
            QCOMPARE(kept[0].triaged, (std::array<int, 4>{12, 6, 0, 0}));
            QCOMPARE(kept[0].escalated, 12);
            QCOMPARE(kept[0].andonsResolved, 1);
            std::vector<qint64> resolve = kept[0].resolveS;
            std::sort(resolve.begin(), resolve.end());
            QCOMPARE(resolve, (std::vector<qint64>{600, 1200}));
            QCOMPARE(pruneHistory(store, now, limits), 0);
        }
    }

    void aFirstVersionStoreGainsTheColumns() {
        if (testStateIsPostgres())
            QSKIP("dutyboard 0.1 kept its history in SQLite only");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        {
            // dutyboard 0.1's table, written before the store had a schema version.
            QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                         QStringLiteral("first-version"));
            old.setDatabaseName(path);
            QVERIFY(old.open());
            QSqlQuery q(old);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE history (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, requests "
                "INTEGER, bugs INTEGER, oldest_bug_s INTEGER, sev1 INTEGER, sev2 INTEGER, sev3 "
                "INTEGER, sev4 INTEGER, sev5 INTEGER, andons INTEGER, new1 INTEGER, new2 "
                "INTEGER, new3 INTEGER, new4 INTEGER, new5 INTEGER, andons_raised INTEGER)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO history VALUES (1, 1700000000, 3, 2, 60, "
                                          "0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1)")));
            old.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("first-version"));
        Store store(path);
        QVERIFY(openCleanStore(store));
        const HistorySamples rows = loadAllHistory(store);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].bugsOpen, 2);
        QCOMPARE(rows[0].andonsRaised, 1);
        QCOMPARE(rows[0].triaged, (std::array<int, 4>{}));
        QVERIFY(rows[0].resolveS.empty());
    }

    void totalsForTheCharts() {
        const QDateTime now = at("2026-11-30T09:00:00Z"); // a Monday
        HistorySample mon;
        mon.at = at("2026-11-30T08:00:00Z");
        mon.triaged = {2, 1, 0, 0};
        mon.resolveS = {3600};
        HistorySample sun;
        sun.at = at("2026-11-29T15:00:00Z");
        sun.triaged = {0, 1, 1, 0};
        sun.resolveS = {7200, 10800};
        sun.andonsResolved = 1;
        const std::vector<HistoryDay> days = historyDays({sun, mon}, now, 3);
        QCOMPARE(days.size(), size_t(3));
        QCOMPARE(days[0].day, QDate(2026, 11, 28));
        QCOMPARE(days[1].triaged, (std::array<int, 4>{0, 1, 1, 0}));
        QCOMPARE(days[2].triaged, (std::array<int, 4>{2, 1, 0, 0}));
        const std::vector<HistoryWeek> weeks = historyWeeks({sun, mon}, now, 2);
        QCOMPARE(weeks[0].medianResolveS().value_or(-1), 9000); // median of 2 h and 3 h
        QCOMPARE(weeks[0].andonsResolved, 1);
        QCOMPARE(weeks[1].medianResolveS().value_or(-1), 3600);
        const HistoryWeek rolling = historyLastSevenDays({sun, mon}, now);
        QCOMPARE(rolling.medianResolveS().value_or(-1), 7200);
        QCOMPARE(rolling.runPercent().value_or(-1), 40.0); // 2 toil of 5
        QVERIFY(!HistoryWeek().medianResolveS());
        QVERIFY(!HistoryWeek().runPercent());
    }

    void objectivesJudged_data() {
        QTest::addColumn<QByteArray>("objectives");
        QTest::addColumn<QStringList>("expected"); // key: text
        // Demo history: 4 bugs now; in the last 7 days 5 incidents and 2 andons.
        QTest::newRow("missed")
            << QByteArray(R"({"max_open_bugs":0,"max_incidents_per_week":0,"max_run_percent":0})")
            << QStringList{
                   u"max_run_percent: \u2264 0 % RUN"_s,
                   u"max_open_bugs: \u2264 0 open bugs \u00b7 now 4 \u00b7 \u2717 not met"_s,
                   u"max_incidents_per_week: \u2264 0 incidents a week \u00b7 now 5 in 7 "
                   "days \u00b7 \u2717 not met"_s};
        QTest::newRow("met")
            << QByteArray(R"({"max_open_bugs":4,"max_andons_per_week":2,"max_run_percent":100,
                              "max_median_resolve_h":48})")
            << QStringList{u"max_run_percent: \u2264 100 % RUN"_s,
                           u"max_open_bugs: \u2264 4 open bugs \u00b7 now 4 \u00b7 \u2713 met"_s,
                           u"max_median_resolve_h: median to resolve \u2264 48 h"_s,
                           u"max_andons_per_week: \u2264 2 andons a week \u00b7 now 2 in 7 days "
                           "\u00b7 \u2713 met"_s};
        QTest::newRow("none configured") << QByteArray("{}") << QStringList{};
    }
    void objectivesJudged() {
        QFETCH(QByteArray, objectives);
        QFETCH(QStringList, expected);
        const QDateTime now = at("2026-11-30T09:00:00Z");
        const Objectives o = parseObjectives(
            nlohmann::json{{"objectives", nlohmann::json::parse(objectives.toStdString())}});
        const std::vector<ObjectiveState> states = objectiveStates(o, demoHistory(now), now);
        QCOMPARE(states.size(), size_t(expected.size()));
        for (size_t i = 0; i < states.size(); ++i) {
            const QString got = states[i].key + QStringLiteral(": ") + states[i].text();
            QVERIFY2(got.startsWith(expected[static_cast<qsizetype>(i)]), qPrintable(got));
            QCOMPARE(states[i].met, got.endsWith(u"\u2713 met"_s));
        }
    }

    // Triage decisions through the dashboard's own store reach the next record.
    void triageAndEscalationRecorded() {
        std::unique_ptr<DemoServer> demo;
        const QByteArray config = AppContext::startDemo(&demo);
        QVERIFY(!config.isEmpty());
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("state.sqlite"));
        AppContext context(withTestState(nlohmann::json::parse(config.toStdString()), state));
        context.keepDemoServer(std::move(demo));
        QString notice;
        QVERIFY(context.openState(state, &notice));
        History *history = context.startHistory();
        QVERIFY(history);
        TriageStore *triage = context.leanState()->triage();
        triage->decide(QStringLiteral("desk"), QStringLiteral("r1"), Triage::SelfService, {});
        triage->decide(QStringLiteral("desk"), QStringLiteral("r2"), Triage::Toil, {});
        triage->decide(QStringLiteral("desk"), QStringLiteral("r3"), Triage::Project, {});
        triage->decide(QStringLiteral("desk"), QStringLiteral("r2"), Triage::Bug, {}); // escalated
        QSignalSpy all(context.board(), &Board::allAnswered);
        context.poller()->start();
        QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 15000);
        const HistorySamples loaded =
            loadHistoryAndWait(*history, context.board()->clock().now().addSecs(-60));
        QCOMPARE(loaded.size(), size_t(1));
        QCOMPARE(loaded[0].triaged, (std::array<int, 4>{1, 1, 0, 1}));
        QCOMPARE(loaded[0].escalated, 1);
    }
};

QTEST_MAIN(TestHistoryEvents)
#include "tst_history_events.moc"
