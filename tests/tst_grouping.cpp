// SPDX-License-Identifier: MIT
// Grouping on the incidents panel (issue 17 §1): the group key, a group's worst severity and
// earliest start, alerts moving between groups, a group shrinking to one, and incremental
// signals under the panel's filter proxy, checked by QAbstractItemModelTester throughout.
#include "core/filter/ItemFilter.h"
#include "core/grouping/GroupKey.h"
#include "core/grouping/GroupSummary.h"
#include "core/models/PanelGroupModel.h"
#include "core/models/PanelModel.h"
#include "core/models/PanelSortProxy.h"
#include "tests/support/TestEnvironment.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-07T10:00:00Z"), Qt::ISODate);

QString am() {
    return QStringLiteral("am");
}

Item alert(const QString &id, const QString &alertname, const QString &instance,
           const QString &severity = QStringLiteral("warning"), qint64 ageS = 60,
           const QStringList &more = {}) {
    Item item;
    item.kind = ItemKind::Incident;
    item.source = am();
    item.id = id;
    item.title = QStringLiteral("%1 on %2").arg(alertname, instance);
    item.state = QStringLiteral("active");
    item.createdAt = now.addSecs(-ageS);
    item.severity = severityFromText(severity);
    item.labels = QStringList{QStringLiteral("alertname=\"%1\"").arg(alertname),
                              QStringLiteral("instance=\"%1\"").arg(instance)} +
                  more;
    item.labels.sort();
    return item;
}

// The desk's chain: panel model, its filter proxy left unsorted, the grouping on top.
struct Grouped {
    ManualClock clock{now};
    PanelModel panel{ItemKind::Incident, clock};
    PanelSortProxy proxy{ItemKind::Incident};
    PanelGroupModel groups{&panel, [](const QString &source) {
                               return source == am() ? QStringList{QStringLiteral("alertname")}
                                                     : QStringList();
                           }};
    QAbstractItemModelTester tester{&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest};

    Grouped() {
        proxy.sort(-1);
        proxy.setSourceModel(&panel);
        groups.setSourceModel(&proxy);
    }
    QString titleAt(int row, const QModelIndex &parent = {}) const {
        return groups.index(row, 0, parent).data(PanelModel::TitleRole).toString();
    }
    int sizeAt(int row) const {
        return groups.index(row, 0).data(PanelGroupModel::GroupSizeRole).toInt();
    }
};

} // namespace

class TestGrouping final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void groupKey_data() {
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("right");
        QTest::addColumn<QStringList>("groupBy");
        QTest::addColumn<bool>("together");
        const QStringList cpuA{QStringLiteral("alertname=\"HighCPU\""),
                               QStringLiteral("cluster=\"eu\""),
                               QStringLiteral("instance=\"node-1\"")};
        const QStringList cpuB{QStringLiteral("alertname=\"HighCPU\""),
                               QStringLiteral("cluster=\"us\""),
                               QStringLiteral("instance=\"node-2\"")};
        const QStringList disk{QStringLiteral("alertname=\"DiskFull\""),
                               QStringLiteral("cluster=\"eu\""),
                               QStringLiteral("instance=\"node-1\"")};
        const QStringList bare{QStringLiteral("instance=\"node-3\"")};
        const QStringList alertnameOnly{QStringLiteral("alertname")};
        const QStringList withCluster{QStringLiteral("alertname"), QStringLiteral("cluster")};
        QTest::newRow("same alertname") << cpuA << cpuB << alertnameOnly << true;
        QTest::newRow("other alertname") << cpuA << disk << alertnameOnly << false;
        QTest::newRow("alertname and cluster differ") << cpuA << cpuB << withCluster << false;
        QTest::newRow("cluster alone")
            << cpuA << disk << QStringList{QStringLiteral("cluster")} << true;
        QTest::newRow("no group_by: each alone") << cpuA << cpuA << QStringList() << false;
        QTest::newRow("both without the label") << bare << bare << alertnameOnly << true;
        QTest::newRow("one without the label") << cpuA << bare << alertnameOnly << false;
        // A value holding the separator's neighbours cannot fake another pair of values.
        QTest::newRow("values do not run together")
            << QStringList{QStringLiteral("a=\"x\""), QStringLiteral("b=\"yz\"")}
            << QStringList{QStringLiteral("a=\"xy\""), QStringLiteral("b=\"z\"")}
            << QStringList{QStringLiteral("a"), QStringLiteral("b")} << false;
    }
    void groupKey() {
        QFETCH(QStringList, left);
        QFETCH(QStringList, right);
        QFETCH(QStringList, groupBy);
        QFETCH(bool, together);
        Item l = alert(QStringLiteral("1"), QString(), QString());
        Item r = alert(QStringLiteral("2"), QString(), QString());
        l.labels = left;
        r.labels = right;
        QCOMPARE(groupKeyOf(l, groupBy) == groupKeyOf(r, groupBy), together);
        // Two sources never share a group.
        r.source = QStringLiteral("other");
        QVERIFY(groupKeyOf(l, groupBy) != groupKeyOf(r, groupBy));
    }

    void labelValues() {
        const QStringList labels{QStringLiteral("alertname=\"HighCPU\""),
                                 QStringLiteral("job=\"node \\\"x\\\"\""),
                                 QStringLiteral("alert=\"short\"")};
        QCOMPARE(labelValue(labels, QStringLiteral("alertname")), QStringLiteral("HighCPU"));
        QCOMPARE(labelValue(labels, QStringLiteral("alert")), QStringLiteral("short"));
        QCOMPARE(labelValue(labels, QStringLiteral("missing")), QString());
        Item item = alert(QStringLiteral("1"), QStringLiteral("HighCPU"), QStringLiteral("n1"));
        QCOMPARE(groupTitleOf(item, {QStringLiteral("alertname"), QStringLiteral("cluster")}),
                 QStringLiteral("HighCPU \u00B7 (no cluster)"));
        QCOMPARE(groupTitleOf(item, {}), item.title);
    }

    // A group takes its worst severity and its earliest start, whatever the members' order.
    void worstSeverityAndEarliestStart_data() {
        QTest::addColumn<QStringList>("severities");
        QTest::addColumn<QList<int>>("agesMin");
        QTest::addColumn<QString>("worst");
        QTest::addColumn<int>("earliestMin");
        QTest::addColumn<QString>("ages");
        QTest::newRow("same severity")
            << QStringList{QStringLiteral("warning"), QStringLiteral("warning")}
            << QList<int>{5, 90} << QStringLiteral("SEV-3") << 90
            << QStringLiteral("first 1 h ago \u00B7 newest 5 min ago");
        // The oldest is the mildest: the group is still as old as it.
        QTest::newRow("worst is the newest")
            << QStringList{QStringLiteral("info"), QStringLiteral("critical"),
                           QStringLiteral("warning")}
            << QList<int>{120, 3, 30} << QStringLiteral("SEV-1") << 120
            << QStringLiteral("first 2 h ago \u00B7 newest 3 min ago");
        QTest::newRow("unknown counts last")
            << QStringList{QStringLiteral("mystery"), QStringLiteral("high")} << QList<int>{10, 20}
            << QStringLiteral("SEV-2") << 20
            << QStringLiteral("first 20 min ago \u00B7 newest 10 min ago");
    }
    void worstSeverityAndEarliestStart() {
        QFETCH(QStringList, severities);
        QFETCH(QList<int>, agesMin);
        QFETCH(QString, worst);
        QFETCH(int, earliestMin);
        QFETCH(QString, ages);
        Grouped g;
        Items items;
        for (qsizetype i = 0; i < severities.size(); ++i)
            items.push_back(alert(QString::number(i), QStringLiteral("HighCPU"),
                                  QStringLiteral("node-%1").arg(i + 1), severities[i],
                                  60 * agesMin[i]));
        g.panel.applySnapshot(am(), items);
        QCOMPARE(g.groups.groupCount(), 1);
        const QModelIndex group = g.groups.index(0, 0);
        QVERIFY(g.groups.isGroup(group));
        QCOMPARE(group.data(PanelModel::SeverityLabelRole).toString(), worst);
        QCOMPARE(group.data(PanelModel::CreatedAtRole).toDateTime(),
                 now.addSecs(-60 * earliestMin));
        QCOMPARE(group.data(PanelModel::AgeTextRole).toString(), ages);
        QCOMPARE(
            g.titleAt(0),
            QStringLiteral("HighCPU \u00D7%1 \u2014 node-1 \u2026 node-%1").arg(severities.size()));
        // The members in panel order: worst first.
        QCOMPARE(g.groups.index(0, 0, group).data(PanelModel::SeverityLabelRole).toString(), worst);
    }

    void groupsInOrderAndPlainRows() {
        Grouped g;
        Items items{alert(QStringLiteral("1"), QStringLiteral("DiskFull"), QStringLiteral("n1"),
                          QStringLiteral("warning"), 600),
                    alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("n1"),
                          QStringLiteral("critical"), 60),
                    alert(QStringLiteral("3"), QStringLiteral("HighCPU"), QStringLiteral("n2"),
                          QStringLiteral("critical"), 120),
                    alert(QStringLiteral("4"), QStringLiteral("Lonely"), QStringLiteral("n9"),
                          QStringLiteral("critical"), 30)};
        g.panel.applySnapshot(am(), items);
        Item pd = alert(QStringLiteral("p1"), QStringLiteral("HighCPU"), QStringLiteral("n3"),
                        QStringLiteral("critical"), 10);
        pd.source = QStringLiteral("pagerduty");
        g.panel.applySnapshot(pd.source, {pd});
        QCOMPARE(g.groups.alertCount(), 5);
        QCOMPARE(g.groups.groupCount(), 4);
        // Worst severity first, then the earliest start.
        QCOMPARE(g.titleAt(0), QStringLiteral("HighCPU \u00D72 \u2014 n1 \u2026 n2"));
        QCOMPARE(g.sizeAt(0), 2);
        QCOMPARE(g.titleAt(1), QStringLiteral("Lonely on n9")); // a group of one: a plain row
        QCOMPARE(g.sizeAt(1), 0);
        QCOMPARE(g.groups.rowCount(g.groups.index(1, 0)), 0);
        QCOMPARE(g.titleAt(2), pd.title); // not grouped: another source, no group_by
        QCOMPARE(g.titleAt(3), QStringLiteral("DiskFull on n1"));
        // The children in panel order, oldest first at one severity.
        QCOMPARE(g.titleAt(0, g.groups.index(0, 0)), QStringLiteral("HighCPU on n2"));
        QCOMPARE(g.groups.itemsOf(g.groups.index(0, 0)).size(), size_t(2));
        QCOMPARE(g.groups.itemsOf(g.groups.index(1, 0)).front()->id, QStringLiteral("4"));
    }

    void alertMovesBetweenGroups() {
        Grouped g;
        g.panel.applySnapshot(
            am(), {alert(QStringLiteral("1"), QStringLiteral("HighCPU"), QStringLiteral("n1")),
                   alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("n2")),
                   alert(QStringLiteral("3"), QStringLiteral("HighCPU"), QStringLiteral("n3")),
                   alert(QStringLiteral("4"), QStringLiteral("DiskFull"), QStringLiteral("n4"),
                         QStringLiteral("warning"), 30),
                   alert(QStringLiteral("5"), QStringLiteral("DiskFull"), QStringLiteral("n5"),
                         QStringLiteral("warning"), 30)});
        QSignalSpy resets(&g.groups, &QAbstractItemModel::modelReset);
        // Alert 3's labels change: it leaves HighCPU for DiskFull.
        g.panel.applySnapshot(
            am(), {alert(QStringLiteral("1"), QStringLiteral("HighCPU"), QStringLiteral("n1")),
                   alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("n2")),
                   alert(QStringLiteral("3"), QStringLiteral("DiskFull"), QStringLiteral("n3")),
                   alert(QStringLiteral("4"), QStringLiteral("DiskFull"), QStringLiteral("n4"),
                         QStringLiteral("warning"), 30),
                   alert(QStringLiteral("5"), QStringLiteral("DiskFull"), QStringLiteral("n5"),
                         QStringLiteral("warning"), 30)});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(g.groups.groupCount(), 2);
        QStringList sizes;
        for (int row = 0; row < g.groups.groupCount(); ++row)
            sizes.append(g.titleAt(row).section(QStringLiteral(" \u2014"), 0, 0));
        // DiskFull now holds the earliest start (alert 3, 1 min ago... n4 and n5 30 s).
        QCOMPARE(sizes, (QStringList{QStringLiteral("DiskFull \u00D73"),
                                     QStringLiteral("HighCPU \u00D72")}));
        const QModelIndex disk = g.groups.index(0, 0);
        QCOMPARE(g.titleAt(0, disk), QStringLiteral("DiskFull on n3"));
    }

    void groupShrinkingToOneBecomesPlain() {
        Grouped g;
        g.panel.applySnapshot(
            am(), {alert(QStringLiteral("1"), QStringLiteral("HighCPU"), QStringLiteral("n1")),
                   alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("n2"))});
        QCOMPARE(g.sizeAt(0), 2);
        QItemSelectionModel selection(&g.groups);
        selection.setCurrentIndex(g.groups.index(0, 0), QItemSelectionModel::SelectCurrent);
        QSignalSpy resets(&g.groups, &QAbstractItemModel::modelReset);
        g.panel.applySnapshot(
            am(), {alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("n2"))});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(g.groups.groupCount(), 1);
        QCOMPARE(g.sizeAt(0), 0);
        QVERIFY(!g.groups.isGroup(g.groups.index(0, 0)));
        QCOMPARE(g.titleAt(0), QStringLiteral("HighCPU on n2"));
        QCOMPARE(g.groups.mapToSource(g.groups.index(0, 0)).data(PanelModel::IdRole).toString(),
                 QStringLiteral("2"));
        // The row that was the group is still the selected one.
        QCOMPARE(selection.currentIndex(), g.groups.index(0, 0));
        // And grows back into a group.
        g.panel.applySnapshot(
            am(), {alert(QStringLiteral("2"), QStringLiteral("HighCPU"), QStringLiteral("n2")),
                   alert(QStringLiteral("3"), QStringLiteral("HighCPU"), QStringLiteral("n3"))});
        QCOMPARE(g.sizeAt(0), 2);
        QCOMPARE(selection.currentIndex(), g.groups.index(0, 0));
    }

    // A refresh where a group's count changes: rows inserted and removed inside it, never a
    // reset; the selected group and the selected alert stay selected.
    void countChangeIsIncremental() {
        Grouped g;
        Items items;
        for (int i = 0; i < 6; ++i)
            items.push_back(alert(QString::number(i), QStringLiteral("HighCPU"),
                                  QStringLiteral("node-%1").arg(i), QStringLiteral("critical"),
                                  600 - i));
        items.push_back(alert(QStringLiteral("d"), QStringLiteral("DiskFull"),
                              QStringLiteral("node-9"), QStringLiteral("info")));
        g.panel.applySnapshot(am(), items);
        const QModelIndex cpu = g.groups.index(0, 0);
        QItemSelectionModel selection(&g.groups);
        const QModelIndex member = g.groups.index(2, 0, cpu);
        QCOMPARE(member.data(PanelModel::IdRole).toString(), QStringLiteral("2"));
        selection.select(member, QItemSelectionModel::Select);
        selection.setCurrentIndex(cpu, QItemSelectionModel::NoUpdate);
        QSignalSpy resets(&g.groups, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&g.groups, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&g.groups, &QAbstractItemModel::rowsRemoved);
        QSignalSpy counts(&g.groups, &PanelGroupModel::countsChanged);

        items.erase(items.begin()); // node-0 resolves
        for (int i = 6; i < 9; ++i)
            items.push_back(alert(QString::number(i), QStringLiteral("HighCPU"),
                                  QStringLiteral("node-%1").arg(i), QStringLiteral("critical"),
                                  60));
        g.panel.applySnapshot(am(), items);
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(removed.count(), 1);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(g.groups.alertCount(), 9);
        QCOMPARE(g.groups.groupCount(), 2);
        QCOMPARE(g.sizeAt(0), 8);
        QCOMPARE(selection.currentIndex(), g.groups.index(0, 0));
        const QModelIndexList selected = selection.selectedIndexes();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.front().data(PanelModel::IdRole).toString(), QStringLiteral("2"));
        QCOMPARE(selected.front().parent(), g.groups.index(0, 0));

        // A repaint-only change (ages) moves nothing.
        resets.clear();
        inserted.clear();
        removed.clear();
        g.clock.advanceSecs(3600);
        QSignalSpy changed(&g.groups, &QAbstractItemModel::dataChanged);
        QVERIFY(g.panel.refreshAges() > 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(inserted.count() + removed.count() + resets.count(), 0);
        QVERIFY(g.groups.index(0, 0)
                    .data(PanelModel::AgeTextRole)
                    .toString()
                    .startsWith(QStringLiteral("first 1 h ago")));
    }

    // The filter applies to alerts before grouping: a group counts what the filter lets through.
    void groupsWhatTheFilterLetsThrough() {
        Grouped g;
        Items items;
        for (int i = 0; i < 4; ++i) {
            items.push_back(alert(QString::number(i), QStringLiteral("HighCPU"),
                                  QStringLiteral("node-%1").arg(i)));
            if (i % 2 == 1)
                items.back().state = QStringLiteral("suppressed");
        }
        g.panel.applySnapshot(am(), items);
        QCOMPARE(g.sizeAt(0), 4);
        QCOMPARE(g.groups.index(0, 0).data(PanelModel::StateRole).toString(),
                 QStringLiteral("2 active \u00B7 2 suppressed"));
        // The filter bar's way: "hide silenced and inhibited" leaves the active two.
        const auto noContext = [] { return FilterContext{}; };
        FilterToggles hideMuted;
        hideMuted.hideSilenced = true;
        g.proxy.setItemFilter(
            std::make_shared<const ItemFilter>(FilterQuery(), hideMuted, noContext));
        QCOMPARE(g.groups.alertCount(), 2);
        QCOMPARE(g.sizeAt(0), 2);
        QCOMPARE(g.groups.index(0, 0).data(PanelModel::StateRole).toString(),
                 QStringLiteral("2 active"));
        FilterError error;
        const FilterQuery nothing = FilterQuery::parse(QStringLiteral("no-such-words"), &error);
        g.proxy.setItemFilter(
            std::make_shared<const ItemFilter>(nothing, FilterToggles{}, noContext));
        QCOMPARE(g.groups.groupCount(), 0);
        g.proxy.setItemFilter(nullptr);
        QCOMPARE(g.sizeAt(0), 4);
    }

    // The span names the distinguishing label's lowest and highest values; a member without
    // that label (an alert of another shape under the same name) is left out of it, never
    // shown as an empty end ("— … n5").
    void theSpanLeavesOutMembersWithoutTheLabel() {
        const Item first = alert(QStringLiteral("1"), QStringLiteral("A"), QStringLiteral("n2"));
        Item other = alert(QStringLiteral("2"), QStringLiteral("A"), QStringLiteral("x"));
        other.labels =
            QStringList{QStringLiteral("alertname=\"A\""), QStringLiteral("service=\"payments\"")};
        const Item last = alert(QStringLiteral("3"), QStringLiteral("A"), QStringLiteral("n5"));
        const QStringList byName{QStringLiteral("alertname")};
        QCOMPARE(summariseGroup({&first, &other, &last}, byName).span,
                 QStringLiteral("n2 \u2026 n5"));
        QCOMPARE(summariseGroup({&first, &other}, byName).span, QStringLiteral("n2"));
    }

    // A filter that hides thousands of alerts (50,000 on a bad day) takes them out in one
    // layout change, not one removal signal per row run, each redrawing every view above; the
    // groups still count exactly what it lets through, and clearing it brings every alert back.
    void aFilterHidingThousandsIsOneLayoutChange() {
        Grouped g;
        Items items;
        const int n = 3 * PanelSortProxy::resortAbove;
        for (int i = 0; i < n; ++i) // interleaved: every hidden alert is a run of its own
            items.push_back(alert(
                QString::number(i), i % 2 ? QStringLiteral("DiskFull") : QStringLiteral("HighCPU"),
                QStringLiteral("node-%1").arg(i), QStringLiteral("warning"), 60 + i));
        g.panel.applySnapshot(am(), items);
        QSignalSpy removed(&g.proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy relaidOut(&g.proxy, &QAbstractItemModel::layoutChanged);
        FilterError error;
        const FilterQuery cpu = FilterQuery::parse(QStringLiteral("HighCPU"), &error);
        const auto noContext = [] { return FilterContext{}; };
        g.proxy.setItemFilter(std::make_shared<const ItemFilter>(cpu, FilterToggles{}, noContext));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(relaidOut.count(), 1);
        QCOMPARE(g.proxy.rowCount(), n / 2);
        QCOMPARE(g.groups.groupCount(), 1);
        QCOMPARE(g.sizeAt(0), n / 2);
        QVERIFY(g.titleAt(0).startsWith(QStringLiteral("HighCPU \u00D7")));
        g.proxy.setItemFilter(nullptr);
        QCOMPARE(g.proxy.rowCount(), n);
        QCOMPARE(g.groups.alertCount(), n);
    }

    // Many alerts, many refreshes at random: the model's own view always equals a fresh one.
    void randomRefreshesMatchARegroup() {
        Grouped g;
        const QStringList names{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                QStringLiteral("D")};
        const QStringList severities{QStringLiteral("critical"), QStringLiteral("high"),
                                     QStringLiteral("warning"), QStringLiteral("info")};
        quint32 seed = 17;
        const auto next = [&seed](quint32 n) {
            seed = seed * 1664525u + 1013904223u;
            return (seed >> 8) % n;
        };
        for (int round = 0; round < 40; ++round) {
            Items items;
            for (int id = 0; id < 60; ++id) {
                if (next(4) == 0)
                    continue;
                items.push_back(alert(QString::number(id), names[next(4)],
                                      QStringLiteral("n%1").arg(id), severities[next(4)],
                                      60 * (1 + next(100))));
            }
            g.panel.applySnapshot(am(), items);
            PanelGroupModel fresh(
                &g.panel, [](const QString &) { return QStringList{QStringLiteral("alertname")}; });
            fresh.setSourceModel(&g.proxy);
            QCOMPARE(g.groups.groupCount(), fresh.groupCount());
            for (int row = 0; row < fresh.groupCount(); ++row) {
                const QModelIndex mine = g.groups.index(row, 0);
                const QModelIndex theirs = fresh.index(row, 0);
                QCOMPARE(mine.data(PanelModel::TitleRole), theirs.data(PanelModel::TitleRole));
                QCOMPARE(mine.data(PanelModel::SeverityRankRole),
                         theirs.data(PanelModel::SeverityRankRole));
                QCOMPARE(g.groups.rowCount(mine), fresh.rowCount(theirs));
                for (int child = 0; child < fresh.rowCount(theirs); ++child)
                    QCOMPARE(g.groups.index(child, 0, mine).data(PanelModel::IdRole),
                             fresh.index(child, 0, theirs).data(PanelModel::IdRole));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGrouping)
#include "tst_grouping.moc"
