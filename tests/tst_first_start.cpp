// SPDX-License-Identifier: MIT
// The first start, with no config: an example is written and the demo shown, and the window
// says so in a banner (a person who started dutyboard from the desktop menu never sees stderr),
// with the sources editor one click away on the file just written.
#include "app/AppContext.h"
#include "app/commands/WindowCommand.h"
#include "core/config/AppConfig.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

namespace {

QWidget *topLevel(const QString &objectName) {
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (widget->objectName() == objectName && widget->isVisible())
            return widget;
    return nullptr;
}

} // namespace

class TestFirstStart final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void theBannerSaysItIsTheDemoAndOpensTheEditor() {
        QTemporaryDir dir;
        const QString written = dir.filePath(QStringLiteral("config.json"));
        QFile example(written);
        QVERIFY(example.open(QIODevice::WriteOnly));
        example.write("{\"sources\": [{\"name\": \"prod-alerts\", \"type\": \"alertmanager\", "
                      "\"url\": \"http://127.0.0.1:9093\", \"panel\": \"incidents\"}]}");
        example.close();

        std::unique_ptr<DemoServer> demo;
        const QByteArray config = AppContext::startDemo(&demo);
        QVERIFY(!config.isEmpty());
        auto context = std::make_unique<AppContext>(parseConfig(config, QString()));
        context->keepDemoServer(std::move(demo));
        startWindowCommand(context.get(), QString(), QSize(), {}, QString(), written);

        QWidget *window = nullptr;
        QTRY_VERIFY((window = topLevel(QStringLiteral("main-window"))) != nullptr);
        auto *banner = window->findChild<QWidget *>(QStringLiteral("first-start-banner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        const QString text =
            window->findChild<QLabel *>(QStringLiteral("first-start-banner-text"))->text();
        QVERIFY2(text.contains(QStringLiteral("This is the demo.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Your config: ") + written), qPrintable(text));

        window->findChild<QPushButton *>(QStringLiteral("add-first-source"))->click();
        QWidget *editor = nullptr;
        QTRY_VERIFY((editor = window->findChild<QDialog *>(QStringLiteral("sourcesDialog"))) !=
                    nullptr);
        QTRY_VERIFY(editor->isVisible());
        QVERIFY2(editor->windowTitle().contains(written), qPrintable(editor->windowTitle()));
        context.reset(); // the window goes with it
    }

    // The real binary with an empty config folder: the example is written, the window opens
    // on the demo (a screenshot of it), nothing fails.
    void aFirstStartWritesTheExampleAndShowsTheDemo() {
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        const QString shot = home.filePath(QStringLiteral("first.png"));
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--screenshot"), shot, QStringLiteral("--size"),
                          QStringLiteral("1280x800")},
                         env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("config/dutyboard/config.json"))));
        QVERIFY2(run.err.contains("Showing the demo"), run.err.constData());
        QVERIFY(QFile(shot).size() > 0);
    }
};

QTEST_MAIN(TestFirstStart)
#include "tst_first_start.moc"
