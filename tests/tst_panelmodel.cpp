// SPDX-License-Identifier: MIT
// The panel model: incremental signals only, correct under QAbstractItemModelTester.
#include "core/models/PanelModel.h"
#include "tests/support/TestEnvironment.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

Item makeItem(const QString &source, const QString &id, const QString &title, qint64 ageS,
              const QDateTime &now) {
    Item item;
    item.kind = ItemKind::Incident;
    item.source = source;
    item.id = id;
    item.title = title;
    item.state = QStringLiteral("active");
    item.createdAt = now.addSecs(-ageS);
    item.severity = severityFromText(QStringLiteral("warning"));
    return item;
}

} // namespace

class TestPanelModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void incrementalSignalsNeverReset() {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        ManualClock clock(now);
        PanelModel model(ItemKind::Incident, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Items first;
        for (int i = 0; i < 10; ++i)
            first.push_back(makeItem(QStringLiteral("am"), QString::number(i),
                                     QStringLiteral("t%1").arg(i), 60 * i, now));
        model.applySnapshot(QStringLiteral("am"), first);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(inserted.count(), 1);

        // Another source adds its own items without touching the first source's.
        model.applySnapshot(
            QStringLiteral("other"),
            {makeItem(QStringLiteral("other"), QStringLiteral("0"), QStringLiteral("x"), 5, now)});
        QCOMPARE(model.rowCount(), 11);

        // Same snapshot again: nothing signalled.
        inserted.clear();
        changed.clear();
        model.applySnapshot(QStringLiteral("am"), first);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 0);

        // One changed, two removed (3 and 4: one contiguous run), one new.
        Items next = first;
        next[1].title = QStringLiteral("changed");
        next.erase(next.begin() + 3, next.begin() + 5);
        next.push_back(
            makeItem(QStringLiteral("am"), QStringLiteral("new"), QStringLiteral("n"), 0, now));
        const SnapshotDiff diff = model.applySnapshot(QStringLiteral("am"), next);
        QCOMPARE(diff.changed.size(), size_t(1));
        QCOMPARE(diff.removed.size(), size_t(2));
        QCOMPARE(diff.inserted.size(), size_t(1));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(resets.count(), 0);

        // The changed row shows its new title; the other source's item is still there.
        QStringList titles;
        for (int row = 0; row < model.rowCount(); ++row)
            titles << model.index(row).data(PanelModel::TitleRole).toString();
        QVERIFY(titles.contains(QStringLiteral("changed")));
        QVERIFY(titles.contains(QStringLiteral("x")));
        QVERIFY(!titles.contains(QStringLiteral("t3")));

        // The source disappears: only its rows go.
        model.applySnapshot(QStringLiteral("am"), {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.count(), 0);
    }

    void duplicateIdsAreOneItem() {
        PanelModel model(ItemKind::Incident);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.applySnapshot(
            QStringLiteral("s"),
            {makeItem(QStringLiteral("s"), QStringLiteral("a"), QStringLiteral("one"), 0, now),
             makeItem(QStringLiteral("s"), QStringLiteral("a"), QStringLiteral("two"), 0, now)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("one"));
    }

    void agesRepaintOnlyWhenTheTextChanges() {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        ManualClock clock(now);
        PanelModel model(ItemKind::Incident, clock);
        model.applySnapshot(
            QStringLiteral("am"),
            {makeItem(QStringLiteral("am"), QStringLiteral("a"), QStringLiteral("a"), 30, now),
             makeItem(QStringLiteral("am"), QStringLiteral("b"), QStringLiteral("b"), 7200, now)});
        QCOMPARE(model.index(0).data(PanelModel::AgeTextRole).toString(), QStringLiteral("now"));
        QCOMPARE(model.index(1).data(PanelModel::AgeTextRole).toString(), QStringLiteral("2 h"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advanceSecs(20);
        QCOMPARE(model.refreshAges(), 0);
        QCOMPARE(changed.count(), 0);
        clock.advanceSecs(40); // a: 90 s -> "1 min"; b: still "2 h"
        QCOMPARE(model.refreshAges(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0).data(PanelModel::AgeTextRole).toString(), QStringLiteral("1 min"));
    }

    void staleSourceMarksItsRowsOnly() {
        PanelModel model(ItemKind::Incident);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.applySnapshot(QStringLiteral("a"), {makeItem(QStringLiteral("a"), QStringLiteral("1"),
                                                           QStringLiteral("x"), 0, now)});
        model.applySnapshot(QStringLiteral("b"), {makeItem(QStringLiteral("b"), QStringLiteral("1"),
                                                           QStringLiteral("y"), 0, now)});
        model.setSourceStale(QStringLiteral("a"), true);
        QVERIFY(model.index(0).data(PanelModel::StaleRole).toBool());
        QVERIFY(!model.index(1).data(PanelModel::StaleRole).toBool());
        model.setSourceStale(QStringLiteral("a"), false);
        QVERIFY(!model.index(0).data(PanelModel::StaleRole).toBool());
    }

    // The sources with items on the panel (the header's freshness reads them on every row
    // signal): in the order they first brought items, and gone once they bring none.
    void sourcesAreThoseWithItems() {
        PanelModel model(ItemKind::Incident);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto one = [&now](const QString &source, const QString &id) {
            return Items{makeItem(source, id, QStringLiteral("t"), 0, now)};
        };
        QVERIFY(model.sources().isEmpty());
        model.applySnapshot(QStringLiteral("b"), one(QStringLiteral("b"), QStringLiteral("1")));
        model.applySnapshot(QStringLiteral("a"), one(QStringLiteral("a"), QStringLiteral("1")));
        model.applySnapshot(QStringLiteral("b"), one(QStringLiteral("b"), QStringLiteral("2")));
        QCOMPARE(model.sources(), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        model.applySnapshot(QStringLiteral("b"), {});
        QCOMPARE(model.sources(), QStringList{QStringLiteral("a")});
        model.applySnapshot(QStringLiteral("b"), one(QStringLiteral("b"), QStringLiteral("3")));
        QCOMPARE(model.sources(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }
};

QTEST_GUILESS_MAIN(TestPanelModel)
#include "tst_panelmodel.moc"
