// SPDX-License-Identifier: MIT
// The 15-minute rule's clocks with an injected clock: amber at 10, red at 15, one breach per
// clock, and a restart in the middle (a new Store on the same file) keeps the start.
#include "core/lean/InvestigationClocks.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestInvestigationClock final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void thresholdsAndRestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        const QString desk = QStringLiteral("desk");
        const QString id = QStringLiteral("1043");
        ManualClock clock(QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
        {
            Store store(testStateLocation(path));
            QString notice;
            QVERIFY(store.open(&notice));
            InvestigationClocks clocks(&store, clock, 10, 15);
            QSignalSpy loaded(&clocks, &InvestigationClocks::loaded);
            clocks.load();
            QTRY_COMPARE(loaded.count(), 1);
            QSignalSpy breached(&clocks, &InvestigationClocks::breached);
            QCOMPARE(clocks.level(desk, id), ClockLevel::None);
            clocks.start(desk, id);
            QCOMPARE(clocks.level(desk, id), ClockLevel::Running);
            clock.advanceSecs(9 * 60 + 59);
            clocks.check();
            QCOMPARE(clocks.level(desk, id), ClockLevel::Running);
            clock.advanceSecs(1);
            clocks.check();
            QCOMPARE(clocks.level(desk, id), ClockLevel::Amber);
            QCOMPARE(formatClock(clocks.elapsedS(desk, id)), QStringLiteral("10:00"));
            clock.advanceSecs(2 * 60); // 12 minutes: the app stops here
            clocks.start(desk, id);    // starting again keeps the first start
            QCOMPARE(clocks.elapsedS(desk, id), 12 * 60);
            QCOMPARE(breached.count(), 0);
        }
        Store store(testStateLocation(path));
        QString notice;
        QVERIFY(store.open(&notice));
        InvestigationClocks clocks(&store, clock, 10, 15);
        QSignalSpy loaded(&clocks, &InvestigationClocks::loaded);
        QSignalSpy breached(&clocks, &InvestigationClocks::breached);
        clocks.load();
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(clocks.elapsedS(desk, id), 12 * 60);
        QCOMPARE(clocks.level(desk, id), ClockLevel::Amber);
        clock.advanceSecs(2 * 60 + 59);
        clocks.check();
        QCOMPARE(breached.count(), 0);
        clock.advanceSecs(1); // 15:00
        clocks.check();
        QCOMPARE(clocks.level(desk, id), ClockLevel::Red);
        QCOMPARE(breached.count(), 1);
        QCOMPARE(breached.at(0).at(1).toString(), id);
        clock.advanceSecs(60);
        clocks.check();
        QCOMPARE(breached.count(), 1); // once per clock
        clocks.markEscalated(desk, id, QStringLiteral("SRE-312"),
                             QStringLiteral("http://t/SRE-312"));
        QCOMPARE(clocks.level(desk, id), ClockLevel::Escalated);
        const qint64 frozen = clocks.elapsedS(desk, id);
        clock.advanceSecs(600);
        QCOMPARE(clocks.elapsedS(desk, id), frozen); // an escalated clock stops
    }

    void breachIsNotRepeatedAfterRestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        ManualClock clock(QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
        for (int run = 0; run < 2; ++run) {
            Store store(testStateLocation(path));
            QString notice;
            QVERIFY(store.open(&notice));
            InvestigationClocks clocks(&store, clock, 10, 15);
            QSignalSpy loaded(&clocks, &InvestigationClocks::loaded);
            QSignalSpy breached(&clocks, &InvestigationClocks::breached);
            clocks.load();
            QTRY_COMPARE(loaded.count(), 1);
            if (run == 0) {
                clocks.startAt(QStringLiteral("desk"), QStringLiteral("7"),
                               clock.now().addSecs(-16 * 60));
                clocks.check();
            }
            QCOMPARE(breached.count(), run == 0 ? 1 : 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestInvestigationClock)
#include "tst_investigationclock.moc"
