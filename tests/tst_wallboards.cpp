// SPDX-License-Identifier: MIT
// The Kanban board and the trend charts as wall pages, offscreen at TV sizes: held on a page,
// sized for the room, nothing cut; and `--page` on the real binary for both windows.
// Screenshots: /tmp/dutyboard-wall-kanban-<size>.png, /tmp/dutyboard-wall-charts-<size>.png.
#include "app/wall/WallWindow.h"
#include "demo/DemoHistory.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/KanbanFixture.h"
#include "tests/support/TestEnvironment.h"
#include "widgets/kanban/KanbanView.h"
#include "widgets/trends/ObjectivesBar.h"
#include "widgets/trends/TrendChart.h"
#include "widgets/trends/TrendsView.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallStyle.h"
#include "widgets/wall/WallView.h"

#include <QFrame>
#include <QGuiApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QDateTime start = QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);

WallConfig boardsConfig() {
    WallConfig config;
    config.layout = WallConfig::Layout::Pages;
    config.pages = {defaultWallPanels(), WallPage::kanban(), WallPage::charts()};
    return config;
}

Objectives teamObjectives() {
    Objectives o;
    o.maxOpenBugs = 0;
    o.maxIncidentsPerWeek = 0;
    o.maxAndonsPerWeek = 2;
    o.maxRunPercent = 0;
    o.maxMedianResolveH = 4;
    return o;
}

} // namespace

class TestWallBoards final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void boardPages_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1080p") << QSize(1920, 1080);
        QTest::newRow("720p") << QSize(1280, 720);
    }
    void boardPages() {
        QFETCH(QSize, size);
        ManualClock clock(start);
        Board board(clock);
        addStandardSources(board);
        fillSampleKanban(board, start);
        WallWindow wall(&board, boardsConfig(), QStringLiteral("Victor"), nullptr,
                        teamObjectives());
        wall.showOn(QGuiApplication::primaryScreen(), size);
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        WallView *view = wall.view();
        QCOMPARE(view->pageCount(), 3);
        QVERIFY(view->kanban());
        QVERIFY(view->trends());
        view->trends()->setSamples(demoHistory(start), start);
        QTest::keyClick(&wall, Qt::Key_Space); // the sample's andon takes the wall over first
        QVERIFY(!view->takeover()->isVisible());
        const QString tag = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        const int detailPx = view->metrics().detailPx;

        // Held on the Kanban board: no rotation, the header says which page.
        QVERIFY(view->holdPage(QStringLiteral("kanban")));
        QCOMPARE(view->currentPage(), 1);
        QVERIFY(!view->rotationTimer()->isActive());
        QCOMPARE(view->header()->pageText(), QStringLiteral("\u25CB\u25CF\u25CB  2/3"));
        QVERIFY(view->kanban()->isVisible());
        QCOMPARE(view->kanban()->font().pixelSize(), detailPx);
        QVERIFY(wall.grab().save(QStringLiteral("/tmp/dutyboard-wall-kanban-%1.png").arg(tag)));
        // Every header whole (a long name wraps, the count never does), every card title at
        // the wall's size or larger, and no scroll bar: nobody scrolls a TV.
        for (QWidget *header : view->kanban()->findChildren<QWidget *>(u"kanban-header"_s)) {
            for (QLabel *label : header->findChildren<QLabel *>()) {
                const bool whole =
                    label->wordWrap()
                        ? label->heightForWidth(label->width()) <= label->height()
                        : label->width() >=
                              QFontMetrics(label->font()).horizontalAdvance(label->text());
                QVERIFY2(whole, qPrintable(label->text()));
            }
        }
        for (QScrollBar *bar : view->kanban()->findChildren<QScrollBar *>())
            QVERIFY(!bar->isVisible());
        const QList<QFrame *> cards = view->kanban()->findChildren<QFrame *>(u"kanban-card"_s);
        QVERIFY(cards.size() >= 5);
        for (QFrame *card : cards) {
            QLabel *title = card->findChild<QLabel *>(u"title"_s);
            QVERIFY(title->font().pixelSize() >= detailPx);
            QVERIFY(title->isVisible());
        }
        QVERIFY(view->kanban()->headerText(u"Work in progress"_s).contains(u"\u26A0"_s));

        // The charts: every one with room to read, the objectives above them in words.
        QVERIFY(view->holdPage(QStringLiteral("charts")));
        QCOMPARE(view->currentPage(), 2);
        TrendsView *trends = view->trends();
        QVERIFY(trends->isVisible());
        QVERIFY(wall.grab().save(QStringLiteral("/tmp/dutyboard-wall-charts-%1.png").arg(tag)));
        const QList<TrendChart *> charts = trends->findChildren<TrendChart *>();
        QCOMPARE(charts.size(), 5);
        for (TrendChart *chart : charts) {
            QVERIFY2(chart->height() >= size.height() / 4, qPrintable(chart->objectName()));
            QVERIFY(chart->pointCount() > 0);
            QVERIFY(chart->hasObjectiveLine());
            QVERIFY(chart->findChild<QLabel *>(u"title"_s)->font().pixelSize() >= detailPx);
        }
        QVERIFY(trends->runChart()->caption().contains(u"% RUN"_s));
        QVERIFY(!trends->runChart()->objectiveMet());
        QVERIFY(trends->resolveChart()->objectiveMet()); // 2.5 h against 4 h
        const QList<QLabel *> states =
            trends->objectivesBar()->findChildren<QLabel *>(QRegularExpression(u"^objective:"_s));
        QCOMPARE(states.size(), 5);

        // Pages by number; an unknown page changes nothing.
        QVERIFY(view->holdPage(QStringLiteral("1")));
        QCOMPARE(view->currentPage(), 0);
        QVERIFY(!view->holdPage(QStringLiteral("4")));
        QVERIFY(!view->holdPage(QStringLiteral("bugs")));
        QCOMPARE(view->currentPage(), 0);
    }

    // The real binary: --page opens the demo on its Kanban board and its charts, in the window
    // and on the wall; an unknown page is said and the run goes on.
    void pageOption_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("window, kanban") << QStringList{u"--page"_s, u"kanban"_s} << QByteArray();
        QTest::newRow("wall, charts")
            << QStringList{u"--wall"_s, u"--page"_s, u"charts"_s} << QByteArray();
        QTest::newRow("unknown page")
            << QStringList{u"--page"_s, u"burndown"_s}
            << QByteArray("dutyboard: no page \"burndown\"; showing the first");
    }
    void pageOption() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, error);
        QTemporaryDir dir;
        const QString png = dir.filePath(u"shot.png"_s);
        const DutyboardRun run = runDutyboard(
            QStringList{u"--demo"_s, u"--screenshot"_s, png, u"--size"_s, u"1280x720"_s} +
            arguments);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QImage(png).size(), QSize(1280, 720));
        QCOMPARE(run.err.contains("no page"), !error.isEmpty());
        if (!error.isEmpty())
            QVERIFY2(run.err.contains(error), run.err.constData());
    }
};

QTEST_MAIN(TestWallBoards)
#include "tst_wallboards.moc"
