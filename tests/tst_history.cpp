// SPDX-License-Identifier: MIT
// History in the store (SQLite, and PostgreSQL in the "_postgres" run): samples from the board,
// asynchronous records, downsampling after 30 days and the row cap, all against an injected clock.
#include "core/board/Board.h"
#include "core/store/History.h"
#include "core/store/Store.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/HistoryStore.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

QDateTime at(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TestHistory final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void samplesTheBoard() {
        const QDateTime now = at("2026-11-30T09:00:00Z");
        ManualClock clock(now);
        Board board(clock);
        addStandardSources(board);
        fillSampleBoard(board, now);
        const HistorySample s = sampleBoard(board, now, now.addSecs(-3600));
        QCOMPARE(s.requestsOpen, board.panel(ItemKind::Request)->rowCount());
        QCOMPARE(s.bugsOpen, board.panel(ItemKind::Bug)->rowCount());
        QVERIFY(s.bugsOpen > 0);
        QCOMPARE(s.incidentsOpen(), board.panel(ItemKind::Incident)->rowCount());
        QVERIFY(s.incidentsBySev[0] >= 1); // the fixture has a SEV-1
        QCOMPARE(s.andonsOpen, 1);
        qint64 oldest = 0;
        for (const Item &bug : board.panel(ItemKind::Bug)->items())
            oldest = std::max(oldest, bug.createdAt.secsTo(now));
        QCOMPARE(s.oldestBugAgeS, oldest);
        // Appeared in the last hour: the SEV-1 (14 min), the SEV-2 (52 min), the unknown one
        // (40 min) and the andon (25 min); not the 3 h warning nor the 26 h info.
        QCOMPARE(s.incidentsNewBySev, (std::array<int, 5>{1, 1, 0, 0, 1}));
        QCOMPARE(s.andonsRaised, 1);
    }

    void weeksStartOnMondayOldestFirst() {
        const QDateTime now = at("2026-11-30T09:00:00Z");                 // a Monday
        HistorySample lastWeek = sampleAt(at("2026-11-29T23:00:00Z"), 0); // Sunday
        lastWeek.incidentsNewBySev = {1, 0, 2, 0, 0};
        lastWeek.andonsRaised = 1;
        HistorySample thisWeek = sampleAt(at("2026-11-30T08:00:00Z"), 0);
        thisWeek.incidentsNewBySev = {0, 1, 0, 0, 0};
        HistorySample tooOld = sampleAt(at("2026-11-01T08:00:00Z"), 0);
        tooOld.andonsRaised = 5;
        const std::vector<HistoryWeek> weeks = historyWeeks({tooOld, lastWeek, thisWeek}, now, 3);
        QCOMPARE(weeks.size(), size_t(3));
        QCOMPARE(weeks[0].monday, QDate(2026, 11, 16));
        QCOMPARE(weeks[2].monday, QDate(2026, 11, 30));
        QCOMPARE(weeks[0].incidents(), 0);
        QCOMPARE(weeks[0].andons, 0);
        QCOMPARE(weeks[1].incidentsBySev, (std::array<int, 5>{1, 0, 2, 0, 0}));
        QCOMPARE(weeks[1].andons, 1);
        QCOMPARE(weeks[2].incidents(), 1);
    }

    void recordsAsynchronouslyAndSkipsCloseRefreshes() {
        QTemporaryDir dir;
        Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
        QVERIFY(openCleanStore(store));
        const QDateTime start = at("2026-11-30T09:00:00Z");
        ManualClock clock(start);
        History history(&store, clock, HistoryLimits{300, 30, 50000});
        for (int i = 0; i < 10; ++i) // every minute for 10 minutes: only every 5 min is kept
            history.record(sampleAt(start.addSecs(60 * i), i));
        HistorySamples loaded;
        bool done = false;
        history.load({}, this, [&](HistorySamples samples) {
            loaded = std::move(samples);
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(loaded.size(), size_t(2));
        QCOMPARE(loaded[0], sampleAt(start, 0));
        QCOMPARE(loaded[1], sampleAt(start.addSecs(300), 5));
    }

    void downsamplesOldRowsToOnePerHour() {
        QTemporaryDir dir;
        Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
        QVERIFY(openCleanStore(store));
        const QDateTime now = at("2026-11-30T09:00:00Z");
        const HistoryLimits limits{300, 30, 50000};
        const QVariant result = store.runBlocking([&](QSqlDatabase &db) {
            db.transaction(); // one commit: full sync per row would take a minute
            // 40 days of a sample every 5 minutes (12 per hour), oldest first.
            const QDateTime first = now.addDays(-40);
            for (qint64 t = 0; t < 40LL * 86400; t += 300)
                HistorySql::insert(db, sampleAt(first.addSecs(t), static_cast<int>(t / 300)));
            db.commit();
            return QVariant(HistorySql::prune(db, now, limits));
        });
        // 10 days beyond the window: 10 * 24 hours kept of 10 * 24 * 12 rows.
        QCOMPARE(result.toInt(), 10 * 24 * 11);
        const HistorySamples kept = loadAllHistory(store);
        QCOMPARE(kept.size(), size_t(10 * 24 + 30 * 24 * 12));
        // Old rows: one per hour, the first of each hour.
        QCOMPARE(kept[0].at, now.addDays(-40));
        QCOMPARE(kept[1].at, now.addDays(-40).addSecs(3600));
        QCOMPARE(kept[1].bugsOpen, 12);
        // Recent rows: untouched, every 5 minutes.
        const HistorySample &recent = kept[10 * 24];
        QCOMPARE(recent.at, now.addDays(-30));
        QCOMPARE(kept[10 * 24 + 1].at, now.addDays(-30).addSecs(300));
        // Pruning again changes nothing.
        QCOMPARE(pruneHistory(store, now, limits), 0);
    }

    void capDropsTheOldestRows() {
        QTemporaryDir dir;
        Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
        QVERIFY(openCleanStore(store));
        const QDateTime now = at("2026-11-30T09:00:00Z");
        const HistoryLimits limits{300, 30, 100};
        const int rows = store
                             .runBlocking([&](QSqlDatabase &db) {
                                 for (int i = 0; i < 250; ++i)
                                     HistorySql::insert(db, sampleAt(now.addSecs(-60 * i), i));
                                 HistorySql::prune(db, now, limits);
                                 return QVariant(HistorySql::rowCount(db));
                             })
                             .toInt();
        QCOMPARE(rows, 100);
        const HistorySamples kept = loadAllHistory(store);
        // The newest 100 are the ones left: bugs 99 (oldest kept) down to 0 (now).
        QCOMPARE(kept.front().bugsOpen, 99);
        QCOMPARE(kept.back().at, now);
    }

    void recordPrunesThroughTheStore() {
        QTemporaryDir dir;
        Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
        QVERIFY(openCleanStore(store));
        const QDateTime start = at("2026-11-30T09:00:00Z");
        ManualClock clock(start);
        History history(&store, clock, HistoryLimits{0, 30, 20});
        for (int i = 0; i < 120; ++i) {
            clock.set(start.addSecs(i));
            history.record(sampleAt(clock.now(), i));
        }
        // Prunes run with records 1, 51 and 101: 20 rows left then, and 19 recorded since.
        const int rows =
            store.runBlocking([](QSqlDatabase &db) { return QVariant(HistorySql::rowCount(db)); })
                .toInt();
        QCOMPARE(rows, 39);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
