// SPDX-License-Identifier: MIT
// How the desktop board tells its sources' health, over a real Board and a manual clock: empty
// states that explain themselves, freshness badges following health and naming the worst
// source, the source bar on failure, ages moving with the clock, and a narrow screenshot.
#include "core/board/Board.h"
#include "core/models/PanelModel.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/BoardViewFind.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/Freshness.h"
#include "widgets/board/PanelView.h"
#include "widgets/board/SourceBar.h"

#include <QLabel>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace {

const QDateTime start = fixtureStart();

} // namespace

class TestWidgetsHealth final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void emptyStateExplainsItself();
    void freshnessBadgeFollowsHealth();
    void freshnessNamesTheWorstOfSeveralSources();
    void sourceBarShowsFailure();
    void sourceBarShowsReplicas();
    void sourceBarShowsUnreadableItems();
    void agesRefreshWithTheClock();
    void screenshotEmptyNarrow();
};

void TestWidgetsHealth::emptyStateExplainsItself() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    PanelView *andons = findPanel(view, QStringLiteral("andons"));
    QLabel *empty = findLabel(andons, QStringLiteral("empty-state"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!findItemList(view, QStringLiteral("andons"))->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Waiting")));

    board.applyHealth(QStringLiteral("halts"), okHealthAt(start));
    QCOMPARE(empty->text(), PanelView::emptyText(ItemKind::Andon));

    Item andon = agedItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                          QStringLiteral("halt"), 120);
    board.applySnapshot(QStringLiteral("halts"), {andon});
    QVERIFY(!empty->isVisible());
    QVERIFY(findItemList(view, QStringLiteral("andons"))->isVisible());
    board.applySnapshot(QStringLiteral("halts"), {});
    QVERIFY(empty->isVisible());
}

void TestWidgetsHealth::freshnessBadgeFollowsHealth() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QLabel *badge =
        findLabel(findPanel(view, QStringLiteral("incidents")), QStringLiteral("freshness"));
    QVERIFY(badge);
    QVERIFY(badge->text().contains(QStringLiteral("waiting for first data")));

    board.applyHealth(QStringLiteral("alerts"), okHealthAt(start));
    QVERIFY(badge->text().contains(QStringLiteral("fresh")));
    board.applySnapshot(QStringLiteral("alerts"),
                        {agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("a"),
                                  QStringLiteral("API 5xx"), 600, SeverityLevel::High)});

    clock.advanceSecs(3 * 60);
    SourceHealth stale = okHealthAt(start);
    stale.state = HealthState::Stale;
    stale.error = QStringLiteral("timeout after 10 s");
    stale.lastAttempt = clock.now();
    board.applyHealth(QStringLiteral("alerts"), stale);
    QVERIFY2(badge->text().contains(QStringLiteral("stale 3 min")), qPrintable(badge->text()));
    QVERIFY(badge->text().contains(QStringLiteral("timeout after 10 s")));
    QVERIFY(badge->toolTip().contains(QStringLiteral("alerts")));
    // Its rows stay on screen, greyed.
    QTreeView *items = findItemList(view, QStringLiteral("incidents"));
    QCOMPARE(items->model()->rowCount(), 1);
    QVERIFY(items->model()->index(0, 0).data(PanelModel::StaleRole).toBool());

    // The badge's age moves with the minute tick.
    clock.advanceSecs(2 * 60);
    view.refreshAges();
    QVERIFY2(badge->text().contains(QStringLiteral("stale 5 min")), qPrintable(badge->text()));

    SourceHealth failed = stale;
    failed.state = HealthState::Failed;
    failed.error = QStringLiteral("authentication refused (HTTP 401)");
    board.applyHealth(QStringLiteral("alerts"), failed);
    QVERIFY(badge->text().contains(QStringLiteral("failed: authentication refused")));

    board.applyHealth(QStringLiteral("alerts"), okHealthAt(clock.now()));
    QVERIFY(badge->text().contains(QStringLiteral("fresh")));
    QVERIFY(!items->model()->index(0, 0).data(PanelModel::StaleRole).toBool());
}

void TestWidgetsHealth::freshnessNamesTheWorstOfSeveralSources() {
    ManualClock clock(start);
    SourceHealthModel health(clock);
    health.addSource(
        fixtureSource(QStringLiteral("a"), QStringLiteral("jira"), QStringLiteral("bugs")));
    health.addSource(
        fixtureSource(QStringLiteral("b"), QStringLiteral("jira"), QStringLiteral("bugs")));
    health.setHealth(QStringLiteral("a"), okHealthAt(start));
    SourceHealth failed;
    failed.state = HealthState::Failed;
    failed.error =
        QStringLiteral("could not resolve host: jira.example.com, nor anything else at all");
    health.setHealth(QStringLiteral("b"), failed);
    const Freshness f =
        panelFreshness(health, {QStringLiteral("a"), QStringLiteral("b")}, clock.now());
    QCOMPARE(f.state, HealthState::Failed);
    QVERIFY2(f.text.startsWith(QStringLiteral("failed: b: could not resolve host")),
             qPrintable(f.text));
    QVERIFY(f.text.endsWith(QChar(0x2026)));
    QVERIFY(f.toolTip.contains(failed.error));
    QCOMPARE(panelFreshness(health, {}, clock.now()).hasSources, false);
}

void TestWidgetsHealth::sourceBarShowsFailure() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(view.findChild<SourceBar *>(QStringLiteral("source-bar")));
    QLabel *bugs = view.findChild<QLabel *>(QStringLiteral("source-jira-bugs"));
    QVERIFY(bugs);
    QVERIFY(bugs->text().contains(QStringLiteral("pending")));

    SourceHealth failed;
    failed.state = HealthState::Failed;
    failed.error = QStringLiteral("TLS handshake failed: certificate expired");
    failed.lastAttempt = start;
    board.applyHealth(QStringLiteral("jira-bugs"), failed);
    QVERIFY(bugs->text().contains(QStringLiteral("failed")));
    QVERIFY(bugs->toolTip().contains(QStringLiteral("certificate expired")));
    QVERIFY(bugs->toolTip().contains(QStringLiteral("type: jira")));
    QVERIFY(bugs->toolTip().contains(QStringLiteral("last success: never")));

    SourceHealth limited = okHealthAt(start);
    limited.state = HealthState::Stale;
    limited.error = QStringLiteral("rate-limited (HTTP 429)");
    limited.rateLimited = true;
    limited.retryAt = start.addSecs(300);
    limited.tlsVerifyOff = true;
    board.applyHealth(QStringLiteral("jira-run"), limited);
    QLabel *run = view.findChild<QLabel *>(QStringLiteral("source-jira-run"));
    QVERIFY(run);
    QVERIFY(run->text().contains(QStringLiteral("stale")));
    QVERIFY(run->text().contains(QChar(0x26A0)));
    const QString until = start.addSecs(300).toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(run->toolTip().contains(QStringLiteral("rate-limited until ") + until),
             qPrintable(run->toolTip()));
    QVERIFY(run->toolTip().contains(QStringLiteral("TLS verification OFF")));

    // A source added later gets its entry.
    board.health()->addSource(fixtureSource(QStringLiteral("statuspage"), QStringLiteral("generic"),
                                            QStringLiteral("incidents")));
    QLabel *late = view.findChild<QLabel *>(QStringLiteral("source-statuspage"));
    QVERIFY(late);
    QVERIFY(late->isVisible());
    QVERIFY(late->height() >= late->sizeHint().height());
}

void TestWidgetsHealth::sourceBarShowsReplicas() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QLabel *bugs = view.findChild<QLabel *>(QStringLiteral("source-jira-bugs"));
    QVERIFY(bugs);
    SourceHealth cluster = okHealthAt(start);
    cluster.replicasAnswering = 2;
    cluster.replicasTotal = 3;
    cluster.replicaErrors = {QStringLiteral("am-2:9093: connection refused")};
    board.applyHealth(QStringLiteral("jira-bugs"), cluster);
    QVERIFY2(bugs->text().contains(QStringLiteral("2/3 replicas")), qPrintable(bugs->text()));
    QVERIFY2(bugs->toolTip().contains(QStringLiteral("replica am-2:9093: connection refused")),
             qPrintable(bugs->toolTip()));
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("source-jira-run"))
                 ->text()
                 .contains(QStringLiteral("replicas")));
}

// Fresh, but an item could not be read: "ok · 1 item unreadable: …" on the entry, in its
// tooltip and accessible name; gone once every item reads again.
void TestWidgetsHealth::sourceBarShowsUnreadableItems() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QLabel *alerts = view.findChild<QLabel *>(QStringLiteral("source-alerts"));
    QVERIFY(alerts);
    SourceHealth health = okHealthAt(start);
    health.unreadable.add(QStringLiteral("/0/fingerprint"), QStringLiteral("a string"));
    board.applyHealth(QStringLiteral("alerts"), health);
    const QString words =
        QStringLiteral("ok \u00B7 1 item unreadable: /0/fingerprint expected a string");
    QVERIFY2(alerts->text().contains(words), qPrintable(alerts->text()));
    QVERIFY2(alerts->toolTip().contains(QStringLiteral("health: ") + words),
             qPrintable(alerts->toolTip()));
    QVERIFY2(alerts->accessibleName().contains(
                 QStringLiteral("1 item unreadable: /0/fingerprint expected a string")),
             qPrintable(alerts->accessibleName()));

    health.unreadable.add(QStringLiteral("/4/fingerprint"), QStringLiteral("a string"));
    health.unreadable.add(QStringLiteral("/9"), QStringLiteral("an alert object"));
    board.applyHealth(QStringLiteral("alerts"), health);
    QVERIFY2(alerts->text().contains(
                 QStringLiteral("ok \u00B7 3 items unreadable: /0/fingerprint expected a string")),
             qPrintable(alerts->text()));

    board.applyHealth(QStringLiteral("alerts"), okHealthAt(start));
    QVERIFY2(!alerts->text().contains(QStringLiteral("unreadable")), qPrintable(alerts->text()));
    QVERIFY(alerts->text().contains(QStringLiteral("ok")));
}

void TestWidgetsHealth::agesRefreshWithTheClock() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-1"),
                  QStringLiteral("Read replica"), 5 * 60)});
    QTreeView *items = findItemList(view, QStringLiteral("requests"));
    QCOMPARE(items->model()->index(0, 0).data(PanelModel::AgeTextRole).toString(),
             QStringLiteral("5 min"));

    clock.advanceSecs(10 * 60);
    QCOMPARE(board.refreshAges(), 1);
    QCOMPARE(items->model()->index(0, 0).data(PanelModel::AgeTextRole).toString(),
             QStringLiteral("15 min"));
    clock.advanceSecs(20); // same minute on screen: nothing to repaint
    QCOMPARE(board.refreshAges(), 0);

    // One timer, at most a minute away, aligned on the boundary of the (manual) clock.
    const QTimer *timer = view.ageTimer();
    QVERIFY(timer->isActive());
    QVERIFY(timer->isSingleShot());
    QVERIFY(timer->interval() <= 60 * 1000 + 250);
    QCOMPARE(view.findChildren<QTimer *>().size(), 1);
}

void TestWidgetsHealth::screenshotEmptyNarrow() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    for (int i = 0; i < 10; ++i)
        board.health()->addSource(fixtureSource(QStringLiteral("extra-source-%1").arg(i),
                                                QStringLiteral("generic-json"),
                                                QStringLiteral("requests")));
    board.applyHealth(QStringLiteral("alerts"), okHealthAt(start));
    SourceHealth failed;
    failed.state = HealthState::Failed;
    failed.error = QStringLiteral("could not connect: connection refused");
    board.applyHealth(QStringLiteral("jira-bugs"), failed);
    BoardView view(&board);
    view.resize(900, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Too many sources for the width: the bar scrolls instead of widening the window.
    QVERIFY(view.minimumSizeHint().width() < 900);
    QLabel *empty =
        findLabel(findPanel(view, QStringLiteral("bugs")), QStringLiteral("empty-state"));
    QVERIFY(empty->text().contains(QStringLiteral("failed")));
    QTest::qWait(50);
    QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-widgets-empty.png")));
}

QTEST_MAIN(TestWidgetsHealth)
#include "tst_widgets_health.moc"
