// SPDX-License-Identifier: MIT
// The wall's alerts offscreen, on real widgets over a real Board and a manual clock: an andon
// takes the whole screen over, acknowledging leaves a band until it is resolved, a new SEV-1
// shows a banner, several andons share the takeover, and the pulse runs only while shown.
#include "app/wall/WallWindow.h"
#include "core/attention/WallAlerts.h"
#include "core/board/Board.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/WallFixture.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QGuiApplication>
#include <QListView>
#include <QScreen>
#include <QTest>
#include <QTimer>

namespace {

const QDateTime start = fixtureStart();

} // namespace

class TestWallTakeover final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void takeoverFollowsTheAndon();
    void andonPresentAtStartTakesOver();
    void acknowledgeLeavesABandUntilResolved();
    void severeIncidentBanner();
    void severalAndons();
    void pulseRunsOnlyWhileShown();
};

void TestWallTakeover::takeoverFollowsTheAndon() {
    AnsweredBoard b;
    WallView view(&b.board, WallConfig{}, QString());
    view.resize(1920, 1080);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.takeover()->isVisible());

    // Raised: it arrives as a row inserted in the andon panel.
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 90)});
    QVERIFY(view.takeover()->isVisible());
    QCOMPARE(view.takeover()->geometry(), view.rect());
    QCOMPARE(view.takeover()->projectText(), QStringLiteral("sftp"));
    QCOMPARE(view.takeover()->reasonText(), QStringLiteral("no backup or retention plan"));
    QCOMPARE(view.takeover()->whoText(),
             QStringLiteral("raised by Dana  \u00B7  halted for 1 min"));
    // The elapsed time moves with the clock.
    b.clock.advanceSecs(5 * 60);
    view.minuteTick();
    QVERIFY(view.takeover()->whoText().endsWith(QStringLiteral("halted for 6 min")));

    // Resolved: gone, no band left behind.
    b.board.applySnapshot(QStringLiteral("halts"), {});
    QVERIFY(!view.takeover()->isVisible());
    QVERIFY(!view.andonBand()->isVisible());
}

void TestWallTakeover::andonPresentAtStartTakesOver() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    board.applySnapshot(QStringLiteral("halts"),
                        {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 600)});
    WallView view(&board, WallConfig{}, QString());
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.takeover()->isVisible());
}

void TestWallTakeover::acknowledgeLeavesABandUntilResolved() {
    AnsweredBoard b;
    WallWindow wall(&b.board, WallConfig{}, QString());
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1920, 1080));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    WallView *view = wall.view();
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 600)});
    QVERIFY(view->takeover()->isVisible());

    QTest::keyClick(&wall, Qt::Key_Space);
    QVERIFY(!view->takeover()->isVisible());
    QVERIFY(view->andonBand()->isVisible());
    QVERIFY(isRed(view->andonBand()->fill()));
    QVERIFY(view->andonBand()->text().contains(QStringLiteral("ANDON: sftp halted for 10 min")));
    QVERIFY(view->andonBand()->y() < view->height() / 5); // at the top

    // A refresh that still has it changes nothing; a second andon takes over again.
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 600)});
    QVERIFY(!view->takeover()->isVisible());
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 600),
                           andonItem(QStringLiteral("h2"), QStringLiteral("ledger"), 30)});
    QVERIFY(view->takeover()->isVisible());
    QCOMPARE(view->takeover()->projectText(), QStringLiteral("ledger"));
    QTest::keyClick(&wall, Qt::Key_Return);
    QVERIFY(!view->takeover()->isVisible());

    // Resolved: the band goes too, and nothing is kept about it.
    b.board.applySnapshot(QStringLiteral("halts"), {});
    QVERIFY(!view->andonBand()->isVisible());
    QCOMPARE(view->alerts()->trackedKeys(), 0);
}

void TestWallTakeover::severeIncidentBanner() {
    AnsweredBoard b;
    // A SEV-1 already open when the source first answered is not news.
    ManualClock clock(start);
    Board fresh(clock);
    addStandardSources(fresh);
    // The wall is up before the source's first answer (the usual start).
    WallView quiet(&fresh, WallConfig{}, QString());
    fresh.applySnapshot(
        QStringLiteral("alerts"),
        {fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("old"),
                     QStringLiteral("Old outage"), start.addSecs(-3600), SeverityLevel::Critical)});
    fresh.applyHealth(QStringLiteral("alerts"), okHealthAt(start));
    QVERIFY(!quiet.incidentBanner()->isVisibleTo(&quiet));
    QCOMPARE(quiet.alerts()->incidentBanners().size(), size_t(0));

    WallWindow wall(&b.board, WallConfig{}, QString());
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1280, 720));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    WallView *view = wall.view();
    // A new SEV-3 is not banner material; a new SEV-1 is.
    b.board.applySnapshot(
        QStringLiteral("alerts"),
        {fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("w"),
                     QStringLiteral("Disk 91%"), start, SeverityLevel::Warning)});
    QVERIFY(!view->incidentBanner()->isVisible());
    b.board.applySnapshot(
        QStringLiteral("alerts"),
        {fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("w"),
                     QStringLiteral("Disk 91%"), start, SeverityLevel::Warning),
         fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("p"),
                     QStringLiteral("Payments API returns 5xx"), start.addSecs(-120),
                     SeverityLevel::Critical)});
    QVERIFY(view->incidentBanner()->isVisible());
    QVERIFY(!view->takeover()->isVisible());
    const QString text = view->incidentBanner()->text();
    QVERIFY2(text.startsWith(QStringLiteral("\u25C6 NEW SEV-1 (2 min)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Payments API returns 5xx")));
    QCoreApplication::processEvents(); // the list lays out its new rows on the next turn
    QVERIFY(wall.grab().save(QStringLiteral("/tmp/dutyboard-wall-sev1-banner.png")));
    QTest::keyClick(&wall, Qt::Key_Space);
    QVERIFY(!view->incidentBanner()->isVisible());
    // The incident itself stays on its panel.
    QCOMPARE(panelOf(view, QStringLiteral("incidents"))->list()->model()->rowCount(), 2);
}

void TestWallTakeover::severalAndons() {
    AnsweredBoard b;
    WallView view(&b.board, WallConfig{}, QString());
    view.resize(1920, 1080);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("a"), QStringLiteral("oldest"), 3 * 3600),
                           andonItem(QStringLiteral("b"), QStringLiteral("newest"), 60),
                           andonItem(QStringLiteral("c"), QStringLiteral("middle"), 600)});
    QCOMPARE(view.takeover()->andons().size(), size_t(3));
    QCOMPARE(view.takeover()->projectText(), QStringLiteral("newest"));
    QVERIFY(view.takeover()->headline().contains(QStringLiteral("3 PROJECTS HALTED")));
    const QStringList others = view.takeover()->othersText().split(QLatin1Char('\n'));
    QCOMPARE(others.size(), 2);
    QCOMPARE(others[0],
             QStringLiteral("\u25A0 middle  \u2014  no backup or retention plan  \u2014  10 min"));
    QVERIFY(others[1].startsWith(QStringLiteral("\u25A0 oldest")));
    QVERIFY(others[1].endsWith(QStringLiteral("3 h")));
    QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-wall-takeover-several.png")));
}

void TestWallTakeover::pulseRunsOnlyWhileShown() {
    AnsweredBoard b;
    WallView view(&b.board, WallConfig{}, QString());
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.takeover()->pulseTimer()->isActive());
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 60)});
    QVERIFY(view.takeover()->pulseTimer()->isActive());
    // It pulses: the level moves.
    const qreal first = view.takeover()->pulse();
    QTRY_VERIFY(qAbs(view.takeover()->pulse() - first) > 0.05);
    b.board.applySnapshot(QStringLiteral("halts"), {});
    QVERIFY(!view.takeover()->pulseTimer()->isActive());
}

QTEST_MAIN(TestWallTakeover)
#include "tst_wall_takeover.moc"
