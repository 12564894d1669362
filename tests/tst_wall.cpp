// SPDX-License-Identifier: MIT
// The wall screen offscreen, on real widgets over a real Board and a manual clock: what a
// person across the room would see (sizes measured against the height, screenshots), and how
// it behaves unattended (takeover, acknowledgement, rotation, leaving only on purpose).
#include "AndonTakeover.h"
#include "Board.h"
#include "BoardFixture.h"
#include "ClockJumpWatch.h"
#include "TestEnvironment.h"
#include "WallAlerts.h"
#include "WallBand.h"
#include "WallHeader.h"
#include "WallItemDelegate.h"
#include "WallPanel.h"
#include "WallView.h"
#include "WallWindow.h"

#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

const QDateTime start(QDate(2026, 11, 30), QTime(9, 41, 30), Qt::UTC);

WallPanel *panelOf(WallView *view, const QString &name) {
    return view->findChild<WallPanel *>(QStringLiteral("wall-panel-") + name);
}

Item andonItem(const QString &id, const QString &project, qint64 ageSecs) {
    Item a = fixtureItem(ItemKind::Andon, QStringLiteral("halts"), id, QStringLiteral("halt"),
                         start.addSecs(-ageSecs));
    a.project = project;
    a.reason = QStringLiteral("no backup or retention plan");
    a.raisedBy = QStringLiteral("Dana");
    return a;
}

// A board whose sources have all answered once: what arrives now is news.
struct AnsweredBoard {
    ManualClock clock{start};
    Board board{clock};
    AnsweredBoard() {
        addStandardSources(board);
        for (const char *name : {"alerts", "halts", "jira-run", "jira-bugs"})
            board.applyHealth(QLatin1String(name), okHealthAt(start));
    }
};

// What the wall says, in the colours it says it in, close enough for a test: the band fill.
bool isRed(const QColor &c) {
    return c.red() > 150 && c.green() < 80 && c.blue() < 80;
}

} // namespace

class TestWall final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void screenshots_data();
    void screenshots();
    void longTitlesElide();
    void overflowSaysHowManyMore();
    void takeoverFollowsTheAndon();
    void andonPresentAtStartTakesOver();
    void acknowledgeLeavesABandUntilResolved();
    void severeIncidentBanner();
    void severalAndons();
    void pulseRunsOnlyWhileShown();
    void rotationAdvancesOnTheFakeClock();
    void clockJumpRearmsTimers();
    void staleAndFailedPanelsSayWhy();
    void escapeOnceDoesNotLeave();
    void escapeWindowExpires();
    void clickDoesNotLeave();
    void ctrlQQuits();
    void cursorHidesWhenIdle();
};

void TestWall::screenshots_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("720p") << QSize(1280, 720);
    QTest::newRow("1080p") << QSize(1920, 1080);
    QTest::newRow("4k") << QSize(3840, 2160);
}

void TestWall::screenshots() {
    QFETCH(QSize, size);
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    fillSampleBoard(board, start);
    WallConfig config;
    config.pages = {defaultWallPanels()};
    WallWindow wall(&board, config, QStringLiteral("Victor"));
    wall.showOn(QGuiApplication::primaryScreen(), size);
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QCOMPARE(wall.size(), size);
    WallView *view = wall.view();
    const QString tag = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());

    // The sample board has an andon: it takes the screen over first.
    QVERIFY(view->takeover()->isVisible());
    QCOMPARE(view->takeover()->geometry(), view->rect());
    // Wrapped on two lines where it needs to be, never cut.
    QCOMPARE(view->takeover()->projectText().simplified(),
             QStringLiteral("SFTP server for partner banks"));
    QVERIFY(wall.grab().save(QStringLiteral("/tmp/dutyboard-wall-takeover-%1.png").arg(tag)));

    QTest::keyClick(&wall, Qt::Key_Space);
    QVERIFY(!view->takeover()->isVisible());
    QVERIFY(view->andonBand()->isVisible());

    // Type sized from the height: a panel title about 4 %, an item about 2.5 %.
    const double h = size.height();
    for (WallPanel *panel : view->panels()) {
        const QFont title = panel->titleLabel()->font();
        QVERIFY2(qAbs(title.pixelSize() / h - 0.040) < 0.002,
                 qPrintable(QString::number(title.pixelSize())));
        const QFont item = panel->delegate()->itemFont();
        QVERIFY2(qAbs(item.pixelSize() / h - 0.025) < 0.002,
                 qPrintable(QString::number(item.pixelSize())));
        // The measured glyph box, not just the request: what the screen really shows.
        const double lineShare = QFontMetrics(item).height() / h;
        QVERIFY2(lineShare > 0.025 && lineShare < 0.04, qPrintable(QString::number(lineShare)));
        QVERIFY(panel->delegate()->detailFont().pixelSize() >= 0.017 * h);
        // Every panel shows its whole title and at least two rows.
        QVERIFY(panel->titleLabel()->width() >=
                QFontMetrics(title).horizontalAdvance(panel->titleLabel()->text()));
        QVERIFY(panel->list()->height() >= 2 * panel->delegate()->rowHeight() ||
                panel->list()->model()->rowCount() < 2);
    }
    QCOMPARE(view->panels().size(), size_t(4));
    QVERIFY(view->header()->height() >=
            QFontMetrics(wallFont(QFont(), view->metrics().clockPx)).height());
    QCOMPARE(view->header()->clockText(), start.toLocalTime().toString(QStringLiteral("HH:mm")));
    QCOMPARE(view->header()->dutyText(), QStringLiteral("On duty: Victor"));
    QVERIFY(view->header()->sourceLights().contains(QStringLiteral("\u25D0 jira-bugs stale")));
    QVERIFY(wall.grab().save(QStringLiteral("/tmp/dutyboard-wall-%1.png").arg(tag)));
}

void TestWall::longTitlesElide() {
    AnsweredBoard b;
    const QString longTitle =
        QStringLiteral("Payments API returns 5xx for card authorisations in every region ") +
        QString(200, QLatin1Char('x'));
    b.board.applySnapshot(QStringLiteral("jira-run"),
                          {fixtureItem(ItemKind::Request, QStringLiteral("jira-run"),
                                       QStringLiteral("R1"), longTitle, start.addSecs(-60))});
    WallView view(&b.board, WallConfig{}, QString());
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    WallPanel *requests = panelOf(&view, QStringLiteral("requests"));
    QVERIFY(requests);
    const QModelIndex index = requests->list()->model()->index(0, 0);
    QCOMPARE(requests->delegate()->primaryText(index), longTitle);
    // The row is painted inside the panel: the elided text fits its rectangle.
    const QFontMetrics fm(requests->delegate()->itemFont());
    const QString shown = fm.elidedText(longTitle, Qt::ElideRight, requests->width());
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QVERIFY(fm.horizontalAdvance(shown) <= requests->width());
}

void TestWall::overflowSaysHowManyMore() {
    AnsweredBoard b;
    Items many;
    for (int i = 0; i < 30; ++i)
        many.push_back(fixtureItem(ItemKind::Request, QStringLiteral("jira-run"),
                                   QStringLiteral("R%1").arg(i),
                                   QStringLiteral("Request %1").arg(i), start.addSecs(-60 * i)));
    b.board.applySnapshot(QStringLiteral("jira-run"), many);
    WallView view(&b.board, WallConfig{}, QString());
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    WallPanel *requests = panelOf(&view, QStringLiteral("requests"));
    const int shown = requests->list()->height() / requests->delegate()->rowHeight();
    QVERIFY(shown >= 2);
    QCOMPARE(requests->hiddenRows(), 30 - shown);
    auto *more = requests->findChild<QLabel *>(QStringLiteral("more"));
    QVERIFY(more->isVisible());
    QCOMPARE(more->text(), QStringLiteral("+ %1 more").arg(30 - shown));
    QCOMPARE(requests->findChild<QLabel *>(QStringLiteral("count"))->text(), QStringLiteral("30"));
}

void TestWall::takeoverFollowsTheAndon() {
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

void TestWall::andonPresentAtStartTakesOver() {
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

void TestWall::acknowledgeLeavesABandUntilResolved() {
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

void TestWall::severeIncidentBanner() {
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

void TestWall::severalAndons() {
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

void TestWall::pulseRunsOnlyWhileShown() {
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

void TestWall::rotationAdvancesOnTheFakeClock() {
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

void TestWall::clockJumpRearmsTimers() {
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

void TestWall::staleAndFailedPanelsSayWhy() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    fillSampleBoard(board, start);
    // The requests source lost its token: its items stay, greyed, and the panel says why.
    SourceHealth denied = board.health()->source(QStringLiteral("jira-run"))->health;
    denied.state = HealthState::Stale;
    denied.error = QStringLiteral("token refused (HTTP 401): check the token");
    board.applyHealth(QStringLiteral("jira-run"), denied);
    SourceHealth never;
    never.state = HealthState::Failed;
    never.error = QStringLiteral("unreachable: connection refused");
    board.applyHealth(QStringLiteral("halts"), never);
    board.applySnapshot(QStringLiteral("halts"), {});
    WallView view(&board, WallConfig{}, QString());
    view.resize(1920, 1080);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    WallPanel *requests = panelOf(&view, QStringLiteral("requests"));
    QVERIFY(requests->freshnessBand()->isVisible());
    QVERIFY2(requests->freshnessBand()->text().contains(QStringLiteral("STALE")),
             qPrintable(requests->freshnessBand()->text()));
    QVERIFY(requests->freshnessBand()->text().contains(QStringLiteral("HTTP 401")));
    QCOMPARE(requests->list()->model()->rowCount(), 3); // not blanked
    QVERIFY(requests->list()->isVisible());
    QVERIFY(requests->list()->model()->index(0, 0).data(PanelModel::StaleRole).toBool());

    WallPanel *andons = panelOf(&view, QStringLiteral("andons"));
    QVERIFY(andons->freshnessBand()->text().startsWith(QStringLiteral("\u2715 NO DATA")));
    QVERIFY(isRed(andons->freshnessBand()->fill()));
    QVERIFY(andons->freshnessBand()->text().contains(QStringLiteral("connection refused")));
    // An empty andon panel on a broken source must not read as "all clear".
    QVERIFY(!andons->findChild<QLabel *>(QStringLiteral("empty-state"))
                 ->text()
                 .contains(QStringLiteral("flowing")));

    WallPanel *incidents = panelOf(&view, QStringLiteral("incidents"));
    QVERIFY(!incidents->freshnessBand()->isVisible() ||
            incidents->freshnessBand()->text().contains(QStringLiteral("statuspage")));
    QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-wall-failing.png")));
}

void TestWall::escapeOnceDoesNotLeave() {
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

void TestWall::escapeWindowExpires() {
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

void TestWall::clickDoesNotLeave() {
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

void TestWall::ctrlQQuits() {
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

void TestWall::cursorHidesWhenIdle() {
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

QTEST_MAIN(TestWall)
#include "tst_wall.moc"
