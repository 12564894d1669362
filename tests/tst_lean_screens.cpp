// SPDX-License-Identifier: MIT
// The lean workflow's screens as the person on call sees them, offscreen: the andon dialog, the
// declare-incident dialog, request cards with a running, an amber, a red and an escalated
// investigation clock with the triage bar, and the pending-actions dialog. Each is saved as a
// PNG (to $DUTYBOARD_SHOTS, default /tmp/dutyboard-shots) for a person to look at, and checked
// for what a picture can hide: focus on the required field, buttons wide enough for their
// words, the marks' colours.
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "app/lean/LeanDialogs.h"
#include "app/lean/LeanUi.h"
#include "app/lean/OutboxDialog.h"
#include "app/lean/RequestTriageUi.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/models/PanelModel.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/LeanSources.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/Screenshot.h"
#include "widgets/Theme.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using nlohmann::json;

namespace {

// Every push button under `root` shows all its words.
QString cutButtons(QWidget *root) {
    QStringList cut;
    for (QPushButton *b : root->findChildren<QPushButton *>()) {
        if (b->isVisible() && b->width() < b->sizeHint().width())
            cut.append(QStringLiteral("%1 (%2 < %3)")
                           .arg(b->text())
                           .arg(b->width())
                           .arg(b->sizeHint().width()));
    }
    return cut.join(QStringLiteral(", "));
}

int rowOf(const QAbstractItemModel *model, const QString &title) {
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(PanelModel::TitleRole).toString() == title)
            return i;
    }
    return -1;
}

} // namespace

class TestLeanScreens final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void andonDialog();
    void declareIncidentDialog();
    void requestsWithClocksAndOutbox();
};

void TestLeanScreens::andonDialog() {
    AndonDialog dialog({QStringLiteral("sftp-gateway"), QStringLiteral("object-storage")},
                       QStringLiteral("victor"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(saveScreenshot(&dialog, QStringLiteral("andon-dialog-empty")));
    auto *project = dialog.findChild<QComboBox *>(QStringLiteral("andon-project"));
    auto *reason = dialog.findChild<QPlainTextEdit *>(QStringLiteral("andon-reason"));
    auto *submit = dialog.findChild<QPushButton *>(QStringLiteral("andon-submit"));
    QVERIFY(project && reason && submit);
    // At 3 a.m. the first key typed goes to the first required field.
    QTRY_VERIFY(project->hasFocus() || project->lineEdit()->hasFocus());
    QVERIFY(!submit->isEnabled());
    auto *missing = dialog.findChild<QLabel *>(QStringLiteral("missing-fields"));
    QVERIFY(missing);
    QCOMPARE(missing->text(), QStringLiteral("Needs a project and a reason"));
    project->setEditText(QStringLiteral("sftp-gateway"));
    reason->setPlainText(QStringLiteral("No backup plan, and the vendor cannot restore a deleted "
                                        "file: we would lose customer uploads."));
    QVERIFY(submit->isEnabled());
    QVERIFY(missing->text().isEmpty());
    QVERIFY(saveScreenshot(&dialog, QStringLiteral("andon-dialog-filled")));
    QVERIFY2(cutButtons(&dialog).isEmpty(), qPrintable(cutButtons(&dialog)));
}

void TestLeanScreens::declareIncidentDialog() {
    DeclareIncidentDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("incident-name"));
    QVERIFY(name);
    QTRY_VERIFY(name->hasFocus());
    QVERIFY(saveScreenshot(&dialog, QStringLiteral("declare-incident-empty")));
    name->setText(QStringLiteral("Staging: Kubernetes cluster 3 is misbehaving"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("incident-description"))
        ->setPlainText(QStringLiteral("Pods stuck in ContainerCreating since 02:40."));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("incident-submit"))->isEnabled());
    QCOMPARE(dialog.severity(), QStringLiteral("SEV-3")); // the words are for people only
    QVERIFY(saveScreenshot(&dialog, QStringLiteral("declare-incident-filled")));
    QVERIFY2(cutButtons(&dialog).isEmpty(), qPrintable(cutButtons(&dialog)));
}

void TestLeanScreens::requestsWithClocksAndOutbox() {
    LoopbackHttpServer server([](const HttpServerRequest &r) {
        if (r.path == "/desk/requests")
            return HttpServerResponse::json(
                R"([{"id":"1","text":"Please create a read replica for billing-db","who":"Ana"},)"
                R"({"id":"2","text":"Grant me access to the staging bucket","who":"Marc"},)"
                R"({"id":"3","text":"My CI job is failing: out of disk space","who":"Chloe"},)"
                R"({"id":"4","text":"Kafka consumer lag on orders keeps growing","who":"Ines"},)"
                R"({"id":"5","text":"Cannot pull docker images from the registry","who":"Paul"}])");
        if (r.path == "/tracker/bugs" && r.method == "GET")
            return HttpServerResponse::json("[]");
        return HttpServerResponse::text("tracker down for maintenance", 503);
    });
    QVERIFY(server.start(0));
    const std::string base = server.baseUrl().toStdString();
    const json config = {
        {"on_duty", "victor"},
        {"self_service",
         json::array({{{"match", "read.?replica"},
                       {"command", "qontoctl rds create-read-replica -i db.r5.large "
                                   "--source-instance billing-db"}}})},
        {"sources", json::array({deskSource(base), trackerSource(base)})},
        {"actions", {{"bug", "tracker"}}}};
    AppContext context(parseConfig(QByteArray::fromStdString(config.dump()), QStringLiteral("t")));
    QTemporaryDir dir;
    QString notice;
    QVERIFY(context.openState(dir.filePath(QStringLiteral("s.sqlite")), &notice));
    MainWindow window(context.board());
    LeanController controller(context.board(), context.leanState(), context.sources().lookup(),
                              context.lean(), context.onDuty());
    LeanUi ui(&window, &controller);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy answered(context.board(), &Board::allAnswered);
    context.poller()->fetchAllOnce();
    QTRY_COMPARE(answered.count(), 1);
    QTRY_VERIFY(context.leanState()->clocks()->isLoaded());

    const QDateTime now = QDateTime::currentDateTimeUtc();
    InvestigationClocks *clocks = context.leanState()->clocks();
    clocks->startAt(QStringLiteral("desk"), QStringLiteral("2"), now.addSecs(-3 * 60));
    clocks->startAt(QStringLiteral("desk"), QStringLiteral("3"), now.addSecs(-11 * 60 - 20));
    clocks->startAt(QStringLiteral("desk"), QStringLiteral("4"), now.addSecs(-16 * 60 - 5));
    clocks->startAt(QStringLiteral("desk"), QStringLiteral("5"), now.addSecs(-9 * 60));
    clocks->markEscalated(QStringLiteral("desk"), QStringLiteral("5"), QStringLiteral("SRE-311"),
                          QString());
    controller.checkClocks();

    PanelModel *requests = context.board()->panel(ItemKind::Request);
    RequestTriageUi *triage = ui.triage();
    const auto markOf = [&](const QString &id) {
        for (const Item &item : requests->items()) {
            if (item.id == id)
                return triage->requestMark(item);
        }
        return RowMark();
    };
    QCOMPARE(markOf(QStringLiteral("2")).color, Theme::okColor());
    QCOMPARE(markOf(QStringLiteral("3")).color, Theme::amberColor());
    QVERIFY(markOf(QStringLiteral("3")).text.contains(QLatin1String("BUG AT 15:00")));
    QCOMPARE(markOf(QStringLiteral("4")).color, Theme::failedColor());
    QVERIFY(markOf(QStringLiteral("4")).text.contains(QLatin1String("ESCALATE")));
    QVERIFY(markOf(QStringLiteral("5")).text.contains(QLatin1String("SRE-311")));
    QVERIFY(markOf(QStringLiteral("1")).text.contains(QLatin1String("SELF-SERVICE")));

    // The red one selected: the bar offers "Escalate to bug".
    PanelView *panel = window.boardView()->panelView(ItemKind::Request);
    QTreeView *list = panel->list();
    const int red =
        rowOf(list->model(), QStringLiteral("Kafka consumer lag on orders keeps growing"));
    QVERIFY(red >= 0);
    list->setCurrentIndex(list->model()->index(red, 0));
    list->setFocus();
    auto *bug = window.findChild<QPushButton *>(QStringLiteral("triage-bug"));
    QVERIFY(bug && bug->text().contains(QLatin1String("Escalate")));
    QApplication::processEvents();
    QVERIFY(saveScreenshot(&window, QStringLiteral("requests-red-selected")));
    QVERIFY(saveScreenshot(panel, QStringLiteral("requests-panel-red")));
    QVERIFY2(cutButtons(panel).isEmpty(), qPrintable(cutButtons(panel)));

    // The self-service one selected: the command and "Copy command".
    const int self =
        rowOf(list->model(), QStringLiteral("Please create a read replica for billing-db"));
    list->setCurrentIndex(list->model()->index(self, 0));
    auto *suggestion = panel->findChild<QLabel *>(QStringLiteral("self-service-suggestion"));
    QVERIFY(suggestion && suggestion->text().contains(QLatin1String("billing-db")));
    // The whole command is visible, wrapped if need be, once the layout settled.
    QTRY_VERIFY(suggestion->height() >= suggestion->heightForWidth(suggestion->width()));
    QVERIFY(saveScreenshot(panel, QStringLiteral("requests-panel-self-service")));
    QVERIFY2(cutButtons(panel).isEmpty(), qPrintable(cutButtons(panel)));

    // Escalate the red one while the tracker is down: pending in the status bar and the dialog.
    list->setCurrentIndex(list->model()->index(red, 0));
    QSignalSpy failed(context.leanState()->outbox(), &Outbox::attemptFailed);
    triage->triageSelected(Triage::Bug);
    QTRY_VERIFY(failed.count() >= 1);
    auto *status = window.findChild<QToolButton *>(QStringLiteral("outbox-status"));
    QVERIFY(status);
    QTRY_VERIFY(status->isVisible());
    QVERIFY(status->text().contains(QLatin1String("1 action pending")));
    // Not "filed": the tracker has not accepted it.
    QVERIFY(markOf(QStringLiteral("4")).text.contains(QLatin1String("BUG QUEUED")));
    QVERIFY(!bug->isEnabled()); // one bug per request
    QVERIFY(saveScreenshot(&window, QStringLiteral("requests-escalating-outbox-pending")));
    OutboxDialog outbox(context.leanState()->outbox());
    outbox.show();
    QVERIFY(QTest::qWaitForWindowExposed(&outbox));
    auto *entries = outbox.findChild<QListWidget *>(QStringLiteral("outbox-list"));
    QVERIFY(entries && entries->count() == 1);
    QVERIFY(entries->item(0)->text().contains(QLatin1String("503")));
    QVERIFY(outbox.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->isDefault());
    auto *discard = outbox.findChild<QPushButton *>(QStringLiteral("outbox-discard"));
    QVERIFY(discard && !discard->isDefault() && !discard->autoDefault()); // Enter never discards
    QVERIFY(saveScreenshot(&outbox, QStringLiteral("outbox-dialog")));
    QVERIFY2(cutButtons(&outbox).isEmpty(), qPrintable(cutButtons(&outbox)));
}

QTEST_MAIN(TestLeanScreens)
#include "tst_lean_screens.moc"
