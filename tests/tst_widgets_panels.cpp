// SPDX-License-Identifier: MIT
// The desktop board's panels over a real Board and a manual clock, found by objectName and
// asserted on what a person would see: counts and rows, sort orders, selection kept across a
// refresh, Enter opening the link, the two-line rows, and a screenshot.
#include "core/board/Board.h"
#include "core/models/PanelModel.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/BoardViewFind.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/ItemDelegate.h"
#include "widgets/board/PanelView.h"

#include <QDesktopServices>
#include <QLabel>
#include <QTest>
#include <QTreeView>

namespace {

const QDateTime start = fixtureStart();

} // namespace

// Receives what QDesktopServices would hand to the browser.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
    Q_INVOKABLE void open(const QUrl &url) { urls.append(url); }
};

class TestWidgetsPanels final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void countsAndRows();
    void incidentsSortSev1First();
    void otherPanelsSortOldestFirst();
    void selectionSurvivesRefresh();
    void enterOpensTheLink();
    void delegateLines();
    void screenshot();
};

void TestWidgetsPanels::countsAndRows() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    for (const QString &name : {QStringLiteral("requests"), QStringLiteral("bugs"),
                                QStringLiteral("incidents"), QStringLiteral("andons")}) {
        QVERIFY2(findPanel(view, name), qPrintable(name));
        QVERIFY(findLabel(findPanel(view, name), QStringLiteral("count")));
        QVERIFY(findLabel(findPanel(view, name), QStringLiteral("freshness")));
        QVERIFY(findItemList(view, name));
    }
    QCOMPARE(
        findLabel(findPanel(view, QStringLiteral("incidents")), QStringLiteral("count"))->text(),
        QStringLiteral("0"));

    board.applySnapshot(QStringLiteral("alerts"),
                        {agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("a"),
                                  QStringLiteral("API 5xx"), 600, SeverityLevel::High),
                         agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("b"),
                                  QStringLiteral("Disk full"), 300, SeverityLevel::Warning),
                         agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("c"),
                                  QStringLiteral("Cert expiry"), 60, SeverityLevel::Info)});
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-1"),
                  QStringLiteral("Read replica"), 900),
         agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-2"),
                  QStringLiteral("Docker pull denied"), 120)});
    board.applySnapshot(QStringLiteral("jira-bugs"),
                        {agedItem(ItemKind::Bug, QStringLiteral("jira-bugs"),
                                  QStringLiteral("BUG-7"), QStringLiteral("Flaky backup"), 86400)});

    QCOMPARE(
        findLabel(findPanel(view, QStringLiteral("incidents")), QStringLiteral("count"))->text(),
        QStringLiteral("3"));
    QCOMPARE(
        findLabel(findPanel(view, QStringLiteral("requests")), QStringLiteral("count"))->text(),
        QStringLiteral("2"));
    QCOMPARE(findLabel(findPanel(view, QStringLiteral("bugs")), QStringLiteral("count"))->text(),
             QStringLiteral("1"));
    QCOMPARE(findLabel(findPanel(view, QStringLiteral("andons")), QStringLiteral("count"))->text(),
             QStringLiteral("0"));
    QCOMPARE(findItemList(view, QStringLiteral("incidents"))->model()->rowCount(), 3);
    QCOMPARE(findItemList(view, QStringLiteral("requests"))->model()->rowCount(), 2);
    QVERIFY(findItemList(view, QStringLiteral("incidents"))->isVisible());

    // A removal counts down too.
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-2"),
                  QStringLiteral("Docker pull denied"), 120)});
    QCOMPARE(
        findLabel(findPanel(view, QStringLiteral("requests")), QStringLiteral("count"))->text(),
        QStringLiteral("1"));
}

void TestWidgetsPanels::incidentsSortSev1First() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    board.applySnapshot(
        QStringLiteral("alerts"),
        {agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("old-warning"),
                  QStringLiteral("Old warning"), 7200, SeverityLevel::Warning),
         agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("new-sev1"),
                  QStringLiteral("New SEV-1"), 60, SeverityLevel::Critical),
         agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("older-sev1"),
                  QStringLiteral("Older SEV-1"), 600, SeverityLevel::Critical),
         agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("unknown"),
                  QStringLiteral("Unseen severity"), 9000, SeverityLevel::Unknown)});
    QTreeView *items = findItemList(view, QStringLiteral("incidents"));
    QCOMPARE(itemIdAt(items, 0), QStringLiteral("older-sev1"));
    QCOMPARE(itemIdAt(items, 1), QStringLiteral("new-sev1"));
    QCOMPARE(itemIdAt(items, 2), QStringLiteral("old-warning"));
    QCOMPARE(itemIdAt(items, 3), QStringLiteral("unknown"));
}

void TestWidgetsPanels::otherPanelsSortOldestFirst() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    Item undated = agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-0"),
                            QStringLiteral("No date"), 0);
    undated.createdAt = {};
    board.applySnapshot(
        QStringLiteral("jira-run"),
        {agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-2"),
                  QStringLiteral("Newer"), 60, SeverityLevel::Critical),
         undated,
         agedItem(ItemKind::Request, QStringLiteral("jira-run"), QStringLiteral("RUN-1"),
                  QStringLiteral("Older"), 3600, SeverityLevel::Info)});
    QTreeView *items = findItemList(view, QStringLiteral("requests"));
    QCOMPARE(itemIdAt(items, 0), QStringLiteral("RUN-1"));
    QCOMPARE(itemIdAt(items, 1), QStringLiteral("RUN-2"));
    QCOMPARE(itemIdAt(items, 2), QStringLiteral("RUN-0"));
}

void TestWidgetsPanels::selectionSurvivesRefresh() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Items first{agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-1"),
                         QStringLiteral("One"), 600, SeverityLevel::High),
                agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-2"),
                         QStringLiteral("Two"), 300, SeverityLevel::High),
                agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-3"),
                         QStringLiteral("Three"), 200, SeverityLevel::Warning)};
    board.applySnapshot(QStringLiteral("alerts"), first);
    QTreeView *items = findItemList(view, QStringLiteral("incidents"));
    QCOMPARE(itemIdAt(items, 1), QStringLiteral("INC-2"));
    items->setCurrentIndex(items->model()->index(1, 0));
    QCOMPARE(items->selectionModel()->selectedIndexes().size(), 1);

    // INC-1 changes (and moves below INC-2), a new SEV-1 lands on top.
    Items second = first;
    second[0].title = QStringLiteral("One, mitigated");
    second[0].severity.level = SeverityLevel::Warning;
    second.push_back(agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("INC-9"),
                              QStringLiteral("Nine"), 30, SeverityLevel::Critical));
    board.applySnapshot(QStringLiteral("alerts"), second);

    QCOMPARE(items->model()->rowCount(), 4);
    QCOMPARE(itemIdAt(items, 0), QStringLiteral("INC-9"));
    const QModelIndexList selected = items->selectionModel()->selectedIndexes();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(PanelModel::IdRole).toString(), QStringLiteral("INC-2"));
    QCOMPARE(items->currentIndex().data(PanelModel::IdRole).toString(), QStringLiteral("INC-2"));
}

void TestWidgetsPanels::enterOpensTheLink() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    board.applySnapshot(QStringLiteral("jira-bugs"),
                        {agedItem(ItemKind::Bug, QStringLiteral("jira-bugs"),
                                  QStringLiteral("BUG-7"), QStringLiteral("Flaky backup"), 86400)});
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    QTreeView *items = findItemList(view, QStringLiteral("bugs"));
    items->setFocus();
    items->setCurrentIndex(items->model()->index(0, 0));
    QTest::keyClick(items, Qt::Key_Return);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QCOMPARE(catcher.urls.size(), 1);
    QCOMPARE(catcher.urls.first(), QUrl(QStringLiteral("https://tracker.example/BUG-7")));
}

void TestWidgetsPanels::delegateLines() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    Item andon = agedItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                          QStringLiteral("andon"), 120);
    andon.project = QStringLiteral("sftp-server");
    andon.reason = QStringLiteral("no backup plan");
    andon.raisedBy = QStringLiteral("Alice");
    andon.people = {QStringLiteral("Alice"), QStringLiteral("Bob")};
    board.applySnapshot(QStringLiteral("halts"), {andon});
    QTreeView *items = findItemList(view, QStringLiteral("andons"));
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

void TestWidgetsPanels::screenshot() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    BoardView view(&board);
    view.resize(1280, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    fillSampleBoard(board, start);

    findItemList(view, QStringLiteral("incidents"))
        ->setCurrentIndex(findItemList(view, QStringLiteral("incidents"))->model()->index(1, 0));
    QTest::qWait(50);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QStringLiteral("/tmp/dutyboard-widgets.png")));
}

QTEST_MAIN(TestWidgetsPanels)
#include "tst_widgets_panels.moc"
