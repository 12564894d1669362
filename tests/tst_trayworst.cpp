// SPDX-License-Identifier: MIT
// The tray's worst state, a pure function of the board's counts: andon > SEV-1 > stale source
// > ok, with the counts in the tooltip. Table-driven; no system tray needed.
#include "core/attention/TrayState.h"
#include "core/board/Board.h"
#include "tests/support/BoardFixture.h"

#include <QTest>

Q_DECLARE_METATYPE(BoardCounts)

namespace {

BoardCounts counts(int andons, int sev1, int incidents, int stale, int pending = 0,
                   int sources = 4) {
    BoardCounts c;
    c.andons = andons;
    c.sev1 = sev1;
    c.incidents = incidents;
    c.staleSources = stale;
    c.pendingSources = pending;
    c.sources = sources;
    c.requests = 3;
    c.bugs = 2;
    return c;
}

} // namespace

class TestTrayWorst final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void worstState_data();
    void worstState();
    void tooltipCounts();
    void countsFromABoard();
};

void TestTrayWorst::worstState_data() {
    QTest::addColumn<BoardCounts>("in");
    QTest::addColumn<QString>("alarm");
    QTest::addColumn<QString>("headline");
    QTest::newRow("all clear") << counts(0, 0, 0, 0) << QStringLiteral("ok")
                               << QStringLiteral("No andon, no SEV-1, every source fresh");
    QTest::newRow("incidents below SEV-1 are not an alarm")
        << counts(0, 0, 5, 0) << QStringLiteral("ok")
        << QStringLiteral("No andon, no SEV-1, every source fresh");
    QTest::newRow("starting up") << counts(0, 0, 0, 0, 4) << QStringLiteral("ok")
                                 << QStringLiteral("Waiting for first data");
    QTest::newRow("one stale source")
        << counts(0, 0, 2, 1) << QStringLiteral("stale")
        << QStringLiteral("1 source failing: data may be out of date");
    QTest::newRow("two stale sources")
        << counts(0, 0, 0, 2) << QStringLiteral("stale")
        << QStringLiteral("2 sources failing: data may be out of date");
    QTest::newRow("SEV-1 beats stale")
        << counts(0, 1, 3, 3) << QStringLiteral("sev1") << QStringLiteral("1 SEV-1 incident open");
    QTest::newRow("two SEV-1") << counts(0, 2, 2, 0) << QStringLiteral("sev1")
                               << QStringLiteral("2 SEV-1 incidents open");
    QTest::newRow("andon beats everything")
        << counts(1, 4, 9, 2) << QStringLiteral("andon")
        << QStringLiteral("1 andon pulled: a project is halted");
    QTest::newRow("several andons") << counts(3, 0, 0, 0) << QStringLiteral("andon")
                                    << QStringLiteral("3 andons pulled: projects are halted");
    QTest::newRow("no source at all") << counts(0, 0, 0, 0, 0, 0) << QStringLiteral("ok")
                                      << QStringLiteral("No andon, no SEV-1, every source fresh");
}

void TestTrayWorst::worstState() {
    QFETCH(BoardCounts, in);
    QFETCH(QString, alarm);
    QFETCH(QString, headline);
    const TrayStatus s = trayStatus(in);
    QCOMPARE(boardAlarmName(s.alarm), alarm);
    QCOMPARE(s.headline, headline);
    QVERIFY(s.toolTip.startsWith(QStringLiteral("dutyboard: ") + headline));
}

void TestTrayWorst::tooltipCounts() {
    const TrayStatus s = trayStatus(counts(1, 2, 5, 1, 1));
    const QStringList lines = s.toolTip.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[1], QStringLiteral(
                           "1 andon \u00B7 5 incidents (2 SEV-1) \u00B7 3 requests \u00B7 2 bugs"));
    QCOMPARE(lines[2], QStringLiteral("Sources: 2 of 4 fresh, 1 failing, 1 waiting"));
    // SEV-1/2 nobody owns past the delay are counted beside the incidents.
    BoardCounts unowned = counts(1, 2, 5, 1, 1);
    unowned.unownedSevere = 3;
    QCOMPARE(trayStatus(unowned).toolTip.split(QLatin1Char('\n'))[1],
             QStringLiteral("1 andon \u00B7 5 incidents (2 SEV-1), 3 unowned SEV-1/2 \u00B7 3 "
                            "requests \u00B7 2 bugs"));
    // Urgency order is the enum's order: a caller may compare alarms.
    QVERIFY(BoardAlarm::Andon > BoardAlarm::Sev1);
    QVERIFY(BoardAlarm::Sev1 > BoardAlarm::StaleSource);
    QVERIFY(BoardAlarm::StaleSource > BoardAlarm::Ok);
}

void TestTrayWorst::countsFromABoard() {
    const QDateTime now(QDate(2026, 11, 30), QTime(9, 41), Qt::UTC);
    ManualClock clock(now);
    Board board(clock);
    addStandardSources(board);
    fillSampleBoard(board, now);
    const BoardCounts c = countBoard(board);
    QCOMPARE(c.andons, 1);
    QCOMPARE(c.sev1, 1);
    QCOMPARE(c.incidents, 5);
    QCOMPARE(c.requests, 3);
    QCOMPARE(c.bugs, 2);
    QCOMPARE(c.sources, 5);
    QCOMPARE(c.staleSources, 1);   // jira-bugs
    QCOMPARE(c.pendingSources, 1); // statuspage
    QCOMPARE(trayStatus(c).alarm, BoardAlarm::Andon);

    board.applySnapshot(QStringLiteral("halts"), {});
    QCOMPARE(trayStatus(countBoard(board)).alarm, BoardAlarm::Sev1);
    board.applySnapshot(QStringLiteral("alerts"), {});
    QCOMPARE(trayStatus(countBoard(board)).alarm, BoardAlarm::StaleSource);
    board.applyHealth(QStringLiteral("jira-bugs"), okHealthAt(now));
    QCOMPARE(trayStatus(countBoard(board)).alarm, BoardAlarm::Ok);
}

QTEST_GUILESS_MAIN(TestTrayWorst)
#include "tst_trayworst.moc"
