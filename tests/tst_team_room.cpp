// SPDX-License-Identifier: MIT
// What the room sees, kept in the team's store: an andon acknowledged on a wall stays
// acknowledged on every dutyboard showing that wall and after a restart, while a wall with
// another name keeps its own takeover; a new incident's banner acknowledged on one instance of
// a wall goes on the other. The on-duty name set by hand reaches every screen, and holds until
// the schedule names someone other than the person it replaced.
#include "core/attention/WallAcknowledgements.h"
#include "core/attention/WallAlerts.h"
#include "core/board/Board.h"
#include "core/lean/OnDuty.h"
#include "core/lean/OnDutyByHand.h"
#include "core/sources/SourceFetcher.h"
#include "core/store/Store.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

#include <memory>

namespace {

// One dutyboard showing a wall: its board (one andon on it), its own store connection.
struct WallInstance {
    WallInstance(const StoreLocation &where, const QString &wall, const Clock &clock)
        : board(clock)
        , store(where)
        , opened(store.open(&notice)) {
        addStandardSources(board);
        board.applySnapshot(
            QStringLiteral("halts"),
            {fixtureItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                         QStringLiteral("halt"), clock.now())});
        alerts = std::make_unique<WallAlerts>(&board);
        acks = std::make_unique<WallAcknowledgements>(&store, wall, clock);
        alerts->setAcknowledgements(acks.get());
    }
    Board board;
    Store store;
    QString notice;
    bool opened;
    std::unique_ptr<WallAlerts> alerts;
    std::unique_ptr<WallAcknowledgements> acks;
};

// The schedule's answer naming `person`.
FetchOutcome scheduleNames(const QString &person) {
    FetchOutcome outcome;
    outcome.ok = true;
    outcome.items.push_back(fixtureItem(ItemKind::Request, QStringLiteral("schedule"),
                                        QStringLiteral("1"), person, QDateTime()));
    return outcome;
}

} // namespace

class TestTeamRoom final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    }

    void anAndonAcknowledgedOnAWallStaysAcknowledgedOnThatWall() {
        const StoreLocation where = m_pg.storeLocation(QStringLiteral("room_andon"));
        ManualClock clock(fixtureStart());
        auto tv = std::make_unique<WallInstance>(where, QStringLiteral("tv-3rd-floor"), clock);
        WallInstance sameWall(where, QStringLiteral("tv-3rd-floor"), clock);
        WallInstance otherWall(where, QStringLiteral("tv-lobby"), clock);
        QVERIFY(tv->opened && sameWall.opened && otherWall.opened);
        QVERIFY(tv->alerts->hasTakeover());
        QVERIFY(sameWall.alerts->hasTakeover());

        // Space in front of the third floor's TV.
        QVERIFY(tv->alerts->acknowledge());
        QVERIFY(!tv->alerts->hasTakeover());
        QCOMPARE(tv->alerts->acknowledgedAndons().size(), size_t(1)); // the red band stays
        QTRY_VERIFY_WITH_TIMEOUT(!sameWall.alerts->hasTakeover(), 1000);
        // The lobby did not see it: its takeover stays.
        QTest::qWait(300);
        QVERIFY(otherWall.alerts->hasTakeover());

        // The TV restarts: the andon it acknowledged does not take the screen over again.
        tv.reset();
        WallInstance restarted(where, QStringLiteral("tv-3rd-floor"), clock);
        QTRY_VERIFY_WITH_TIMEOUT(!restarted.alerts->hasTakeover(), 1000);
        QCOMPARE(restarted.alerts->acknowledgedAndons().size(), size_t(1));
    }

    void aBannerAcknowledgedOnOneInstanceGoesOnTheOther() {
        const StoreLocation where = m_pg.storeLocation(QStringLiteral("room_banner"));
        ManualClock clock(fixtureStart());
        WallInstance a(where, QStringLiteral("tv"), clock);
        WallInstance b(where, QStringLiteral("tv"), clock);
        QVERIFY(a.opened && b.opened);
        QVERIFY(a.alerts->acknowledge()); // the andon first
        QTRY_VERIFY_WITH_TIMEOUT(!b.alerts->hasTakeover(), 1000);
        // A SEV-1 arrives after both walls saw the source answer: a banner on both.
        for (WallInstance *wall : {&a, &b})
            wall->board.applyHealth(QStringLiteral("alerts"), okHealthAt(clock.now()));
        Item sev1 = fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("i1"),
                                QStringLiteral("payments down"), clock.now());
        sev1.severity.level = SeverityLevel::Critical;
        for (WallInstance *wall : {&a, &b})
            wall->board.applySnapshot(QStringLiteral("alerts"), {sev1});
        QCOMPARE(a.alerts->incidentBanners().size(), size_t(1));
        QCOMPARE(b.alerts->incidentBanners().size(), size_t(1));
        QVERIFY(a.alerts->acknowledge());
        QTRY_VERIFY_WITH_TIMEOUT(b.alerts->incidentBanners().empty(), 1000);
    }

    void theOnDutyNameSetByHandReachesEveryScreen() {
        const StoreLocation where = m_pg.storeLocation(QStringLiteral("room_duty"));
        ManualClock clock(fixtureStart());
        Store deskStore(where);
        Store wallStore(where);
        QString notice;
        QVERIFY(deskStore.open(&notice) && wallStore.open(&notice));
        OnDuty desk(QStringLiteral("ana"), clock);
        OnDuty wall(QStringLiteral("ana"), clock);
        // The schedule names ana on both.
        desk.apply(scheduleNames(QStringLiteral("ana")));
        wall.apply(scheduleNames(QStringLiteral("ana")));
        OnDutyByHand deskByHand(&deskStore, &desk, clock);
        OnDutyByHand wallByHand(&wallStore, &wall, clock);

        // Victor takes over the RUN on the desk.
        deskByHand.set(QStringLiteral("victor"), QStringLiteral("ana"));
        QCOMPARE(desk.person(), QStringLiteral("victor"));
        QTRY_COMPARE_WITH_TIMEOUT(wall.person(), QStringLiteral("victor"), 1000);
        QVERIFY(wall.isByHand());
        QCOMPARE(wall.setBy(), QStringLiteral("ana"));
        // The schedule still says ana: the hand-set name holds.
        wall.apply(scheduleNames(QStringLiteral("ana")));
        QCOMPARE(wall.person(), QStringLiteral("victor"));

        // A restart reads it back.
        {
            Store again(where);
            QVERIFY(again.open(&notice));
            OnDuty restarted(QStringLiteral("ana"), clock);
            OnDutyByHand byHand(&again, &restarted, clock);
            QTRY_COMPARE_WITH_TIMEOUT(restarted.person(), QStringLiteral("victor"), 1000);
        }

        // The schedule moves on to someone else: its word is the latest.
        wall.apply(scheduleNames(QStringLiteral("chloe")));
        QCOMPARE(wall.person(), QStringLiteral("chloe"));
        QVERIFY(!wall.isByHand());
        // Set back to the schedule by hand (empty): both follow the schedule.
        clock.set(clock.now().addSecs(60));
        wallByHand.set(QString(), QStringLiteral("victor"));
        QTRY_VERIFY_WITH_TIMEOUT(!desk.isByHand(), 1000);
        QCOMPARE(desk.person(), QStringLiteral("ana"));
    }

private:
    PostgresProcess m_pg;
};

QTEST_GUILESS_MAIN(TestTeamRoom)
#include "tst_team_room.moc"
