// SPDX-License-Identifier: MIT
// Desktop notifications and the tray's state: what is news (not what was there at start),
// each kind switchable, bursts summarised; the tray follows the worst state even where there
// is no system tray (offscreen), and draws a distinct shape per state.
#include "app/DesktopTray.h"
#include "core/attention/Notifier.h"
#include "core/board/Board.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(NotificationKind)

namespace {

const QDateTime start(QDate(2026, 11, 30), QTime(9, 41, 30), Qt::UTC);

Item incident(const QString &id, SeverityLevel level,
              const QString &state = QStringLiteral("active")) {
    Item i = fixtureItem(ItemKind::Incident, QStringLiteral("alerts"), id,
                         QStringLiteral("Incident ") + id, start, level);
    i.state = state;
    return i;
}

Item andon(const QString &id) {
    Item a =
        fixtureItem(ItemKind::Andon, QStringLiteral("halts"), id, QStringLiteral("halt"), start);
    a.project = QStringLiteral("sftp");
    a.reason = QStringLiteral("no backups");
    a.raisedBy = QStringLiteral("Dana");
    return a;
}

struct Fixture {
    ManualClock clock{start};
    Board board{clock};
    Fixture() { addStandardSources(board); }
    // The source's first answer: the baseline.
    void firstAnswer(const QString &source, Items items) {
        board.applySnapshot(source, std::move(items));
        board.applyHealth(source, okHealthAt(start));
    }
};

} // namespace

class TestNotifications final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        qRegisterMetaType<NotificationKind>();
    }

    void onlyNewsIsNotified() {
        Fixture f;
        Notifier notifier(&f.board, NotificationConfig{});
        QSignalSpy spy(&notifier, &Notifier::notify);
        f.firstAnswer(QStringLiteral("alerts"),
                      {incident(QStringLiteral("old"), SeverityLevel::Critical)});
        f.firstAnswer(QStringLiteral("halts"), {andon(QStringLiteral("a0"))});
        QCOMPARE(spy.count(), 0); // already there at start

        f.board.applySnapshot(QStringLiteral("alerts"),
                              {incident(QStringLiteral("old"), SeverityLevel::Critical),
                               incident(QStringLiteral("new"), SeverityLevel::High)});
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).value<NotificationKind>(), NotificationKind::Incident);
        QCOMPARE(spy.last().at(1).toString(), QStringLiteral("New incident, SEV-2: Incident new"));
        QCOMPARE(spy.last().at(2).toString(), QStringLiteral("active \u00B7 alerts"));

        f.board.applySnapshot(QStringLiteral("halts"),
                              {andon(QStringLiteral("a0")), andon(QStringLiteral("a1"))});
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.last().at(0).value<NotificationKind>(), NotificationKind::Andon);
        QCOMPARE(spy.last().at(1).toString(), QStringLiteral("Andon: sftp is halted"));
        QCOMPARE(spy.last().at(2).toString(), QStringLiteral("no backups \u2014 raised by Dana"));

        // A silenced alert is known and handled: no interruption.
        f.board.applySnapshot(QStringLiteral("alerts"),
                              {incident(QStringLiteral("old"), SeverityLevel::Critical),
                               incident(QStringLiteral("new"), SeverityLevel::High),
                               incident(QStringLiteral("quiet"), SeverityLevel::Warning,
                                        QStringLiteral("suppressed"))});
        QCOMPARE(spy.count(), 2);
    }

    void burstsAreSummarised() {
        Fixture f;
        Notifier notifier(&f.board, NotificationConfig{});
        QSignalSpy spy(&notifier, &Notifier::notify);
        f.firstAnswer(QStringLiteral("alerts"), {});
        Items many;
        for (int i = 0; i < 6; ++i)
            many.push_back(incident(QString::number(i), SeverityLevel::Warning));
        f.board.applySnapshot(QStringLiteral("alerts"), many);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(1).toString(), QStringLiteral("6 new incidents"));
        QCOMPARE(spy.last().at(2).toString().count(QLatin1Char('\n')), 5);
    }

    // A bad morning: many items nobody owns at once are one notification, a few are one each.
    void unownedStormsAreSummarised() {
        Fixture f;
        Notifier notifier(&f.board, NotificationConfig{});
        QSignalSpy spy(&notifier, &Notifier::notify);
        Items many;
        for (int i = 0; i < 12; ++i)
            many.push_back(incident(QString::number(i), SeverityLevel::Critical));
        notifier.reportUnowned(many);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(1).toString(), QStringLiteral("Nobody on 12 items for 5 min"));
        QCOMPARE(spy.last().at(2).toString().count(QLatin1Char('\n')), 11);
        notifier.reportUnowned(Items(many.begin(), many.begin() + 2));
        QCOMPARE(spy.count(), 3);
        QVERIFY2(spy.last().at(1).toString().startsWith(QStringLiteral("Nobody on it for 5 min: ")),
                 qPrintable(spy.last().at(1).toString()));
    }

    void eachKindSwitchesOff() {
        Fixture f;
        NotificationConfig config;
        config.incident = false;
        config.andon = false;
        config.breach = false;
        config.andonSound = true;
        Notifier notifier(&f.board, config);
        QSignalSpy spy(&notifier, &Notifier::notify);
        QSignalSpy sound(&notifier, &Notifier::andonSound);
        f.firstAnswer(QStringLiteral("alerts"), {});
        f.firstAnswer(QStringLiteral("halts"), {});
        f.board.applySnapshot(QStringLiteral("alerts"),
                              {incident(QStringLiteral("x"), SeverityLevel::Critical)});
        f.board.applySnapshot(QStringLiteral("halts"), {andon(QStringLiteral("a"))});
        notifier.reportBreach(QStringLiteral("RUN-415"), QStringLiteral("untaken for 15 min"));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(sound.count(), 1); // the sound has its own switch

        Notifier loud(&f.board, NotificationConfig{});
        QSignalSpy loudSpy(&loud, &Notifier::notify);
        QSignalSpy silent(&loud, &Notifier::andonSound);
        loud.reportBreach(QStringLiteral("RUN-415 I cannot pull images"),
                          QStringLiteral("untaken for 15 min"));
        QCOMPARE(loudSpy.count(), 1);
        QCOMPARE(loudSpy.last().at(0).value<NotificationKind>(), NotificationKind::Breach);
        QCOMPARE(loudSpy.last().at(1).toString(),
                 QStringLiteral("15 minutes passed: RUN-415 I cannot pull images"));
        f.board.applySnapshot(QStringLiteral("halts"),
                              {andon(QStringLiteral("a")), andon(QStringLiteral("b"))});
        QCOMPARE(silent.count(), 0); // andon_sound is off by default
    }

    void trayFollowsTheWorstState() {
        Fixture f;
        Notifier notifier(&f.board, NotificationConfig{});
        DesktopTray tray(&f.board, &notifier, nullptr);
        QVERIFY(!tray.hasIcon()); // offscreen: no system tray, the state is kept all the same
        QCOMPARE(tray.status().alarm, BoardAlarm::Ok);
        QSignalSpy changed(&tray, &DesktopTray::statusChanged);
        fillSampleBoard(f.board, start);
        QTRY_COMPARE(tray.status().alarm, BoardAlarm::Andon);
        QVERIFY(tray.status().toolTip.contains(QStringLiteral("5 incidents (1 SEV-1)")));
        // One refresh touching several models is one update, not one per signal.
        QCOMPARE(changed.count(), 1);
        f.board.applySnapshot(QStringLiteral("halts"), {});
        QTRY_COMPARE(tray.status().alarm, BoardAlarm::Sev1);
    }

    void iconShapesDiffer() {
        // Colour and shape: each state's icon differs from every other, pixel for pixel.
        QList<QImage> images;
        for (BoardAlarm alarm :
             {BoardAlarm::Ok, BoardAlarm::StaleSource, BoardAlarm::Sev1, BoardAlarm::Andon}) {
            const QIcon icon = DesktopTray::iconFor(alarm);
            QVERIFY(!icon.isNull());
            images.append(icon.pixmap(32, 32).toImage());
        }
        for (int i = 0; i < images.size(); ++i)
            for (int j = i + 1; j < images.size(); ++j)
                QVERIFY(images[i] != images[j]);
        // The andon square fills its corners; the SEV-1 diamond leaves them empty.
        QVERIFY(qAlpha(images[3].pixel(5, 5)) > 200);
        QCOMPARE(qAlpha(images[2].pixel(5, 5)), 0);
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
