// SPDX-License-Identifier: MIT
// The lean workflow in the real window, offscreen: the andon button raises an andon that the
// real Alertmanager stores and the board then shows; resolving it from the board makes it
// leave. Escalating a request files exactly one bug on a fixture tracker (a generic webhook).
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "app/lean/LeanUi.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/ownership/Ownerships.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/LeanSources.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>
#include <mutex>

using nlohmann::json;

namespace {

// Runs `fill` on the next modal dialog to open (exec() blocks the caller's stack).
void whenDialogOpens(const char *name, std::function<void(QWidget *)> fill) {
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, name, fill]() {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || dialog->objectName() != QLatin1String(name))
            return;
        timer->stop();
        timer->deleteLater();
        fill(dialog);
    });
    timer->start();
}

int rowOf(const PanelModel *model, const std::function<bool(const Item &)> &match) {
    for (int i = 0; i < model->rowCount(); ++i) {
        if (match(model->item(i)))
            return i;
    }
    return -1;
}

} // namespace

class TestLeanWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void andonButtonRaisesAndResolvesThroughAlertmanager();
    void escalationFilesExactlyOneBug();
    void anAcknowledgementBeforeTheOwnershipsLoadStays();
};

// "I'm on it" pressed in the first instant, while the ownerships are still being read from the
// state: the read, asked before, must not undo it on screen (it did: the row lost its owner
// until another screen changed something).
void TestLeanWindow::anAcknowledgementBeforeTheOwnershipsLoadStays() {
    const json config = {
        {"on_duty", "victor"},
        {"sources", json::array({{{"name", "desk"},
                                  {"type", "generic"},
                                  {"panel", "requests"},
                                  {"url", "http://127.0.0.1:9"},
                                  {"items", "/data"},
                                  {"fields", {{"id", "/id"}, {"title", "/t"}}}}})}};
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("s.sqlite"));
    AppContext context(withTestState(config, state));
    QString notice;
    QVERIFY(context.openState(state, &notice)); // asks the store for the ownerships
    LeanController controller(context.board(), context.leanState(), context.sources().lookup(),
                              context.lean(), context.onDuty());
    Item request;
    request.kind = ItemKind::Request;
    request.source = QStringLiteral("desk");
    request.id = QStringLiteral("r-1");
    request.title = QStringLiteral("a database restore");
    Ownerships *owners = context.leanState()->ownerships();
    QVERIFY(!owners->isLoaded()); // the read has not answered: no event was processed yet
    QVERIFY(!controller.acknowledge(request).isEmpty());
    QCOMPARE(controller.ownerOf(request), QStringLiteral("victor"));
    QTRY_VERIFY(owners->isLoaded());
    QCOMPARE(controller.ownerOf(request), QStringLiteral("victor"));
}

void TestLeanWindow::andonButtonRaisesAndResolvesThroughAlertmanager() {
    AlertmanagerProcess am;
    QVERIFY2(am.start(), qPrintable(am.errorString()));
    const json config = {{"on_duty", "victor"},
                         {"sources", json::array({{{"name", "prod-alerts"},
                                                   {"type", "alertmanager"},
                                                   {"url", am.baseUrl().toStdString()},
                                                   {"panel", "incidents"},
                                                   {"interval_s", 1}}})},
                         {"actions", {{"andon", json::array({"prod-alerts"})}}}};
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("s.sqlite"));
    AppContext context(withTestState(config, state));
    QString notice;
    QVERIFY(context.openState(state, &notice));
    MainWindow window(context.board());
    LeanController controller(context.board(), context.leanState(), context.sources().lookup(),
                              context.lean(), context.onDuty());
    LeanUi ui(&window, &controller);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    context.poller()->start();

    auto *button = window.findChild<QToolButton *>(QStringLiteral("andon-button"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    bool filled = false;
    whenDialogOpens("andon-dialog", [&filled](QWidget *dialog) {
        auto *project = dialog->findChild<QComboBox *>(QStringLiteral("andon-project"));
        auto *reason = dialog->findChild<QPlainTextEdit *>(QStringLiteral("andon-reason"));
        auto *submit = dialog->findChild<QPushButton *>(QStringLiteral("andon-submit"));
        QVERIFY(project && reason && submit);
        QVERIFY(!submit->isEnabled()); // the reason is required
        project->setEditText(QStringLiteral("sftp-gateway"));
        QVERIFY(!submit->isEnabled());
        QTest::keyClicks(reason, QStringLiteral("No backup plan"));
        QVERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        filled = true;
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(filled);

    PanelModel *andons = context.board()->panel(ItemKind::Andon);
    const auto ours = [](const Item &item) {
        return item.source == QLatin1String("prod-alerts") &&
               item.project == QLatin1String("sftp-gateway");
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(andons, ours) >= 0, 15000);
    const Item andon = andons->item(rowOf(andons, ours));
    QCOMPARE(andon.reason, QStringLiteral("No backup plan"));
    QCOMPARE(andon.raisedBy, QStringLiteral("victor"));
    QCOMPARE(context.leanState()->outbox()->pendingCount(), 0);

    // Resolve from the board: select the row, press the panel's Resolve button.
    QTreeView *list = window.boardView()->panelView(ItemKind::Andon)->list();
    QTRY_VERIFY(list->model()->rowCount() > 0);
    for (int i = 0; i < list->model()->rowCount(); ++i) {
        if (list->model()->index(i, 0).data(PanelModel::ProjectRole).toString() ==
            QLatin1String("sftp-gateway"))
            list->setCurrentIndex(list->model()->index(i, 0));
    }
    bool resolved = false;
    whenDialogOpens("resolve-andon-dialog", [&resolved](QWidget *dialog) {
        auto *decision = dialog->findChild<QComboBox *>(QStringLiteral("andon-decision"));
        auto *note = dialog->findChild<QPlainTextEdit *>(QStringLiteral("andon-note"));
        QVERIFY(decision && note);
        decision->setCurrentIndex(decision->findData(QStringLiteral("new-ve")));
        QTest::keyClicks(note, QStringLiteral("design the backups first"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("resolve-submit")),
                          Qt::LeftButton);
        resolved = true;
    });
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("andon-resolve")),
                      Qt::LeftButton);
    QTRY_VERIFY(resolved);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(andons, ours) < 0, 15000);
}

void TestLeanWindow::escalationFilesExactlyOneBug() {
    std::mutex mutex;
    std::vector<json> bugs;
    LoopbackHttpServer server([&](const HttpServerRequest &r) {
        if (r.path == "/desk/requests")
            return HttpServerResponse::json(
                R"([{"id":"77","text":"My CI job is failing: out of disk space","who":"Chloe",)"
                R"("link":"https:\/\/desk.example\/77"}])");
        if (r.path == "/tracker/bugs" && r.method == "GET")
            return HttpServerResponse::json("[]");
        if (r.path == "/tracker/bugs" && r.method == "POST") {
            std::lock_guard<std::mutex> lock(mutex);
            bugs.push_back(json::parse(r.body.toStdString()));
            return HttpServerResponse::json(R"({"key":"SRE-312"})", 201);
        }
        return HttpServerResponse::text("not found", 404);
    });
    QVERIFY(server.start(0));
    const std::string base = server.baseUrl().toStdString();
    const json config = {{"on_duty", "victor"},
                         {"sources", json::array({deskSource(base), trackerSource(base)})},
                         {"actions", {{"bug", "tracker"}}}};
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("s.sqlite"));
    AppContext context(withTestState(config, state));
    QString notice;
    QVERIFY(context.openState(state, &notice));
    LeanController controller(context.board(), context.leanState(), context.sources().lookup(),
                              context.lean(), context.onDuty());
    QSignalSpy answered(context.board(), &Board::allAnswered);
    context.poller()->fetchAllOnce();
    QTRY_COMPARE(answered.count(), 1);
    PanelModel *requests = context.board()->panel(ItemKind::Request);
    QCOMPARE(requests->rowCount(), 1);
    const Item request = requests->item(0);

    // Started 16 minutes ago (the store's clock is the board's: the real one).
    context.leanState()->clocks()->startAt(request.source, request.id,
                                           QDateTime::currentDateTimeUtc().addSecs(-16 * 60));
    QTRY_VERIFY(context.leanState()->clocks()->isLoaded());
    QCOMPARE(context.leanState()->clocks()->level(request.source, request.id), ClockLevel::Red);
    QSignalSpy delivered(context.leanState()->outbox(), &Outbox::delivered);
    QVERIFY(controller.escalate(request));
    QVERIFY(!controller.escalate(request)); // a second press files nothing
    QTRY_COMPARE(delivered.count(), 1);
    QTest::qWait(100);
    std::lock_guard<std::mutex> lock(mutex);
    QCOMPARE(bugs.size(), size_t(1));
    const QString title = QString::fromStdString(bugs[0]["title"].get<std::string>());
    const QString body = QString::fromStdString(bugs[0]["description"].get<std::string>());
    QCOMPARE(title, QStringLiteral("My CI job is failing: out of disk space"));
    for (const char *expected :
         {"Request: My CI job is failing: out of disk space", "Link: https://desk.example/77",
          "Requester: Chloe", "Time spent: 16 min", "Escalated by: victor"})
        QVERIFY2(body.contains(QLatin1String(expected)), qPrintable(body));
    QCOMPARE(context.leanState()->clocks()->find(request.source, request.id)->bugId,
             QStringLiteral("SRE-312"));
    QCOMPARE(context.leanState()->triage()->decision(request.source, request.id).triage,
             Triage::Bug);
}

QTEST_MAIN(TestLeanWindow)
#include "tst_lean_window.moc"
