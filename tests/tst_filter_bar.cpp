// SPDX-License-Identifier: MIT
// The filter bar on the desk window over 10,000 alerts, offscreen, found by objectName: typing
// a filter narrows every panel, a typo says what is wrong and the panels keep the last good
// filter, the quick toggles, an empty panel that says why, refreshes, and the filter and the
// saved ones across a restart. Then the wall's filter from its config.
#include "app/MainWindow.h"
#include "app/filter/DeskFilter.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/board/Board.h"
#include "core/config/Objectives.h"
#include "core/config/WallConfig.h"
#include "core/filter/SavedFilters.h"
#include "core/lean/OnDuty.h"
#include "core/models/PanelSortProxy.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/BoardViewFind.h"
#include "widgets/filter/FilterBar.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <functional>
#include <memory>

namespace {

constexpr int alertCount = 10000;
const QDateTime start = fixtureStart();

// 10,000 alerts: every tenth silenced, every fourth for team payments, severities in turn.
Items alerts() {
    const SeverityLevel levels[] = {SeverityLevel::Critical, SeverityLevel::High,
                                    SeverityLevel::Warning, SeverityLevel::Info};
    Items items;
    items.reserve(alertCount);
    for (int i = 0; i < alertCount; ++i) {
        Item it = agedItem(ItemKind::Incident, QStringLiteral("alerts"), QString::number(i),
                           QStringLiteral("synthetic alert %1: NetRxErrors on node-%2")
                               .arg(i)
                               .arg(i % 120, 4, 10, QLatin1Char('0')),
                           60 * (i % 600), levels[i % 4]);
        it.state = i % 10 == 0 ? QStringLiteral("silenced") : QStringLiteral("active");
        it.labels = QStringList{QStringLiteral("alertname=\"NetRxErrors\""),
                                i % 4 == 0 ? QStringLiteral("team=\"payments\"")
                                           : QStringLiteral("team=\"sre\"")};
        items.push_back(std::move(it));
    }
    return items;
}

int expected(const std::function<bool(int)> &keep) {
    int n = 0;
    for (int i = 0; i < alertCount; ++i)
        n += keep(i) ? 1 : 0;
    return n;
}

// One desk window over the board, with its filter and its state file.
struct Desk {
    Desk(Board *board, const OnDuty *onDuty, const QString &stateFile)
        : saved(stateFile)
        , window(board) {
        filter = new DeskFilter(&window, board, onDuty, &saved);
        saved.load();
        window.resize(1280, 800);
        window.show();
    }
    FilterBar *bar() const { return window.findChild<FilterBar *>(QStringLiteral("filter-bar")); }
    QLineEdit *text() const { return bar()->findChild<QLineEdit *>(QStringLiteral("filter-text")); }
    QTreeView *incidents() {
        return findItemList(*window.boardView(), QStringLiteral("incidents"));
    }
    int shown() { return incidents()->model()->rowCount(); }
    // Types over what the bar holds, as a person would after Ctrl+A.
    void type(const QString &typed) {
        text()->selectAll();
        QTest::keyClicks(text(), typed);
    }

    SavedFilters saved;
    MainWindow window;
    DeskFilter *filter = nullptr;
};

} // namespace

class TestFilterBar final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void typingNarrowsThePanels();
    void restartKeepsTheFilterAndTheSavedOnes();
    void wallFilterFromConfig();
};

void TestFilterBar::typingNarrowsThePanels() {
    QTemporaryDir dir;
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    board.applySnapshot(QStringLiteral("alerts"), alerts());
    board.applySnapshot(QStringLiteral("jira-run"),
                        {agedItem(ItemKind::Request, QStringLiteral("jira-run"),
                                  QStringLiteral("RUN-1"), QStringLiteral("Read replica"), 900)});
    OnDuty onDuty(QStringLiteral("victor"), clock);
    Desk desk(&board, &onDuty, dir.filePath(QStringLiteral("state.ini")));
    QVERIFY(QTest::qWaitForWindowActive(&desk.window));
    QTRY_VERIFY(desk.saved.isLoaded());
    QCOMPARE(desk.shown(), alertCount);
    QVERIFY(desk.bar()->isHidden());

    // "/" opens the bar, focused, over every panel.
    desk.incidents()->setFocus();
    QTest::keyClick(desk.incidents(), Qt::Key_Slash);
    QVERIFY(desk.bar()->isVisible());
    QTRY_VERIFY(desk.text()->hasFocus());

    desk.type(QStringLiteral("severity>=high label:team=payments"));
    const int wanted = expected([](int i) { return i % 4 == 0; }); // i%4==0 is critical
    QTRY_COMPARE(desk.shown(), wanted);
    for (int row = 0; row < 50; ++row) {
        const int id = itemIdAt(desk.incidents(), row).toInt();
        QVERIFY2(id % 4 == 0, qPrintable(QString::number(id)));
    }
    // The requests panel has no severity: nothing matches, and it says so.
    PanelView *requests = findPanel(*desk.window.boardView(), QStringLiteral("requests"));
    QLabel *empty = findLabel(requests, QStringLiteral("empty-state"));
    QTRY_COMPARE(empty->text(), QStringLiteral("Nothing here matches the filter (1 hidden)"));
    QCOMPARE(requests->findChild<QStackedWidget *>()->currentWidget(), empty);
    auto *message = desk.bar()->findChild<QLabel *>(QStringLiteral("filter-message"));
    QCOMPARE(message->text(), QStringLiteral("Showing %1 of %2 items: the filter hides %3.")
                                  .arg(wanted)
                                  .arg(alertCount + 1)
                                  .arg(alertCount + 1 - wanted));

    // A typo: the bar says which, the panels keep the last good filter.
    desk.type(QStringLiteral("sevrity>=high"));
    QTRY_VERIFY(desk.bar()->showsError());
    QCOMPARE(message->text(),
             QStringLiteral("unknown matcher `sevrity` (did you mean severity?), at character 1. "
                            "The panels keep the last filter that worked."));
    QCOMPARE(desk.shown(), wanted);

    // Free text, then a quick toggle on top of it.
    desk.type(QStringLiteral("node-0007"));
    QTRY_COMPARE(desk.shown(), expected([](int i) { return i % 120 == 7; }));
    QVERIFY(!desk.bar()->showsError());
    desk.bar()->findChild<QCheckBox *>(QStringLiteral("filter-hide-silenced"))->click();
    QTRY_COMPARE(desk.shown(), expected([](int i) { return i % 120 == 7 && i % 10 != 0; }));

    // A refresh keeps the filter: a new matching alert shows, a new other one does not.
    Items next = alerts();
    next.push_back(agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("new-1"),
                            QStringLiteral("fresh on node-0007"), 30, SeverityLevel::High));
    next.push_back(agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("new-2"),
                            QStringLiteral("fresh on node-0099"), 30, SeverityLevel::High));
    board.applySnapshot(QStringLiteral("alerts"), next);
    QCOMPARE(desk.shown(), expected([](int i) { return i % 120 == 7 && i % 10 != 0; }) + 1);

    // Nothing matches: the panel says why, never a bare empty list.
    desk.type(QStringLiteral("no-such-host"));
    QLabel *incidentsEmpty =
        findLabel(findPanel(*desk.window.boardView(), QStringLiteral("incidents")),
                  QStringLiteral("empty-state"));
    QTRY_COMPARE(incidentsEmpty->text(),
                 QStringLiteral("Nothing here matches the filter (10002 hidden)"));

    // Esc clears it and closes the bar: every alert is back.
    QTest::keyClick(desk.text(), Qt::Key_Escape);
    QVERIFY(desk.bar()->isHidden());
    QTRY_COMPARE(desk.shown(), alertCount + 2);
    QVERIFY(!desk.filter->filter());
}

void TestFilterBar::restartKeepsTheFilterAndTheSavedOnes() {
    QTemporaryDir dir;
    const QString stateFile = dir.filePath(QStringLiteral("state.ini"));
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    board.applySnapshot(QStringLiteral("alerts"), alerts());
    OnDuty onDuty(QStringLiteral("victor"), clock);
    const int payments = expected([](int i) { return i % 4 == 0; });
    const int sre = alertCount - payments;
    {
        Desk desk(&board, &onDuty, stateFile);
        QTRY_VERIFY(desk.saved.isLoaded());
        desk.window.findChild<QAction *>(QStringLiteral("action-filter"))->trigger();
        desk.type(QStringLiteral("team=payments"));
        QTRY_COMPARE(desk.shown(), payments);
        desk.filter->saveAs(QStringLiteral("payments team"));
        desk.type(QStringLiteral("label:team=sre"));
        QTRY_COMPARE(desk.shown(), sre);
        desk.filter->saveAs(QStringLiteral("sre team"));
        desk.type(QStringLiteral("team=payments"));
        QTRY_COMPARE(desk.shown(), payments);
        desk.saved.waitForWrites();
    }
    // The next run: the same filter at once, the bar open to say so, the saved ones listed.
    Desk desk(&board, &onDuty, stateFile);
    QTRY_VERIFY(desk.saved.isLoaded());
    QTRY_COMPARE(desk.shown(), payments);
    QVERIFY(desk.bar()->isVisible());
    QCOMPARE(desk.text()->text(), QStringLiteral("team=payments"));
    auto *saved = desk.bar()->findChild<QComboBox *>(QStringLiteral("filter-saved"));
    QCOMPARE(saved->count(), 3);
    QCOMPARE(saved->itemText(1), QStringLiteral("payments team"));
    QCOMPARE(saved->itemText(2), QStringLiteral("sre team"));
    // Chosen again, a saved filter applies.
    Q_EMIT saved->activated(2);
    QCOMPARE(desk.text()->text(), QStringLiteral("label:team=sre"));
    QTRY_COMPARE(desk.shown(), sre);
}

void TestFilterBar::wallFilterFromConfig() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    board.applySnapshot(QStringLiteral("alerts"), alerts());
    board.applyHealth(QStringLiteral("alerts"), okHealthAt(start));
    OnDuty onDuty(QStringLiteral("victor"), clock);
    const WallConfig config = parseWallConfig(
        nlohmann::json::parse(R"({"sources": [], "wall": {"filter": "team=sre severity>=high"}})"));
    QCOMPARE(config.filter, QStringLiteral("team=sre severity>=high"));
    QVERIFY(config.hideSilenced);
    const Objectives objectives;
    MainWindow window(&board);
    WallMode wall(&board, config, objectives, &onDuty, nullptr, &window);
    wall.enter(QString(), QSize(1280, 720));
    WallPanel *incidents = nullptr;
    for (WallPanel *panel : wall.wallWindow()->view()->panels()) {
        if (panel->kind() == ItemKind::Incident)
            incidents = panel;
    }
    QVERIFY(incidents);
    // Team sre, SEV-1 or SEV-2, and the silenced ones off the wall.
    QCOMPARE(incidents->proxy()->rowCount(),
             expected([](int i) { return i % 4 == 1 && i % 10 != 0; }));
    wall.leave();

    // A filter that leaves a panel empty: the panel says so, from across the room.
    const WallConfig nobody =
        parseWallConfig(nlohmann::json::parse(R"({"wall": {"filter": "team=nobody"}})"));
    WallMode other(&board, nobody, objectives, &onDuty, nullptr, &window);
    other.enter(QString(), QSize(1280, 720));
    for (WallPanel *panel : other.wallWindow()->view()->panels()) {
        if (panel->kind() != ItemKind::Incident)
            continue;
        QCOMPARE(panel->proxy()->rowCount(), 0);
        QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("empty-state"))->text(),
                 QStringLiteral("No open incidents (10000 hidden by the wall's filter)"));
    }
    other.leave();
}

QTEST_MAIN(TestFilterBar)
#include "tst_filter_bar.moc"
