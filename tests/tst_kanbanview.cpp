// SPDX-License-Identifier: MIT
// The Kanban board widget offscreen: WIP headers, halted cards, the pull column's order, and the
// demo's board reachable from the main window. Screenshots: /tmp/dutyboard-kanban*.png.
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "core/config/AppConfig.h"
#include "tests/support/KanbanFixture.h"
#include "tests/support/TestEnvironment.h"
#include "widgets/Theme.h"
#include "widgets/kanban/KanbanView.h"

#include <QFrame>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

namespace {

QFrame *column(QWidget &view, const QString &name) {
    return view.findChild<QFrame *>(QStringLiteral("kanban-column:") + name);
}

// The card frames holding an andon mark.
QStringList haltedTitles(QWidget &view) {
    QStringList titles;
    for (QFrame *card : view.findChildren<QFrame *>(QStringLiteral("kanban-card"))) {
        if (card->findChild<QLabel *>(QStringLiteral("andon-mark")))
            titles.append(card->findChild<QLabel *>(QStringLiteral("title"))->text());
    }
    return titles;
}

} // namespace

class TestKanbanView final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void columnsCardsAndMarks() {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);
        ManualClock clock(now);
        Board board(clock);
        KanbanView view(&board);
        view.resize(1400, 620);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("empty-state"))->isVisible());

        fillSampleKanban(board, now);
        QTRY_VERIFY(column(view, QStringLiteral("Unmapped")));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("empty-state"))->isVisible());

        QCOMPARE(view.headerText(QStringLiteral("Work in progress")),
                 QStringLiteral("Work in progress  \u26A0 2 / 1"));
        QCOMPARE(view.headerText(QStringLiteral("Value engineering")),
                 QStringLiteral("Value engineering  2 / 2"));
        QCOMPARE(view.headerText(QStringLiteral("Done")), QStringLiteral("Done  1"));
        // Coloured only where exceeded.
        const auto headerColor = [&](const QString &name) {
            return column(view, name)
                ->findChild<QWidget *>(QStringLiteral("kanban-header"))
                ->palette()
                .color(QPalette::Window);
        };
        QVERIFY(headerColor(QStringLiteral("Work in progress")) !=
                headerColor(QStringLiteral("Value engineering")));

        // Oldest first in the pull column, though the source listed the newer one first.
        QCOMPARE(view.cardTitles(QStringLiteral("What's next")),
                 (QStringList{QStringLiteral("Terraform module for SFTP"),
                              QStringLiteral("Self-service Grafana access")}));
        QCOMPARE(view.cardTitles(QStringLiteral("Unmapped")),
                 QStringList{QStringLiteral("Vendor escalation")});
        QCOMPARE(haltedTitles(view), QStringList{QStringLiteral("sftp-partner-gateway")});
        auto *mark = view.findChild<QLabel *>(QStringLiteral("andon-mark"));
        QCOMPARE(mark->palette().color(mark->backgroundRole()), Theme::andonColor());

        // The late card says so.
        bool sawLate = false;
        for (QLabel *due : column(view, QStringLiteral("Work in progress"))
                               ->findChildren<QLabel *>(QStringLiteral("due")))
            sawLate = sawLate || due->text() == QStringLiteral("3 days late · 4 d in column");
        QVERIFY(sawLate);

        QTest::qWait(50);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-kanban.png")));

        // The andon is resolved: the mark goes.
        board.applySnapshot(QStringLiteral("halts"), {});
        QTRY_VERIFY(haltedTitles(view).isEmpty());
    }

    // The wall has no scroll bars: cards past a column's bottom are counted, not hidden.
    void wallColumnCountsTheCardsItCannotShow() {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);
        ManualClock clock(now);
        Board board(clock);
        board.setKanbanConfig(sampleKanbanConfig());
        Items cards;
        for (int i = 0; i < 12; ++i)
            cards.push_back(fixtureCard(QStringLiteral("W-%1").arg(i),
                                        QStringLiteral("Work item %1").arg(i),
                                        QStringLiteral("todo"), now, i));
        board.applySnapshot(QStringLiteral("team-board"), cards);
        KanbanView view(&board);
        view.setScrollBarsShown(false);
        view.resize(1400, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto moreOf = [&view](const QString &name) {
            QFrame *frame = column(view, name);
            return frame ? frame->findChild<QLabel *>(QStringLiteral("kanban-more")) : nullptr;
        };
        QTRY_VERIFY(moreOf(QStringLiteral("What's next")) &&
                    moreOf(QStringLiteral("What's next"))->isVisible());
        // Every card is either whole on screen or in the count (a card cut at the bottom counts
        // as more): checked once the count has settled after the label took its room.
        QFrame *frame = column(view, QStringLiteral("What's next"));
        const auto hiddenCount = [&]() {
            return moreOf(QStringLiteral("What's next"))
                ->text()
                .section(QLatin1Char(' '), 1, 1)
                .toInt();
        };
        const auto wholeOnScreen = [frame]() {
            int whole = 0;
            for (QFrame *card : frame->findChildren<QFrame *>(QStringLiteral("kanban-card")))
                whole += card->visibleRegion() == QRegion(card->rect()) ? 1 : 0;
            return whole;
        };
        QTRY_COMPARE(wholeOnScreen() + hiddenCount(), 12);
        QVERIFY2(hiddenCount() > 0 && hiddenCount() < 12,
                 qPrintable(moreOf(QStringLiteral("What's next"))->text()));
        QVERIFY(!moreOf(QStringLiteral("Done"))->isVisible()); // an empty column fits
        QVERIFY(view.grab().save(QStringLiteral("/tmp/dutyboard-kanban-wall-more.png")));

        view.resize(1400, 2400); // room for all of them
        QTRY_VERIFY(!moreOf(QStringLiteral("What's next"))->isVisible());
    }

    void demoBoardInMainWindow() {
        std::unique_ptr<DemoServer> demo;
        const QByteArray config = AppContext::startDemo(&demo);
        QVERIFY(!config.isEmpty());
        AppContext context(parseConfig(config, QStringLiteral("demo")));
        context.keepDemoServer(std::move(demo));
        MainWindow window(context.board());
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QCOMPARE(pages->count(), 2);
        QCOMPARE(pages->currentIndex(), 0); // the duty board stays the first page
        QSignalSpy all(context.board(), &Board::allAnswered);
        context.poller()->start();
        QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 15000);

        pages->setCurrentIndex(1);
        auto *view = window.findChild<KanbanView *>();
        QVERIFY(view);
        QTRY_VERIFY(view->headerText(QStringLiteral("Work in progress"))
                        .contains(QStringLiteral("\u26A0 2 / 1")));
        QTRY_COMPARE(haltedTitles(*view), QStringList{QStringLiteral("sftp-partner-gateway")});
        QTest::qWait(50);
        QVERIFY(window.grab().save(QStringLiteral("/tmp/dutyboard-kanban-demo.png")));
    }
};

QTEST_MAIN(TestKanbanView)
#include "tst_kanbanview.moc"
