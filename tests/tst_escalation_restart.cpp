// SPDX-License-Identifier: MIT
// "Escalate to bug" across restarts: the request ends up escalated and the requester gets the
// reply with the bug's link, once, whether the app stopped before the tracker accepted the bug,
// after it accepted and before the reply was queued, or with the reply queued and not sent.
#include "app/AppContext.h"
#include "core/lean/Escalations.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/LeanSources.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>

using nlohmann::json;

namespace {

// A help desk that lists one request and takes replies, and a tracker that files bugs; each
// refuses (503) until told to accept.
struct Servers {
    std::mutex mutex;
    std::vector<json> bugs;
    std::vector<json> replies;
    std::atomic<bool> trackerUp{false};
    std::atomic<bool> deskTakesReplies{true};
    LoopbackHttpServer server{[this](const HttpServerRequest &r) {
        if (r.path == "/desk/requests")
            return HttpServerResponse::json(
                R"([{"id":"77","text":"My CI job is failing: out of disk space","who":"Chloe",)"
                R"("link":"https:\/\/desk.example\/77"}])");
        if (r.path == "/desk/requests/77/replies" && r.method == "POST") {
            if (!deskTakesReplies)
                return HttpServerResponse::text("down for maintenance", 503);
            std::lock_guard<std::mutex> lock(mutex);
            replies.push_back(json::parse(r.body.toStdString()));
            return HttpServerResponse::json("{}", 201);
        }
        if (r.path == "/tracker/bugs" && r.method == "GET")
            return HttpServerResponse::json("[]");
        if (r.path == "/tracker/bugs" && r.method == "POST") {
            if (!trackerUp)
                return HttpServerResponse::text("tracker down", 503);
            std::lock_guard<std::mutex> lock(mutex);
            bugs.push_back(json::parse(r.body.toStdString()));
            return HttpServerResponse::json(
                R"({"key":"SRE-312","url":"https:\/\/tracker.example\/SRE-312"})", 201);
        }
        return HttpServerResponse::text("not found", 404);
    }};

    size_t bugCount() {
        std::lock_guard<std::mutex> lock(mutex);
        return bugs.size();
    }
    size_t replyCount() {
        std::lock_guard<std::mutex> lock(mutex);
        return replies.size();
    }
    QString replyText(size_t i) {
        std::lock_guard<std::mutex> lock(mutex);
        return QString::fromStdString(replies.at(i).value("text", std::string()));
    }

    AppConfig config() {
        const std::string base = server.baseUrl().toStdString();
        const json doc = {
            {"on_duty", "victor"},
            {"sources",
             json::array({deskSource(base, {{"write",
                                             {{"path", "/requests/{{item_id}}/replies"},
                                              {"body", {{"text", "{{text}}"}}},
                                              {"kinds", json::array({"reply"})}}}}),
                          trackerSource(base, {{"write", {{"created", {{"url", "/url"}}}}}})})},
            {"actions", {{"bug", "tracker"}}}};
        return parseConfig(QByteArray::fromStdString(doc.dump()), QStringLiteral("t"));
    }
};

const QString bugUrl = QStringLiteral("https://tracker.example/SRE-312");

// One run of the app on the state file: a dashboard with its lean controller.
struct Run {
    std::unique_ptr<AppContext> context;
    std::unique_ptr<LeanController> controller;

    Run(Servers &servers, const QString &statePath) {
        context = std::make_unique<AppContext>(servers.config());
        QString notice;
        if (!context->openState(statePath, &notice))
            qFatal("state: %s", qPrintable(notice));
        controller = std::make_unique<LeanController>(context->board(), context->leanState(),
                                                      context->sources().lookup(), context->lean(),
                                                      context->onDuty());
    }
    ~Run() {
        controller.reset();
        context.reset();
    }
    Item loadRequest() {
        QSignalSpy answered(context->board(), &Board::allAnswered);
        context->poller()->fetchAllOnce();
        if (!answered.wait(10000))
            qFatal("the desk did not answer");
        return context->board()->panel(ItemKind::Request)->item(0);
    }
    bool escalated(const Item &request, const QString &url) const {
        const InvestigationClock *c =
            context->leanState()->clocks()->find(request.source, request.id);
        return c && c->escalatedAt.isValid() && c->bugUrl == url;
    }
    // A count from the state file, read on the store's thread.
    int count(const QString &sql) const {
        return context->store()
            ->runBlocking([sql](QSqlDatabase &db) {
                QSqlQuery q(db);
                return q.exec(sql) && q.next() ? q.value(0) : QVariant(-1);
            })
            .toInt();
    }
    // Every escalation finished, and exactly one reply ever queued.
    bool finishedOnce() const {
        return count(QStringLiteral("SELECT COUNT(*) FROM escalations WHERE state != 'done'")) ==
                   0 &&
               count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'reply'")) == 1;
    }
    bool settled() const {
        return context->leanState()->outbox()->isSettled() &&
               context->leanState()->outbox()->pendingCount() == 0;
    }
};

} // namespace

class TestEscalationRestart final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void restartBeforeTheTrackerAccepts();
    void restartAfterTheBugBeforeTheReply();
    void restartWithTheReplyQueued();
};

void TestEscalationRestart::restartBeforeTheTrackerAccepts() {
    Servers servers;
    QVERIFY(servers.server.start(0));
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("s.sqlite"));
    Item request;
    {
        Run first(servers, state);
        request = first.loadRequest();
        first.context->leanState()->clocks()->startAt(
            request.source, request.id, QDateTime::currentDateTimeUtc().addSecs(-16 * 60));
        QTRY_VERIFY(first.context->leanState()->clocks()->isLoaded());
        QSignalSpy failed(first.context->leanState()->outbox(), &Outbox::attemptFailed);
        QVERIFY(first.controller->escalate(request));
        QTRY_VERIFY(failed.count() >= 1);
        QCOMPARE(first.context->leanState()->outbox()->pendingCount(), 1);
        QCOMPARE(servers.replyCount(), size_t(0));
    } // the app stops with the bug pending

    servers.trackerUp = true;
    Run second(servers, state); // never lists the request: the link is all it has
    QTRY_VERIFY_WITH_TIMEOUT(servers.replyCount() == 1, 10000);
    QVERIFY2(servers.replyText(0).contains(bugUrl), qPrintable(servers.replyText(0)));
    QTRY_VERIFY(second.escalated(request, bugUrl));
    QCOMPARE(second.context->leanState()->clocks()->level(request.source, request.id),
             ClockLevel::Escalated);
    QCOMPARE(second.context->leanState()->clocks()->find(request.source, request.id)->bugId,
             QStringLiteral("SRE-312"));
    QTRY_VERIFY(second.settled());
    QVERIFY(second.finishedOnce());
    QCOMPARE(servers.bugCount(), size_t(1));
    QCOMPARE(servers.replyCount(), size_t(1));
}

void TestEscalationRestart::restartAfterTheBugBeforeTheReply() {
    Servers servers;
    servers.trackerUp = true;
    QVERIFY(servers.server.start(0));
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("s.sqlite"));
    Item request;
    {
        Run first(servers, state);
        request = first.loadRequest();
        QSignalSpy delivered(first.context->leanState()->outbox(), &Outbox::delivered);
        QVERIFY(first.controller->escalate(request));
        // The window goes before the tracker's answer is handled; the outbox still delivers.
        first.controller.reset();
        QTRY_COMPARE(delivered.count(), 1);
        QTRY_VERIFY(first.settled());
        QCOMPARE(servers.bugCount(), size_t(1));
        QCOMPARE(servers.replyCount(), size_t(0));
    }

    Run second(servers, state);
    QTRY_VERIFY_WITH_TIMEOUT(servers.replyCount() == 1, 10000);
    QVERIFY2(servers.replyText(0).contains(bugUrl), qPrintable(servers.replyText(0)));
    QTRY_VERIFY(second.escalated(request, bugUrl));
    QTRY_VERIFY(second.settled());
    QVERIFY(second.finishedOnce());
    QCOMPARE(servers.bugCount(), size_t(1));
    QCOMPARE(servers.replyCount(), size_t(1));
}

void TestEscalationRestart::restartWithTheReplyQueued() {
    Servers servers;
    servers.trackerUp = true;
    servers.deskTakesReplies = false;
    QVERIFY(servers.server.start(0));
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("s.sqlite"));
    Item request;
    {
        Run first(servers, state);
        request = first.loadRequest();
        QSignalSpy failed(first.context->leanState()->outbox(), &Outbox::attemptFailed);
        QVERIFY(first.controller->escalate(request));
        QTRY_VERIFY(failed.count() >= 1); // the reply, refused
        QTRY_VERIFY(first.escalated(request, bugUrl));
        QCOMPARE(first.context->leanState()->outbox()->pendingCount(), 1);
    }
    // As if the app died between queueing the reply and noting it: the resume must see the
    // reply in the outbox and not queue a second one.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("x"));
        db.setDatabaseName(state);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE escalations SET state = 'filed'")));
        QCOMPARE(q.numRowsAffected(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("x"));

    servers.deskTakesReplies = true;
    Run second(servers, state);
    QTRY_VERIFY_WITH_TIMEOUT(servers.replyCount() == 1, 10000);
    QTRY_VERIFY(second.settled());
    QTRY_VERIFY(second.finishedOnce());
    QVERIFY(second.settled());
    QCOMPARE(servers.replyCount(), size_t(1));
    QVERIFY2(servers.replyText(0).contains(bugUrl), qPrintable(servers.replyText(0)));
    QCOMPARE(servers.bugCount(), size_t(1));
}

QTEST_MAIN(TestEscalationRestart)
#include "tst_escalation_restart.moc"
