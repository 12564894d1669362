// SPDX-License-Identifier: MIT
// The Handover dialog: opens from the toolbar with the report of the period, keeps the notes
// typed across a restart, and "Take over the RUN" changes who is on duty in the toolbar and on
// the wall, and records the handover (the next period starts there).
#include "app/AppContext.h"
#include "app/DemoState.h"
#include "app/MainWindow.h"
#include "app/handover/HandoverDialog.h"
#include "app/handover/HandoverUi.h"
#include "app/lean/LeanUi.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/config/AppConfig.h"
#include "core/handover/HandoverStore.h"
#include "core/lean/LeanController.h"
#include "core/lean/OnDuty.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallView.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

namespace {

// One desk: a window with the lean toolbar, the handover and a wall, on the state at `path`.
struct Desk {
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<WallMode> wall;
    HandoverUi *handover = nullptr;

    explicit Desk(const QString &path) {
        context = std::make_unique<AppContext>(
            withTestState({{"sources",
                            {{{"name", "desk"},
                              {"type", "generic"},
                              {"url", "http://127.0.0.1:9"},
                              {"panel", "requests"},
                              {"fields", {{"id", "/id"}, {"title", "/t"}}}}}},
                           {"on_duty", "alice"}},
                          path));
        QString notice;
        QVERIFY2(context->openState(path, &notice), qPrintable(notice));
        window = std::make_unique<MainWindow>(context->board());
        LeanController *controller = context->createLeanController(window.get());
        new LeanUi(window.get(), controller);
        handover = new HandoverUi(window.get(), controller, context->store(), context->objectives(),
                                  false);
        wall = std::make_unique<WallMode>(context->board(), context->wallConfig(),
                                          context->objectives(), context->onDuty(),
                                          context->history(), window.get());
        wall->enter(QString(), QSize(1280, 720));
        window->show();
    }
    ~Desk() {
        wall->leave();
        wall.reset();
        window.reset(); // before the context it shows
    }

    HandoverDialog *openDialog() {
        auto *action = window->findChild<QAction *>(QStringLiteral("action-handover"));
        if (!action)
            return nullptr;
        action->trigger();
        auto *dialog = window->findChild<HandoverDialog *>(QStringLiteral("handover-dialog"));
        if (dialog && !QTest::qWaitFor([dialog] { return dialog->isLoaded(); }, 10000))
            return nullptr;
        return dialog;
    }
    QString storedNotes() const { return context->store()->runBlocking(HandoverStore::notes); }
};

} // namespace

class TestHandoverDialog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void notesKeptAndTakeOver() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        const QString notes = QStringLiteral("Watch the payments migration; bob owes a reply to "
                                             "the data team.");
        {
            Desk desk(path);
            HandoverDialog *dialog = desk.openDialog();
            QVERIFY(dialog);
            QVERIFY(dialog->isVisible());
            auto *view = dialog->findChild<QTextBrowser *>(QStringLiteral("handover-report"));
            QVERIFY(view);
            QVERIFY2(view->toPlainText().contains(QLatin1String("Handover of alice's RUN")),
                     qPrintable(view->toPlainText().left(200)));
            auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("handover-notes"));
            QVERIFY(edit);
            edit->setPlainText(notes);
            // Kept as typed: in the state a moment later, and in the report at once.
            QTRY_COMPARE(desk.storedNotes(), notes);
            QVERIFY(view->toPlainText().contains(QLatin1String("Watch the payments migration")));
            const QString shots =
                qEnvironmentVariable("DUTYBOARD_SHOTS", QStringLiteral("/tmp/dutyboard-shots"));
            if (QDir().mkpath(shots))
                dialog->grab().save(QDir(shots).filePath(QStringLiteral("handover-dialog.png")));
            dialog->close();
        }

        // A restart: the notes come back.
        Desk desk(path);
        HandoverDialog *dialog = desk.openDialog();
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("handover-notes"));
        QCOMPARE(edit->toPlainText(), notes);
        QVERIFY(!dialog->report().sinceLastHandover);

        // bob takes over: the toolbar and the wall say so; the handover starts a new period.
        auto *incoming = dialog->findChild<QLineEdit *>(QStringLiteral("handover-incoming"));
        QVERIFY(incoming);
        incoming->setText(QStringLiteral("bob"));
        auto *take = dialog->findChild<QPushButton *>(QStringLiteral("handover-take-over"));
        QVERIFY(take);
        take->click();
        auto *label = desk.window->findChild<QLabel *>(QStringLiteral("on-duty"));
        QVERIFY(label);
        QTRY_VERIFY2(label->text().contains(QLatin1String("bob")), qPrintable(label->text()));
        WallHeader *header = desk.wall->wallWindow()->view()->header();
        QTRY_COMPARE(header->dutyText(), QStringLiteral("On duty: bob"));
        QTRY_VERIFY(dialog->isLoaded() && dialog->report().sinceLastHandover);
        QCOMPARE(dialog->report().outgoing, QStringLiteral("bob"));
        const auto last = desk.context->store()->runBlocking(HandoverStore::lastHandover);
        QVERIFY(last.has_value());
        QCOMPARE(last->from, QStringLiteral("alice"));
        QCOMPARE(last->to, QStringLiteral("bob"));
        QCOMPARE(last->notes, notes);
        // The notes were the period's: the next one starts blank.
        QCOMPARE(desk.storedNotes(), QString());
        QCOMPARE(edit->toPlainText(), QString());
    }

    // The demo's week as the dialog shows it: a period since the last handover, its toil
    // candidates; saved for a person to look at (DUTYBOARD_SHOTS).
    void onTheDemo() {
        std::unique_ptr<DemoServer> demo;
        const QByteArray config = AppContext::startDemo(&demo);
        QVERIFY(!config.isEmpty());
        AppContext context(parseConfig(config, QStringLiteral("demo")));
        context.keepDemoServer(std::move(demo));
        QTemporaryDir dir;
        QString notice;
        QVERIFY2(context.openState(dir.filePath(QStringLiteral("demo.sqlite")), &notice),
                 qPrintable(notice));
        seedDemoState(context.leanState()->clocks(), context.store(),
                      context.board()->clock().now());
        context.startHistory();
        {
            MainWindow window(context.board());
            LeanController *controller = context.createLeanController(&window);
            new LeanUi(&window, controller);
            auto *ui =
                new HandoverUi(&window, controller, context.store(), context.objectives(), false);
            context.poller()->fetchAllOnce();
            QTRY_VERIFY_WITH_TIMEOUT(context.board()->everySourceAnswered(), 20000);
            window.show();
            HandoverDialog *dialog = ui->showDialog();
            QTRY_VERIFY(dialog->isLoaded());
            QVERIFY(dialog->report().sinceLastHandover);
            QVERIFY(!dialog->report().toil.empty());
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("handover-notes"))
                ->setPlainText(QStringLiteral(
                    "Read replicas came back three times: worth a self-service rule.\n"
                    "The ledger-api staging deploy is escalated (RUN-911); ask Farid on Monday."));
            dialog->resize(1200, 760);
            QTRY_VERIFY(dialog->isVisible());
            const QString shots =
                qEnvironmentVariable("DUTYBOARD_SHOTS", QStringLiteral("/tmp/dutyboard-shots"));
            if (QDir().mkpath(shots))
                QVERIFY(dialog->grab().save(
                    QDir(shots).filePath(QStringLiteral("handover-dialog-demo.png"))));
            dialog->close();
        }
    }
};

QTEST_MAIN(TestHandoverDialog)
#include "tst_handover_dialog.moc"
