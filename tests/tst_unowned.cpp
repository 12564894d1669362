// SPDX-License-Identifier: MIT
// "Unowned is visible", without a screen: which items need an owner (SEV-1/2 incidents, andons,
// the bug in progress), when they become unowned (past the delay, from their creation or, when
// the source gave none, from when the board first saw them), and that each is told once.
#include "core/attention/UnownedItems.h"
#include "core/board/Board.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

void answer(Board &board, const QString &source, Items items) {
    board.applyAnswer(source, okHealthAt(board.clock().now()), std::move(items));
}

// A board on a manual clock, watched with a 5-minute delay; owners are set by hand.
struct Watched {
    explicit Watched(QRegularExpression inProgress = {})
        : unowned(
              &board, 5, [this](const Item &item) { return owners.value(item.id); },
              std::move(inProgress)) {
        addStandardSources(board);
    }
    ManualClock clock{fixtureStart()};
    Board board{clock};
    QHash<QString, QString> owners;
    UnownedItems unowned;
};

} // namespace

class TestUnowned final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void severeIncidentsAndonsAndTheBugInProgress() {
        Watched w(QRegularExpression(QStringLiteral("in.?progress"),
                                     QRegularExpression::CaseInsensitiveOption));
        auto &[clock, board, owners, unowned] = w;
        unowned.ignoreSource(QStringLiteral("(declaring)"));
        QSignalSpy alerts(&unowned, &UnownedItems::alert);
        QSignalSpy changed(&unowned, &UnownedItems::changed);

        answer(board, QStringLiteral("alerts"),
               {agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("sev1"),
                         QStringLiteral("db down"), 4 * 60, SeverityLevel::Critical),
                agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("sev3"),
                         QStringLiteral("disk"), 60 * 60, SeverityLevel::Warning)});
        Item andon = agedItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("a1"),
                              QStringLiteral("halt"), 0);
        andon.createdAt = {}; // the source did not say: from when the board first saw it
        answer(board, QStringLiteral("halts"), {andon});
        Item working = agedItem(ItemKind::Bug, QStringLiteral("jira-bugs"), QStringLiteral("b1"),
                                QStringLiteral("fix"), 60 * 60);
        working.state = QStringLiteral("In Progress");
        Item waiting = working;
        waiting.id = QStringLiteral("b2");
        waiting.state = QStringLiteral("Open");
        answer(board, QStringLiteral("jira-bugs"), {working, waiting});

        unowned.start(); // the bug in progress, an hour old: at once
        QCOMPARE(alerts.count(), 1);
        QCOMPARE(alerts.at(0).at(0).value<Items>().at(0).id, QStringLiteral("b1"));
        QCOMPARE(unowned.count(), 1);
        QCOMPARE(unowned.severeCount(), 0);
        QCOMPARE(changed.count(), 1);

        // The SEV-1 passes 5 minutes; the andon is a minute old. A source answering is enough.
        clock.advanceSecs(61);
        board.applyHealth(QStringLiteral("alerts"), okHealthAt(clock.now()));
        answer(board, QStringLiteral("alerts"), board.panel(ItemKind::Incident)->items());
        QCOMPARE(alerts.count(), 2);
        QCOMPARE(alerts.at(1).at(0).value<Items>().at(0).id, QStringLiteral("sev1"));
        QCOMPARE(unowned.severeCount(), 1);

        clock.advanceSecs(4 * 60);
        unowned.check();
        QCOMPARE(alerts.count(), 3);
        QCOMPARE(alerts.at(2).at(0).value<Items>().at(0).id, QStringLiteral("a1"));
        QCOMPARE(unowned.count(), 3);

        // Someone is on the SEV-1: no longer unowned; released, unowned again, never told twice.
        owners.insert(QStringLiteral("sev1"), QStringLiteral("victor"));
        unowned.check();
        QCOMPARE(unowned.severeCount(), 0);
        owners.remove(QStringLiteral("sev1"));
        unowned.check();
        unowned.check();
        QCOMPARE(unowned.severeCount(), 1);
        QCOMPARE(alerts.count(), 3);
        QVERIFY(!unowned.needsOwner(waiting)); // a bug nobody works on yet waits its turn

        // A placeholder of an incident being declared never needs an owner.
        Item placeholder =
            agedItem(ItemKind::Incident, QStringLiteral("(declaring)"), QStringLiteral("p"),
                     QStringLiteral("x"), 3600, SeverityLevel::Critical);
        QVERIFY(!unowned.needsOwner(placeholder));
    }

    // Between answers only time makes an item unowned: the next check is set for when the next
    // one passes the delay, rather than a walk over every item every few seconds (50,000 alerts
    // on a bad day); a minute at most, for a clock that jumps.
    void theNextCheckIsWhenTheNextItemPassesTheDelay() {
        Watched w;
        auto &[clock, board, owners, unowned] = w;
        auto *next = unowned.findChild<QTimer *>();
        QVERIFY(next);
        unowned.start();
        QVERIFY(next->isActive());
        QCOMPARE(next->interval(), 61000); // nothing waits for an owner: a minute
        answer(board, QStringLiteral("alerts"),
               {agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("old"),
                         QStringLiteral("db down"), 4 * 60 + 30, SeverityLevel::Critical),
                agedItem(ItemKind::Incident, QStringLiteral("alerts"), QStringLiteral("new"),
                         QStringLiteral("disk"), 60, SeverityLevel::High)});
        QCOMPARE(next->interval(), 31000); // "old" passes the 5 minutes in 30 s
        owners.insert(QStringLiteral("old"), QStringLiteral("victor"));
        unowned.check();
        QCOMPARE(next->interval(), 61000); // "new" in 4 minutes: a minute first
        clock.advanceSecs(3 * 60 + 30);
        unowned.check();
        QCOMPARE(next->interval(), 31000);
        clock.advanceSecs(31);
        unowned.check(); // as the timer would
        QCOMPARE(unowned.count(), 1);
        QVERIFY(next->isActive());
    }
};

QTEST_MAIN(TestUnowned)
#include "tst_unowned.moc"
