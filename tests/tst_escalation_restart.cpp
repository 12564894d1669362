// SPDX-License-Identifier: MIT
// "Escalate to bug" across restarts: the request ends up escalated and the requester gets the
// reply with the bug's link, once, whether the app stopped before the tracker accepted the bug,
// after it accepted and before the reply was queued, or with the reply queued and not sent.
#include "app/AppContext.h"
#include "core/lean/Escalations.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/store/Store.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DeskAndTracker.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"
#include "tests/support/gui/LeanRun.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using nlohmann::json;

namespace {

const QString bugUrl = QStringLiteral("https://tracker.example/SRE-312");

// One run of the app on the state file, which must open.
struct Run : LeanRun {
    Run(DeskAndTracker &servers, const QString &statePath)
        : LeanRun(servers.config(testStateConfig(statePath)), statePath) {
        if (!opened())
            qFatal("state: %s", qPrintable(notice));
    }
    bool escalated(const Item &request, const QString &url) const {
        const InvestigationClock *c = clock(request);
        return c && c->escalatedAt.isValid() && c->bugUrl == url;
    }
    // Every escalation finished, and exactly one reply ever queued.
    bool finishedOnce() const {
        return count(QStringLiteral("SELECT COUNT(*) FROM escalations WHERE state != 'done'")) ==
                   0 &&
               count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'reply'")) == 1;
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
    DeskAndTracker servers;
    QVERIFY(servers.start());
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
    DeskAndTracker servers;
    servers.trackerUp = true;
    QVERIFY(servers.start());
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
    DeskAndTracker servers;
    servers.trackerUp = true;
    servers.deskTakesReplies = false;
    QVERIFY(servers.start());
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
        Store store(testStateLocation(state));
        QString notice;
        QVERIFY(store.open(&notice));
        const int updated = store.runBlocking([](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("UPDATE escalations SET state = 'filed'"))
                       ? q.numRowsAffected()
                       : -1;
        });
        QCOMPARE(updated, 1);
    }

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
