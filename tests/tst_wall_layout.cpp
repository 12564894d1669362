// SPDX-License-Identifier: MIT
// The wall screen offscreen, on real widgets over a real Board and a manual clock: what a
// person across the room would see. Type sized from the screen's height (screenshots at 720p,
// 1080p and 4K), long titles elided, overflow counted, stale and failed panels saying why.
#include "app/wall/WallWindow.h"
#include "core/board/Board.h"
#include "core/models/PanelModel.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/WallFixture.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallItemDelegate.h"
#include "widgets/wall/WallPanel.h"
#include "widgets/wall/WallView.h"

#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QScreen>
#include <QTest>

namespace {

const QDateTime start = fixtureStart();

} // namespace

class TestWallLayout final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void screenshots_data();
    void screenshots();
    void longTitlesElide();
    void overflowSaysHowManyMore();
    void staleAndFailedPanelsSayWhy();
    void sourceLightSaysUnreadableItems();
};

void TestWallLayout::screenshots_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("720p") << QSize(1280, 720);
    QTest::newRow("1080p") << QSize(1920, 1080);
    QTest::newRow("4k") << QSize(3840, 2160);
}

void TestWallLayout::screenshots() {
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

void TestWallLayout::longTitlesElide() {
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

void TestWallLayout::overflowSaysHowManyMore() {
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

void TestWallLayout::staleAndFailedPanelsSayWhy() {
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

// A source that answers but left an item out says so on its light, where a healthy one says
// only its name.
void TestWallLayout::sourceLightSaysUnreadableItems() {
    ManualClock clock(start);
    Board board(clock);
    addStandardSources(board);
    board.applyHealth(QStringLiteral("jira-bugs"), okHealthAt(start));
    SourceHealth health = okHealthAt(start);
    health.unreadable.add(QStringLiteral("/0/fingerprint"), QStringLiteral("a string"));
    board.applyHealth(QStringLiteral("alerts"), health);
    WallHeader header(board.health(), clock, QString());
    const QStringList lights = header.sourceLights();
    QVERIFY2(lights.contains(QStringLiteral(
                 "\u25CF alerts ok \u00B7 1 item unreadable: /0/fingerprint expected a string")),
             qPrintable(lights.join(QLatin1Char('\n'))));
    QVERIFY2(lights.contains(QStringLiteral("\u25CF jira-bugs")),
             qPrintable(lights.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestWallLayout)
#include "tst_wall_layout.moc"
