// SPDX-License-Identifier: MIT
// The desktop widgets over a real Board and a manual clock: found by objectName, asserted on
// what a person would see.
#include "Board.h"
#include "BoardFixture.h"
#include "BoardView.h"
#include "Freshness.h"
#include "ItemDelegate.h"
#include "PanelModel.h"
#include "PanelView.h"
#include "SourceBar.h"
#include "TestEnvironment.h"

#include <QDesktopServices>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

namespace {

const QDateTime start(QDate(2026, 11, 30), QTime(9, 41, 30), Qt::UTC);

Item makeItem(ItemKind kind, const QString &source, const QString &id, const QString &title,
              qint64 ageSecs, SeverityLevel level = SeverityLevel::Unknown) {
    return fixtureItem(kind, source, id, title, start.addSecs(-ageSecs), level);
}

PanelView *panel(BoardView &view, const QString &name) {
    return view.findChild<PanelView *>(QStringLiteral("panel-") + name);
}

QLabel *label(QWidget *parent, const QString &name) {
    return parent ? parent->findChild<QLabel *>(name) : nullptr;
}

QListView *list(BoardView &view, const QString &name) {
    PanelView *p = panel(view, name);
    return p ? p->findChild<QListView *>(QStringLiteral("items")) : nullptr;
}

QString idAt(QListView *list, int row) {
    return list->model()->index(row, 0).data(PanelModel::IdRole).toString();
}

} // namespace

// Receives what QDesktopServices would hand to the browser.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
    Q_INVOKABLE void open(const QUrl &url) { urls.append(url); }
};

class TestWidgets final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void countsAndRows();
    void emptyStateExplainsItself();
    void freshnessBadgeFollowsHealth();
    void freshnessNamesTheWorstOfSeveralSources();
    void sourceBarShowsFailure();
    void agesRefreshWithTheClock();
    void incidentsSortSev1First();
    void otherPanelsSortOldestFirst();
    void selectionSurvivesRefresh();
    void enterOpensTheLink();
    void delegateLines();
    void screenshot();
    void screenshotEmptyNarrow();
};

void TestWidgets::countsAndRows() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    for (const QString &name : {QStringLiteral("requests"), QStringLiteral("bugs"),
                                QStringLiteral("incidents"), QStringLiteral("andons")}) {
        QVERIFY2(panel(view, name), qPrintable(name));
        QVERIFY(label(panel(view, name), QStringLiteral("count")));
        QVERIFY(label(panel(view, name), QStringLiteral("freshness")));
        QVERIFY(list(view, name));
    }
    QCOMPARE(label(panel(view, QStringLiteral("incidents")), QStringLiteral("count"))->text(),
             QStringLiteral("0"));

    board.applySnapshot(QStringLiteral("alerts"),
                        {makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("a"),
                                  QStringLiteral("API 5xx"), 600, SeverityLevel::High),
                         makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("b"),
                                  QStringLiteral("Disk full"), 300, SeverityLevel::Warning),
                         makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("c"),
                                  QStringLiteral("Cert expiry"), 60, SeverityLevel::Info)});
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-1"),
                  QStringLiteral("Read replica"), 900),
         makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-2"),
                  QStringLiteral("Docker pull denied"), 120)});
    board.applySnapshot(QStringLiteral("jira-bugs"),
                        {makeItem(ItemKind::Bug, QStringLiteral("jira-bugs"),
                                  QStringLiteral("BUG-7"), QStringLiteral("Flaky backup"), 86400)});

    QCOMPARE(label(panel(view, QStringLiteral("incidents")), QStringLiteral("count"))->text(),
             QStringLiteral("3"));
    QCOMPARE(label(panel(view, QStringLiteral("requests")), QStringLiteral("count"))->text(),
             QStringLiteral("2"));
    QCOMPARE(label(panel(view, QStringLiteral("bugs")), QStringLiteral("count"))->text(),
             QStringLiteral("1"));
    QCOMPARE(label(panel(view, QStringLiteral("andons")), QStringLiteral("count"))->text(),
             QStringLiteral("0"));
    QCOMPARE(list(view, QStringLiteral("incidents"))->model()->rowCount(), 3);
    QCOMPARE(list(view, QStringLiteral("requests"))->model()->rowCount(), 2);
    QVERIFY(list(view, QStringLiteral("incidents"))->isVisible());

    // A removal counts down too.
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-2"),
                  QStringLiteral("Docker pull denied"), 120)});
    QCOMPARE(label(panel(view, QStringLiteral("requests")), QStringLiteral("count"))->text(),
             QStringLiteral("1"));
}

void TestWidgets::emptyStateExplainsItself() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    PanelView *andons = panel(view, QStringLiteral("andons"));
    QLabel *empty = label(andons, QStringLiteral("empty-state"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!list(view, QStringLiteral("andons"))->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Waiting")));

    board.applyHealth(QStringLiteral("halts"), okHealthAt(start));
    QCOMPARE(empty->text(), PanelView::emptyText(ItemKind::Andon));

    Item andon = makeItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                          QStringLiteral("halt"), 120);
    board.applySnapshot(QStringLiteral("halts"), {andon});
    QVERIFY(!empty->isVisible());
    QVERIFY(list(view, QStringLiteral("andons"))->isVisible());
    board.applySnapshot(QStringLiteral("halts"), {});
    QVERIFY(empty->isVisible());
}

void TestWidgets::freshnessBadgeFollowsHealth() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QLabel *badge = label(panel(view, QStringLiteral("incidents")), QStringLiteral("freshness"));
    QVERIFY(badge);
    QVERIFY(badge->text().contains(QStringLiteral("waiting for first data")));

    board.applyHealth(QStringLiteral("alerts"), okHealthAt(start));
    QVERIFY(badge->text().contains(QStringLiteral("fresh")));
    board.applySnapshot(QStringLiteral("alerts"),
                        {makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("a"),
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
    QListView *items = list(view, QStringLiteral("incidents"));
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

void TestWidgets::freshnessNamesTheWorstOfSeveralSources() {
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

void TestWidgets::sourceBarShowsFailure() {
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

void TestWidgets::agesRefreshWithTheClock() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-1"),
                  QStringLiteral("Read replica"), 5 * 60)});
    QListView *items = list(view, QStringLiteral("requests"));
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

void TestWidgets::incidentsSortSev1First() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    board.applySnapshot(
        QStringLiteral("alerts"),
        {makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("old-warning"),
                  QStringLiteral("Old warning"), 7200, SeverityLevel::Warning),
         makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("new-sev1"),
                  QStringLiteral("New SEV-1"), 60, SeverityLevel::Critical),
         makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("older-sev1"),
                  QStringLiteral("Older SEV-1"), 600, SeverityLevel::Critical),
         makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("unknown"),
                  QStringLiteral("Unseen severity"), 9000, SeverityLevel::Unknown)});
    QListView *items = list(view, QStringLiteral("incidents"));
    QCOMPARE(idAt(items, 0), QStringLiteral("older-sev1"));
    QCOMPARE(idAt(items, 1), QStringLiteral("new-sev1"));
    QCOMPARE(idAt(items, 2), QStringLiteral("old-warning"));
    QCOMPARE(idAt(items, 3), QStringLiteral("unknown"));
}

void TestWidgets::otherPanelsSortOldestFirst() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    Item undated = makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-0"),
                            QStringLiteral("No date"), 0);
    undated.createdAt = {};
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-2"),
                  QStringLiteral("Newer"), 60, SeverityLevel::Critical),
         undated,
         makeItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-1"),
                  QStringLiteral("Older"), 3600, SeverityLevel::Info)});
    QListView *items = list(view, QStringLiteral("requests"));
    QCOMPARE(idAt(items, 0), QStringLiteral("RUN-1"));
    QCOMPARE(idAt(items, 1), QStringLiteral("RUN-2"));
    QCOMPARE(idAt(items, 2), QStringLiteral("RUN-0"));
}

void TestWidgets::selectionSurvivesRefresh() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Items first{makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-1"),
                         QStringLiteral("One"), 600, SeverityLevel::High),
                makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-2"),
                         QStringLiteral("Two"), 300, SeverityLevel::High),
                makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-3"),
                         QStringLiteral("Three"), 200, SeverityLevel::Warning)};
    board.applySnapshot(QStringLiteral("alerts"), first);
    QListView *items = list(view, QStringLiteral("incidents"));
    QCOMPARE(idAt(items, 1), QStringLiteral("INC-2"));
    items->setCurrentIndex(items->model()->index(1, 0));
    QCOMPARE(items->selectionModel()->selectedIndexes().size(), 1);

    // INC-1 changes (and moves below INC-2), a new SEV-1 lands on top.
    Items second = first;
    second[0].title = QStringLiteral("One, mitigated");
    second[0].severity.level = SeverityLevel::Warning;
    second.push_back(makeItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-9"),
                              QStringLiteral("Nine"), 30, SeverityLevel::Critical));
    board.applySnapshot(QStringLiteral("alerts"), second);

    QCOMPARE(items->model()->rowCount(), 4);
    QCOMPARE(idAt(items, 0), QStringLiteral("INC-9"));
    const QModelIndexList selected = items->selectionModel()->selectedIndexes();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(PanelModel::IdRole).toString(), QStringLiteral("INC-2"));
    QCOMPARE(items->currentIndex().data(PanelModel::IdRole).toString(), QStringLiteral("INC-2"));
}

void TestWidgets::enterOpensTheLink() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    board.applySnapshot(QStringLiteral("jira-bugs"),
                        {makeItem(ItemKind::Bug, QStringLiteral("jira-bugs"),
                                  QStringLiteral("BUG-7"), QStringLiteral("Flaky backup"), 86400)});
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    QListView *items = list(view, QStringLiteral("bugs"));
    items->setFocus();
    items->setCurrentIndex(items->model()->index(0, 0));
    QTest::keyClick(items, Qt::Key_Return);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QCOMPARE(catcher.urls.size(), 1);
    QCOMPARE(catcher.urls.first(), QUrl(QStringLiteral("https://tracker.example/BUG-7")));
}

void TestWidgets::delegateLines() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    Item andon = makeItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                          QStringLiteral("andon"), 120);
    andon.project = QStringLiteral("sftp-server");
    andon.reason = QStringLiteral("no backup plan");
    andon.raisedBy = QStringLiteral("Alice");
    andon.people = {QStringLiteral("Alice"), QStringLiteral("Bob")};
    board.applySnapshot(QStringLiteral("halts"), {andon});
    QListView *items = list(view, QStringLiteral("andons"));
    auto *delegate = qobject_cast<ItemDelegate *>(items->itemDelegate());
    QVERIFY(delegate);
    const QModelIndex index = items->model()->index(0, 0);
    QCOMPARE(delegate->primaryText(index),
             QStringLiteral("sftp-server \u2014 no backup plan \u2014 raised by Alice"));
    QCOMPARE(delegate->secondaryText(index),
             QStringLiteral("open  \u00B7  Alice, Bob  \u00B7  halts"));

    // About two lines of text: compact, but not cramped.
    QStyleOptionViewItem option;
    option.font = items->font();
    const int height = delegate->sizeHint(option, index).height();
    const int line = QFontMetrics(items->font()).height();
    QVERIFY2(height >= 2 * line && height <= 3 * line, qPrintable(QString::number(height)));
}

void TestWidgets::screenshot() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.resize(1280, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    fillSampleBoard(board, start);

    list(view, QStringLiteral("incidents"))
        ->setCurrentIndex(list(view, QStringLiteral("incidents"))->model()->index(1, 0));
    QTest::qWait(50);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QStringLiteral("/tmp/dutyboard-widgets.png")));
}

void TestWidgets::screenshotEmptyNarrow() {
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
    QLabel *empty = label(panel(view, QStringLiteral("bugs")), QStringLiteral("empty-state"));
    QVERIFY(empty->text().contains(QStringLiteral("failed")));
    QTest::qWait(50);
    QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-widgets-empty.png")));
}

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
