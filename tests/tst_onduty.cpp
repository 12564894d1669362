// SPDX-License-Identifier: MIT
// "on_duty_url": the person on duty read from a schedule on a loopback server. The first item's
// title names them in the desktop toolbar, the wall header and the actions they sign; when the
// schedule fails the last name stays, shown stale; before any answer "on_duty" stands.
#include "app/AppContext.h"
#include "app/MainWindow.h"
#include "app/lean/LeanUi.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"
#include "widgets/wall/WallHeader.h"
#include "widgets/wall/WallView.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>

using nlohmann::json;

namespace {

struct Schedule {
    std::mutex mutex;
    std::string answer = R"([{"name":"alice"},{"name":"bob"}])";
    int status = 200;
    std::atomic<int> asked{0};
    std::vector<json> andons;
    LoopbackHttpServer server{[this](const HttpServerRequest &r) {
        std::lock_guard<std::mutex> lock(mutex);
        if (r.path == "/schedule/now") {
            ++asked;
            return status == 200 ? HttpServerResponse::json(QByteArray::fromStdString(answer))
                                 : HttpServerResponse::text("schedule down", status);
        }
        if (r.path == "/hooks/andons" && r.method == "GET")
            return HttpServerResponse::json("[]");
        if (r.path == "/hooks/andons" && r.method == "POST") {
            andons.push_back(json::parse(r.body.toStdString()));
            return HttpServerResponse::json("{}", 201);
        }
        return HttpServerResponse::text("not found", 404);
    }};

    void set(int newStatus, const std::string &body = {}) {
        std::lock_guard<std::mutex> lock(mutex);
        status = newStatus;
        if (!body.empty())
            answer = body;
    }
    QString lastRaisedBy() {
        std::lock_guard<std::mutex> lock(mutex);
        return andons.empty() ? QString()
                              : QString::fromStdString(andons.back().value("by", std::string()));
    }

    AppConfig config() {
        const std::string base = server.baseUrl().toStdString();
        const json doc = {
            {"on_duty", "victor"},
            {"on_duty_url", {{"url", base + "/schedule"}, {"path", "/now"}}},
            {"sources", json::array({{{"name", "hooks"},
                                      {"type", "generic"},
                                      {"url", base + "/hooks"},
                                      {"panel", "andons"},
                                      {"path", "/andons"},
                                      {"fields", {{"id", "/id"}, {"title", "/title"}}},
                                      {"write",
                                       {{"path", "/andons"},
                                        {"body", {{"by", "{{raised_by}}"}}},
                                        {"kinds", json::array({"raise-andon"})}}}}})},
            {"actions", {{"andon", json::array({"hooks"})}}}};
        return parseConfig(QByteArray::fromStdString(doc.dump()), QStringLiteral("t"));
    }
};

} // namespace

class TestOnDuty final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void scheduleNamesThePersonEverywhere();
    void failingScheduleFallsBackToOnDuty();
};

void TestOnDuty::scheduleNamesThePersonEverywhere() {
    Schedule schedule;
    QVERIFY(schedule.server.start(0));
    AppContext context(schedule.config());
    QTemporaryDir dir;
    QString notice;
    QVERIFY(context.openState(dir.filePath(QStringLiteral("s.sqlite")), &notice));
    QVERIFY(context.hasOnDutySchedule());
    QCOMPARE(context.onDuty()->person(), QStringLiteral("victor")); // before any answer
    MainWindow window(context.board());
    LeanController controller(context.board(), context.leanState(), context.sources().lookup(),
                              context.lean(), context.onDuty());
    LeanUi ui(&window, &controller);
    WallMode wall(context.board(), context.wallConfig(), context.objectives(), context.onDuty(),
                  context.history(), &window);
    wall.enter(QString(), QSize(1280, 720));
    WallHeader *header = wall.wallWindow()->view()->header();
    auto *label = window.findChild<QLabel *>(QStringLiteral("on-duty"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(QLatin1String("victor")), qPrintable(label->text()));

    QSignalSpy changed(context.onDuty(), &OnDuty::changed);
    context.fetchOnDutyNow();
    QTRY_COMPARE(context.onDuty()->person(), QStringLiteral("alice")); // the first item
    QVERIFY(!context.onDuty()->isStale());
    QCOMPARE(header->dutyText(), QStringLiteral("On duty: alice"));
    QVERIFY2(label->text().contains(QLatin1String("alice")), qPrintable(label->text()));
    QVERIFY(!label->text().contains(QLatin1String("not answering")));

    // Actions are signed by the schedule's person.
    QSignalSpy delivered(context.leanState()->outbox(), &Outbox::delivered);
    QVERIFY(!controller.raiseAndon(QStringLiteral("sftp"), QStringLiteral("no backups")).isEmpty());
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(schedule.lastRaisedBy(), QStringLiteral("alice"));

    // The schedule fails: alice stays, said stale everywhere.
    schedule.set(500);
    const int answers = changed.count();
    context.fetchOnDutyNow();
    QTRY_VERIFY(changed.count() > answers);
    QCOMPARE(context.onDuty()->person(), QStringLiteral("alice"));
    QVERIFY(context.onDuty()->isStale());
    QCOMPARE(header->dutyText(), QStringLiteral("On duty: alice (schedule not answering)"));
    QVERIFY2(label->text().contains(QLatin1String("alice")) &&
                 label->text().contains(QLatin1String("schedule not answering")),
             qPrintable(label->text()));
    QVERIFY2(label->toolTip().contains(QLatin1String("500")), qPrintable(label->toolTip()));
    // For a person to look at (see tst_lean_screens).
    const QString shots =
        qEnvironmentVariable("DUTYBOARD_SHOTS", QStringLiteral("/tmp/dutyboard-shots"));
    if (QDir().mkpath(shots)) {
        header->grab().save(QDir(shots).filePath(QStringLiteral("wall-header-stale.png")));
        window.grab().save(QDir(shots).filePath(QStringLiteral("toolbar-on-duty-stale.png")));
    }

    // The rotation moves on: bob, fresh again.
    schedule.set(200, R"([{"name":"bob"}])");
    context.fetchOnDutyNow();
    QTRY_COMPARE(context.onDuty()->person(), QStringLiteral("bob"));
    QVERIFY(!context.onDuty()->isStale());
    QCOMPARE(header->dutyText(), QStringLiteral("On duty: bob"));
    QVERIFY2(label->text().contains(QLatin1String("bob")), qPrintable(label->text()));
    wall.leave();
}

void TestOnDuty::failingScheduleFallsBackToOnDuty() {
    Schedule schedule;
    schedule.set(503);
    QVERIFY(schedule.server.start(0));
    AppContext context(schedule.config());
    QSignalSpy changed(context.onDuty(), &OnDuty::changed);
    context.fetchOnDutyNow();
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(context.onDuty()->person(), QStringLiteral("victor"));
    QVERIFY(context.onDuty()->isStale());
    QCOMPARE(context.onDuty()->actingPerson(), QStringLiteral("victor"));
    QVERIFY(!context.onDuty()->lastAnswerAt().isValid());

    // An answer that lists nobody is no better than none.
    schedule.set(200, "[]");
    context.fetchOnDutyNow();
    QTRY_COMPARE(schedule.asked.load(), 2);
    QTRY_VERIFY(!context.onDuty()->error().contains(QLatin1String("503")));
    QVERIFY(context.onDuty()->isStale());
    QCOMPARE(context.onDuty()->person(), QStringLiteral("victor"));
}

QTEST_MAIN(TestOnDuty)
#include "tst_onduty.moc"
