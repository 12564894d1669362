// SPDX-License-Identifier: MIT
// The wall screen as the app runs it: an andon raised in the real Alertmanager takes the wall
// over within one refresh and leaves when resolved; F11 in the window and Esc twice switch
// between desktop and wall; `dutyboard --demo --wall --screenshot` at a size and a HiDPI scale.
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/config/AppConfig.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallView.h"

#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

namespace {

QByteArray andonAlert(const QDateTime &endsAt) {
    const nlohmann::json alerts = nlohmann::json::array(
        {{{"labels", {{"alertname", "Andon"}, {"andon", "true"}, {"project", "ledger-migration"}}},
          {"annotations", {{"reason", "rollback path untested"}, {"raised_by", "chloe"}}},
          {"startsAt",
           QDateTime::currentDateTimeUtc().addSecs(-120).toString(Qt::ISODateWithMs).toStdString()},
          {"endsAt", endsAt.toString(Qt::ISODateWithMs).toStdString()}}});
    return QByteArray::fromStdString(alerts.dump());
}

bool isAndonRed(QRgb pixel) {
    return qRed(pixel) > 100 && qGreen(pixel) < 40 && qBlue(pixel) < 40;
}

} // namespace

class TestWallMode final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void andonInAlertmanagerTakesTheWallOver() {
        AlertmanagerProcess am;
        QVERIFY2(am.start(), qPrintable(am.errorString()));
        const int intervalS = 1;
        AppContext context(parseConfig(
            R"({"on_duty":"victor","sources":[{"name":"prod-alerts","type":"alertmanager","url":")" +
                am.baseUrl() + R"(","panel":"incidents","interval_s":1}]})",
            QStringLiteral("test")));
        MainWindow window(context.board());
        WallMode mode(context.board(), context.wallConfig(), context.objectives(), context.onDuty(),
                      context.history(), &window);
        mode.enter(QString(), QSize(1280, 720));
        QVERIFY(mode.isActive());
        AndonTakeover *takeover = mode.wallWindow()->view()->takeover();
        QSignalSpy answered(context.board(), &Board::sourceRefreshed);
        context.poller()->start();
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() >= 1, 10000);
        QVERIFY(!takeover->isVisible());

        // Pulled from anywhere: it lands in Alertmanager, and the wall follows.
        // Counted in refreshes, not milliseconds (a loaded CI machine is slow): a poll already
        // in flight may miss it, the next one must bring it.
        const int before = static_cast<int>(answered.count());
        int shownAt = -1;
        connect(context.board(), &Board::sourceRefreshed, takeover, [&] {
            if (shownAt < 0 && takeover->isVisible())
                shownAt = static_cast<int>(answered.count());
        });
        QElapsedTimer raised;
        raised.start();
        QVERIFY(am.postAlerts(andonAlert(QDateTime::currentDateTimeUtc().addSecs(3600))));
        QTRY_VERIFY_WITH_TIMEOUT(shownAt > 0, 10000);
        QVERIFY2(shownAt - before <= 2,
                 qPrintable(QStringLiteral("after %1 refreshes").arg(shownAt - before)));
        qInfo("andon raised -> takeover after %lld ms (interval %d s)", raised.elapsed(),
              intervalS);
        QCOMPARE(takeover->projectText(), QStringLiteral("ledger-migration"));
        QCOMPARE(takeover->reasonText(), QStringLiteral("rollback path untested"));
        QVERIFY(takeover->whoText().startsWith(QStringLiteral("raised by chloe")));

        // Resolved (ended) in Alertmanager: the takeover goes.
        QVERIFY(am.postAlerts(andonAlert(QDateTime::currentDateTimeUtc().addSecs(-1))));
        QTRY_VERIFY_WITH_TIMEOUT(!takeover->isVisible(), 10000);
        QVERIFY(!mode.wallWindow()->view()->andonBand()->isVisible());
    }

    void f11AndEscapeTwiceSwitchModes() {
        AppContext context(parseConfig(R"({"sources":[]})", QStringLiteral("test")));
        MainWindow window(context.board());
        WallMode mode(context.board(), context.wallConfig(), context.objectives(), context.onDuty(),
                      context.history(), &window);
        connect(&window, &MainWindow::wallScreenRequested, &mode,
                [&mode](const QString &screen) { mode.enter(screen); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.wallAction()->shortcut(), QKeySequence(Qt::Key_F11));
        QVERIFY(window.viewMenu()->actions().contains(window.wallAction()));
        window.wallAction()->trigger();
        QVERIFY(mode.isActive());
        QVERIFY(!window.isVisible());
        WallWindow *wall = mode.wallWindow();
        QVERIFY(wall->windowFlags().testFlag(Qt::FramelessWindowHint));
        QVERIFY(wall->windowState().testFlag(Qt::WindowFullScreen));
        QCOMPARE(wall->geometry(), wall->targetScreen()->geometry());

        QTest::keyClick(wall, Qt::Key_Escape);
        QVERIFY(mode.isActive());
        QTest::keyClick(wall, Qt::Key_Escape);
        QVERIFY(!mode.isActive());
        QVERIFY(window.isVisible());
        // Again: the same wall window comes back, nothing new is built.
        window.wallAction()->trigger();
        QCOMPARE(mode.wallWindow(), wall);
        QVERIFY(wall->isVisible());
        mode.leave();
    }

    void screenshotCommand_data() {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QByteArray>("scale");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("1280x720") << QStringLiteral("1280x720") << QByteArray("1")
                                  << QSize(1280, 720);
        // HiDPI: the wall is 960x540 logical pixels, its picture 1920x1080 device pixels.
        QTest::newRow("scale 2") << QStringLiteral("960x540") << QByteArray("2")
                                 << QSize(1920, 1080);
    }

    void screenshotCommand() {
        QFETCH(QString, size);
        QFETCH(QByteArray, scale);
        QFETCH(QSize, pixels);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wall.png"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_SCALE_FACTOR"), QString::fromLatin1(scale));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--demo"), QStringLiteral("--wall"),
                          QStringLiteral("--screenshot"), path, QStringLiteral("--size"), size},
                         env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QImage image(path);
        QCOMPARE(image.size(), pixels);
        // The demo has an andon pulled: the picture is the takeover, red edge to edge.
        QVERIFY(
            isAndonRed(image.pixel(image.width() / 2, image.height() / 2 + image.height() / 5)));
        QVERIFY(isAndonRed(
            image.pixel(image.width() - image.width() / 10, image.height() - image.height() / 4)));
        QVERIFY(image.save(QStringLiteral("/tmp/dutyboard-wall-cli-%1-x%2.png")
                               .arg(size, QString::fromLatin1(scale))));
    }
};

QTEST_MAIN(TestWallMode)
#include "tst_wallmode.moc"
