// SPDX-License-Identifier: MIT
// Grouping on screen (issue 17 §1): the desk's incidents panel shows groups that expand to
// their alerts, its header counts both; the wall shows the groups only. Offscreen, widgets found
// by objectName.
#include "core/board/Board.h"
#include "core/models/PanelGroupModel.h"
#include "core/models/PanelModel.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/BoardViewFind.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"
#include "widgets/wall/WallPanel.h"

#include <QLabel>
#include <QListView>
#include <QTest>
#include <QTreeView>

namespace {

const QString alerts = QStringLiteral("alerts");

Item alert(const QString &id, const QString &alertname, const QString &instance, qint64 ageS,
           SeverityLevel level) {
    Item item = agedItem(ItemKind::Incident, alerts, id,
                         QStringLiteral("%1 on %2").arg(alertname, instance), ageS, level);
    item.labels = QStringList{QStringLiteral("alertname=\"%1\"").arg(alertname),
                              QStringLiteral("instance=\"%1\"").arg(instance)};
    return item;
}

// Three HighCPU (SEV-1), two DiskFull (SEV-3), one lonely Deadman: 6 alerts in 3 rows.
Items storm() {
    return {alert(QStringLiteral("1"), QStringLiteral("HighCPU"), QStringLiteral("node-01"), 7200,
                  SeverityLevel::Critical),
            alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("node-02"), 600,
                  SeverityLevel::Critical),
            alert(QStringLiteral("3"), QStringLiteral("HighCPU"), QStringLiteral("node-03"), 180,
                  SeverityLevel::Critical),
            alert(QStringLiteral("4"), QStringLiteral("DiskFull"), QStringLiteral("node-04"), 900,
                  SeverityLevel::Warning),
            alert(QStringLiteral("5"), QStringLiteral("DiskFull"), QStringLiteral("node-05"), 800,
                  SeverityLevel::Warning),
            alert(QStringLiteral("6"), QStringLiteral("Deadman"), QStringLiteral("node-06"), 60,
                  SeverityLevel::High)};
}

PanelGroupModel::GroupByOf byAlertname() {
    return [](const QString &source) {
        return source == alerts ? QStringList{QStringLiteral("alertname")} : QStringList();
    };
}

// A panel's header as read: its count, then its title ("6 Open incidents in 3 groups").
QString header(QWidget *panel) {
    return panel->findChild<QLabel *>(QStringLiteral("count"))->text() + QLatin1Char(' ') +
           panel->findChild<QLabel *>(QStringLiteral("title"))->text();
}

} // namespace

class TestGroupingWidgets final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void deskGroupsExpand() {
        ManualClock clock(fixtureStart());
        Board board(clock);
        addStandardSources(board);
        BoardView view(&board);
        findPanel(view, QStringLiteral("incidents"))->setGroupBy(byAlertname());
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        board.applySnapshot(alerts, storm());

        QTreeView *list = findItemList(view, QStringLiteral("incidents"));
        QVERIFY(list);
        QCOMPARE(header(findPanel(view, QStringLiteral("incidents"))),
                 QStringLiteral("6 Open incidents in 3 groups"));
        const QAbstractItemModel *rows = list->model();
        QCOMPARE(rows->rowCount(), 3);
        const QModelIndex cpu = rows->index(0, 0);
        QCOMPARE(cpu.data(PanelModel::TitleRole).toString(),
                 QStringLiteral("HighCPU \u00D73 \u2014 node-01 \u2026 node-03"));
        QCOMPARE(cpu.data(PanelModel::AgeTextRole).toString(),
                 QStringLiteral("first 2 h ago \u00B7 newest 3 min ago"));
        QCOMPARE(rows->index(1, 0).data(PanelModel::TitleRole).toString(),
                 QStringLiteral("Deadman on node-06")); // a group of one: a plain row
        QCOMPARE(rows->index(2, 0).data(PanelGroupModel::GroupSizeRole).toInt(), 2);

        // Enter on a group opens it: its alerts show under it, in panel order.
        QVERIFY(!list->isExpanded(cpu));
        list->setFocus();
        list->setCurrentIndex(cpu);
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(list->isExpanded(cpu));
        const QModelIndex first = rows->index(0, 0, cpu);
        QCOMPARE(first.data(PanelModel::IdRole).toString(), QStringLiteral("1"));
        QVERIFY(list->visualRect(rows->index(2, 0, cpu)).isValid());
        QVERIFY(list->visualRect(rows->index(1, 0)).top() >
                list->visualRect(rows->index(2, 0, cpu)).top());

        // A refresh that grows the open group keeps it open and the selected alert selected.
        list->setCurrentIndex(rows->index(1, 0, cpu));
        Items more = storm();
        more.push_back(alert(QStringLiteral("7"), QStringLiteral("HighCPU"),
                             QStringLiteral("node-07"), 30, SeverityLevel::Critical));
        board.applySnapshot(alerts, more);
        QCOMPARE(rows->rowCount(cpu), 4);
        QVERIFY(list->isExpanded(rows->index(0, 0)));
        QCOMPARE(list->currentIndex().data(PanelModel::IdRole).toString(), QStringLiteral("2"));
        QCOMPARE(header(findPanel(view, QStringLiteral("incidents"))),
                 QStringLiteral("7 Open incidents in 3 groups"));

        // Enter again closes it.
        list->setCurrentIndex(rows->index(0, 0));
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(!list->isExpanded(rows->index(0, 0)));
    }

    void withoutGroupingTheCountIsPlain() {
        ManualClock clock(fixtureStart());
        Board board(clock);
        addStandardSources(board);
        BoardView view(&board);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        board.applySnapshot(alerts, storm());
        QCOMPARE(findLabel(findPanel(view, QStringLiteral("incidents")), QStringLiteral("count"))
                     ->text(),
                 QStringLiteral("6"));
        QCOMPARE(findItemList(view, QStringLiteral("incidents"))->model()->rowCount(), 6);
    }

    void wallShowsGroupsOnly() {
        ManualClock clock(fixtureStart());
        Board board(clock);
        addStandardSources(board);
        WallPanel panel(ItemKind::Incident, &board);
        panel.setGroupBy(byAlertname());
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        board.applySnapshot(alerts, storm());
        auto *items = panel.findChild<QListView *>(QStringLiteral("items"));
        QVERIFY(items);
        QCOMPARE(items->model()->rowCount(), 3);
        QCOMPARE(header(&panel), QStringLiteral("6 Open incidents in 3 groups"));
        QCOMPARE(items->model()->index(0, 0).data(PanelModel::TitleRole).toString(),
                 QStringLiteral("HighCPU \u00D73 \u2014 node-01 \u2026 node-03"));
        QCOMPARE(items->model()->index(0, 0).data(PanelModel::SeverityLabelRole).toString(),
                 QStringLiteral("SEV-1"));
        // The wall lists no alert of a group on its own.
        for (int row = 0; row < items->model()->rowCount(); ++row)
            QVERIFY(items->model()->index(row, 0).data(PanelModel::IdRole).toString() !=
                    QStringLiteral("2"));
        QCOMPARE(panel.hiddenRows(), 0);
    }
};

QTEST_MAIN(TestGroupingWidgets)
#include "tst_grouping_widgets.moc"
