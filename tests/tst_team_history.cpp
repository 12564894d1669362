// SPDX-License-Identifier: MIT
// The history on a team's store: however many instances run, each period is recorded once, its
// triage counts are every instance's decisions counted once, and when one instance stops the
// others carry on the series with no gap and no overlap.
#include "core/lean/TriageStore.h"
#include "core/store/History.h"
#include "core/store/Store.h"
#include "tests/support/HistoryStore.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

// One dutyboard's view of the team store: its own connection, its triage, its history.
struct Instance {
    Instance(const StoreLocation &where, const Clock &clock)
        : store(where)
        , opened(store.open(&notice))
        , triage(&store, clock)
        , history(&store, clock, HistoryLimits{60, 30, 50000}) {}
    // Waits until what was queued before is written.
    void written() {
        store.runBlocking([](QSqlDatabase &) { return 0; });
    }
    // Offers `sample` and waits for the store's answer: whether it was kept.
    bool offer(const HistorySample &sample) {
        history.record(sample);
        return answer();
    }
    // The answer to the next offer not yet answered; false after 5 s without one.
    bool answer() {
        if (answers.size() <= answered && !answers.wait(5000))
            return false;
        return answers.at(answered++).at(0).toBool();
    }
    Store store;
    QString notice;
    bool opened;
    TriageStore triage;
    History history;
    QSignalSpy answers{&history, &History::recorded};
    qsizetype answered = 0;
};

} // namespace

class TestTeamHistory final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    }

    void onePeriodOneSampleWhateverTheInstances() {
        const StoreLocation where = m_pg.storeLocation(QStringLiteral("history"));
        const QDateTime t0 =
            QDateTime::fromString(QStringLiteral("2026-12-07T09:00:00Z"), Qt::ISODate);
        ManualClock clock(t0.addSecs(10));
        auto a = std::make_unique<Instance>(where, clock);
        Instance b(where, clock);
        QVERIFY2(a->opened && b.opened, qPrintable(a->notice + b.notice));

        // Decisions on both screens: r1's first outcome is A's, B's later one is not a first;
        // r2 becomes toil on B, then a bug on A: escalated, once.
        const QString desk = QStringLiteral("desk");
        a->triage.decide(desk, QStringLiteral("r1"), Triage::SelfService, QStringLiteral("ana"));
        b.triage.decide(desk, QStringLiteral("r2"), Triage::Toil, QStringLiteral("bob"));
        a->written();
        b.written();
        clock.set(t0.addSecs(20));
        b.triage.decide(desk, QStringLiteral("r1"), Triage::Toil, QStringLiteral("bob"));
        a->triage.decide(desk, QStringLiteral("r2"), Triage::Bug, QStringLiteral("ana"));
        a->written();
        b.written();

        // The first period: both offer at once, neither knowing of the other; the store keeps
        // one.
        a->history.record(sampleAt(t0.addSecs(60), 1));
        b.history.record(sampleAt(t0.addSecs(62), 1));
        QCOMPARE(int(a->answer()) + int(b.answer()), 1);
        // The next period, offered by both at once again, each now knowing the latest.
        a->history.record(sampleAt(t0.addSecs(125), 2));
        b.history.record(sampleAt(t0.addSecs(126), 2));
        QCOMPARE(int(a->answer()) + int(b.answer()), 1);

        // A stops: B carries on alone.
        a.reset();
        QVERIFY(b.offer(sampleAt(t0.addSecs(190), 3)));
        QVERIFY(b.offer(sampleAt(t0.addSecs(250), 4)));
        // A newcomer knowing nothing yet offers too soon after the latest: not a new period.
        Instance c(where, clock);
        QVERIFY(c.opened);
        QVERIFY(!c.offer(sampleAt(t0.addSecs(260), 5)));
        QCOMPARE(c.history.latestRecorded(), t0.addSecs(250));

        const HistorySamples rows = loadAllHistory(b.store);
        QCOMPARE(rows.size(), size_t(4));
        std::array<int, triageOutcomeCount> triaged{};
        int escalated = 0;
        for (const HistorySample &s : rows) {
            for (size_t i = 0; i < triaged.size(); ++i)
                triaged[i] += s.triaged[i];
            escalated += s.escalated;
        }
        // r1 self-service (first), r2 toil (first); r1's second decision is not counted, and
        // r2's escalation is counted once.
        QCOMPARE(triaged, (std::array<int, 4>{1, 1, 0, 0}));
        QCOMPARE(escalated, 1);
        QCOMPARE(rows[0].triaged, (std::array<int, 4>{1, 1, 0, 0}));
        // Each period follows the one before: no gap, no overlap.
        for (size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i].at > rows[i - 1].at);
        QCOMPARE(rows.back().bugsOpen, 4);
    }

private:
    PostgresProcess m_pg;
};

QTEST_GUILESS_MAIN(TestTeamHistory)
#include "tst_team_history.moc"
