// SPDX-License-Identifier: MIT
// The main window on the built-in demo, offscreen: real server, real HTTP, real widgets.
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "core/config/AppConfig.h"
#include "tests/support/TestEnvironment.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

class TestMainWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void demoFillsEveryPanel() {
        std::unique_ptr<DemoServer> demo;
        const QByteArray config = AppContext::startDemo(&demo);
        QVERIFY(!config.isEmpty());
        AppContext context(parseConfig(config, QStringLiteral("demo")));
        context.keepDemoServer(std::move(demo));
        MainWindow window(context.board());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy all(context.board(), &Board::allAnswered);
        context.poller()->start();
        QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 15000);

        for (const char *name :
             {"panel-requests", "panel-bugs", "panel-incidents", "panel-andons"}) {
            QWidget *panel = window.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(panel, name);
            auto *list = panel->findChild<QTreeView *>(QStringLiteral("items"));
            QVERIFY(list);
            QVERIFY2(list->model()->rowCount() > 0, name);
            QVERIFY(list->isVisible());
            auto *count = panel->findChild<QLabel *>(QStringLiteral("count"));
            QCOMPARE(count->text().toInt(), list->model()->rowCount());
            auto *freshness = panel->findChild<QLabel *>(QStringLiteral("freshness"));
            QVERIFY2(freshness->text().contains(QStringLiteral("fresh")),
                     qPrintable(freshness->text()));
        }
        // The incidents panel puts the SEV-1 first.
        auto *incidents = window.findChild<QWidget *>(QStringLiteral("panel-incidents"))
                              ->findChild<QTreeView *>(QStringLiteral("items"));
        QCOMPARE(incidents->model()->index(0, 0).data(PanelModel::SeverityLabelRole).toString(),
                 QStringLiteral("SEV-1"));
        // Every source is listed in the bar, healthy.
        for (const char *source : {"source-prod-alerts", "source-sre-desk", "source-bug-tracker"}) {
            auto *label = window.findChild<QLabel *>(QLatin1String(source));
            QVERIFY2(label, source);
            QVERIFY2(label->text().contains(QStringLiteral("ok")), qPrintable(label->text()));
        }
        QVERIFY(window.grab().save(QStringLiteral("/tmp/dutyboard-mainwindow.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
