// SPDX-License-Identifier: MIT
// The wall left alone, offscreen over a real Board and a manual clock: pages rotate on the
// clock, a clock jump re-arms the timers, and the wall is left only on purpose (Escape twice
// in a row, Ctrl+Q; never a click), with the cursor hidden while idle.
#include "app/wall/WallWindow.h"
#include "core/board/Board.h"
#include "core/time/ClockJumpWatch.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/WallFixture.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallView.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

const QDateTime start = fixtureStart();

} // namespace

class TestWallUnattended final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void rotationAdvancesOnTheFakeClock();
    void clockJumpRearmsTimers();
    void escapeOnceDoesNotLeave();
    void escapeWindowExpires();
    void clickDoesNotLeave();
    void ctrlQQuits();
    void cursorHidesWhenIdle();
};

void TestWallUnattended::rotationAdvancesOnTheFakeClock() {
    AnsweredBoard b;
    WallConfig config;
    config.layout = WallConfig::Layout::Pages;
    config.pages = {
        {ItemKind::Incident, ItemKind::Andon}, {ItemKind::Request, ItemKind::Bug}, {ItemKind::Bug}};
    config.pageIntervalS = 20;
    fillSampleBoard(b.board, start);
    WallView view(&b.board, config, QStringLiteral("Victor"));
    view.acknowledge(); // the sample's andon: a band, so the pages show
    view.resize(1280, 720);
    view.show();
    QCOMPARE(view.pageCount(), 3);
    QCOMPARE(view.currentPage(), 0);
    QCOMPARE(view.header()->pageText(), QStringLiteral("\u25CF\u25CB\u25CB  1/3"));
    QVERIFY(view.rotationTimer()->isActive());
    QVERIFY(view.rotationTimer()->remainingTime() <= 20000);

    b.clock.advanceSecs(19);
    view.rotationTick();
    QCOMPARE(view.currentPage(), 0);
    QVERIFY(view.rotationTimer()->remainingTime() <= 1000);
    b.clock.advanceSecs(1);
    view.rotationTick();
    QCOMPARE(view.currentPage(), 1);
    QCOMPARE(view.header()->pageText(), QStringLiteral("\u25CB\u25CF\u25CB  2/3"));
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-wall-pages.png")));
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("wall-page-1"))->isVisible());
    QVERIFY(!view.findChild<QWidget *>(QStringLiteral("wall-page-0"))->isVisible());
    b.clock.advanceSecs(40);
    view.rotationTick();
    QCOMPARE(view.currentPage(), 0); // wrapped around
    // A night's sleep lands on the right page, not a stale one.
    b.clock.advanceSecs(8 * 3600 + 25);
    view.rotationTick();
    QCOMPARE(view.currentPage(), static_cast<int>(((8 * 3600 + 25 + 60) / 20) % 3));

    // Tiles never rotate.
    WallView tiles(&b.board, WallConfig{}, QString());
    QCOMPARE(tiles.pageCount(), 1);
    QVERIFY(!tiles.rotationTimer()->isActive());
    QVERIFY(tiles.header()->pageText().isEmpty());
}

void TestWallUnattended::clockJumpRearmsTimers() {
    AnsweredBoard b;
    WallConfig config;
    config.layout = WallConfig::Layout::Pages;
    config.pages = {{ItemKind::Incident}, {ItemKind::Request}};
    WallView view(&b.board, config, QString());
    QSignalSpy jumped(view.clockJumpWatch(), &ClockJumpWatch::jumped);
    view.clockJumpWatch()->check();
    QCOMPARE(jumped.count(), 0);

    // The machine slept 3 hours: the wall clock moved, the monotonic one did not.
    b.clock.advanceSecs(3 * 3600 + 30);
    view.clockJumpWatch()->check();
    QCOMPARE(jumped.count(), 1);
    QVERIFY(jumped.first().first().toLongLong() > 3 * 3600 * 1000LL);
    // Re-armed against the new time: the minute tick lands on the next minute boundary.
    const qint64 intoMinute = b.clock.now().toMSecsSinceEpoch() % 60000;
    QVERIFY(qAbs(view.minuteTimer()->remainingTime() - (60000 - intoMinute + 250)) < 100);
    QCOMPARE(view.currentPage(), static_cast<int>(((3 * 3600 + 30) / 20) % 2));
    QVERIFY(view.header()->clockText() ==
            b.clock.now().toLocalTime().toString(QStringLiteral("HH:mm")));
}

void TestWallUnattended::escapeOnceDoesNotLeave() {
    AnsweredBoard b;
    WallWindow wall(&b.board, WallConfig{}, QString());
    QSignalSpy leave(&wall, &WallWindow::leaveRequested);
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1280, 720));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QTest::keyClick(&wall, Qt::Key_Escape);
    QCOMPARE(leave.count(), 0);
    auto *hint = wall.findChild<WallBand *>(QStringLiteral("leave-hint"));
    QVERIFY(hint->isVisible());
    QTest::keyClick(&wall, Qt::Key_Escape);
    QCOMPARE(leave.count(), 1);
    QVERIFY(!hint->isVisible());
}

void TestWallUnattended::escapeWindowExpires() {
    AnsweredBoard b;
    WallWindow wall(&b.board, WallConfig{}, QString());
    QSignalSpy leave(&wall, &WallWindow::leaveRequested);
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1280, 720));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QCOMPARE(wall.escapeTimer()->interval(), 1500);
    wall.setEscapeWindowMs(20);
    QTest::keyClick(&wall, Qt::Key_Escape);
    QTRY_VERIFY(!wall.escapeTimer()->isActive());
    QTest::keyClick(&wall, Qt::Key_Escape); // a first press again, not a second
    QCOMPARE(leave.count(), 0);
}

void TestWallUnattended::clickDoesNotLeave() {
    AnsweredBoard b;
    WallWindow wall(&b.board, WallConfig{}, QString());
    QSignalSpy leave(&wall, &WallWindow::leaveRequested);
    QSignalSpy quit(&wall, &WallWindow::quitRequested);
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1280, 720));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    b.board.applySnapshot(QStringLiteral("halts"),
                          {andonItem(QStringLiteral("h1"), QStringLiteral("sftp"), 60)});
    QTest::mouseClick(&wall, Qt::LeftButton, {}, QPoint(20, 20));
    QTest::mouseDClick(&wall, Qt::LeftButton, {}, QPoint(600, 400));
    QTest::mouseClick(&wall, Qt::RightButton, {}, QPoint(900, 600));
    QCOMPARE(leave.count(), 0);
    QCOMPARE(quit.count(), 0);
    QVERIFY(wall.isVisible());
    // Nor does a click acknowledge: that takes a key, on purpose.
    QVERIFY(wall.view()->takeover()->isVisible());
}

void TestWallUnattended::ctrlQQuits() {
    AnsweredBoard b;
    WallWindow wall(&b.board, WallConfig{}, QString());
    QSignalSpy quit(&wall, &WallWindow::quitRequested);
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1280, 720));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QTest::keyClick(&wall, Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(quit.count(), 1);
    // Quitting closes every window first: the wall must not refuse that close.
    QVERIFY(wall.close());
    QVERIFY(!wall.isVisible());
}

void TestWallUnattended::cursorHidesWhenIdle() {
    AnsweredBoard b;
    WallWindow wall(&b.board, WallConfig{}, QString());
    QCOMPARE(wall.cursorTimer()->interval(), 3000);
    wall.setCursorIdleMs(20);
    wall.showOn(QGuiApplication::primaryScreen(), QSize(1280, 720));
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QTRY_VERIFY(wall.cursorHidden());
    QCOMPARE(wall.cursor().shape(), Qt::BlankCursor);
    QTest::mouseMove(&wall, QPoint(300, 300));
    QVERIFY(!wall.cursorHidden());
    QVERIFY(wall.cursor().shape() != Qt::BlankCursor);
    QVERIFY(wall.cursorTimer()->isActive());
    QTRY_VERIFY(wall.cursorHidden());
}

QTEST_MAIN(TestWallUnattended)
#include "tst_wall_unattended.moc"
