// SPDX-License-Identifier: MIT
// The team store: two dutyboards, each with its own local file, sharing one private PostgreSQL.
// What one does shows on the other within a second; when both act at once the database decides
// (one clock with the earliest start, one bug filed); a schema from a newer dutyboard is refused
// and left alone; a server that stops and comes back is reconnected and heard again, and what
// was done meanwhile is replayed from the local journal, once; a desk's state moves in once
// (state copy); state check says how it is (in a schema named "check", a reserved word).
#include "app/commands/StateCommand.h"
#include "core/config/StateConfig.h"
#include "core/lean/LeanActions.h"
#include "core/lean/LeanState.h"
#include "core/store/HistorySql.h"
#include "core/store/StoreSchema.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DeskAndTracker.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/LeanSources.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/LeanRun.h"

#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>
#include <memory>

using nlohmann::json;

namespace {

const char *const passwordVariable = "DUTYBOARD_TEST_PG_PASSWORD";

} // namespace

class TestTeamStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
        qputenv(passwordVariable, m_pg.password().toUtf8());
        QVERIFY(m_servers.start());
    }

    void takeOnOneShowsOnTheOtherWithinASecond() {
        LeanRun desk(m_servers.config(team(QStringLiteral("take"))),
                     localFile(QStringLiteral("desk")));
        LeanRun wall(m_servers.config(team(QStringLiteral("take"))),
                     localFile(QStringLiteral("wall")));
        QVERIFY2(desk.opened(), qPrintable(desk.notice));
        QVERIFY2(wall.opened(), qPrintable(wall.notice));
        QVERIFY(desk.context->store()->isShared());
        const Item request = desk.loadRequest();
        wall.loadRequest();
        QCOMPARE(wall.clock(request), nullptr);

        desk.controller->take(request);
        QTRY_VERIFY_WITH_TIMEOUT(wall.clock(request) != nullptr, 1000);
        QCOMPARE(wall.clock(request)->startedAt, desk.clock(request)->startedAt);
        QTRY_COMPARE_WITH_TIMEOUT(
            wall.context->leanState()->triage()->decision(request.source, request.id).decidedBy,
            QStringLiteral("victor"), 1000);
        QCOMPARE(wall.context->leanState()->triage()->decision(request.source, request.id).triage,
                 Triage::Toil);
        // Shared, not copied: the local files hold no lean state.
        QCOMPARE(desk.count(QStringLiteral("SELECT COUNT(*) FROM investigation_clocks")), 1);
    }

    void clocksStartedAtOnceKeepTheEarliestStart() {
        LeanRun a(m_servers.config(team(QStringLiteral("clocks"))), localFile(QStringLiteral("a")));
        LeanRun b(m_servers.config(team(QStringLiteral("clocks"))), localFile(QStringLiteral("b")));
        QVERIFY(a.opened() && b.opened());
        const Item request = a.loadRequest();
        const QDateTime now = Clock::system().now();
        const QDateTime earlier = now.addSecs(-30);
        // Neither knows of the other's clock when it starts its own.
        a.context->leanState()->clocks()->startAt(request.source, request.id, now);
        b.context->leanState()->clocks()->startAt(request.source, request.id, earlier);
        QTRY_VERIFY_WITH_TIMEOUT(a.clock(request)->startedAt == earlier, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(b.clock(request)->startedAt == earlier, 2000);
        QCOMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM investigation_clocks")), 1);
    }

    void escalationsAtOnceFileOneBug() {
        m_servers.trackerUp = true;
        LeanRun a(m_servers.config(team(QStringLiteral("escalate"))),
                  localFile(QStringLiteral("a")));
        LeanRun b(m_servers.config(team(QStringLiteral("escalate"))),
                  localFile(QStringLiteral("b")));
        QVERIFY(a.opened() && b.opened());
        const Item request = a.loadRequest();
        b.loadRequest();
        QSignalSpy aNotices(a.controller.get(), &LeanController::notice);
        QSignalSpy bNotices(b.controller.get(), &LeanController::notice);
        // Both press B before either hears of the other.
        QVERIFY(a.controller->escalate(request));
        QVERIFY(b.controller->escalate(request));
        const QString bugUrl = QStringLiteral("https://tracker.example/SRE-312");
        for (LeanRun *instance : {&a, &b})
            QTRY_VERIFY_WITH_TIMEOUT(
                instance->clock(request) && instance->clock(request)->bugUrl == bugUrl, 10000);
        QTest::qWait(3000); // a second bug would have been sent by now
        QCOMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM escalation_claims")), 1);
        QCOMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'create-bug'")),
                 1);
        QCOMPARE(m_servers.bugCount(), size_t(1));
        QCOMPARE(m_servers.replyCount(), size_t(1));
        // The one refused says who escalated it.
        QStringList said;
        for (QSignalSpy *spy : {&aNotices, &bNotices}) {
            for (const QList<QVariant> &args : std::as_const(*spy))
                said.append(args.at(0).toString());
        }
        QVERIFY2(said.filter(QStringLiteral("already escalated by victor")).size() == 1,
                 qPrintable(said.join(QLatin1Char('\n'))));
    }

    void aNewerSchemaIsRefusedAndLeftAlone() {
        {
            LeanRun first(m_servers.config(team(QStringLiteral("newer"))),
                          localFile(QStringLiteral("first")));
            QVERIFY(first.opened());
        }
        QVERIFY(m_pg.exec(QStringLiteral("UPDATE newer.dutyboard_schema SET version = 99")));
        LeanRun later(m_servers.config(team(QStringLiteral("newer"))),
                      localFile(QStringLiteral("later")));
        QVERIFY(!later.opened());
        QVERIFY2(later.notice.contains(QStringLiteral("version 99, newer than this dutyboard")),
                 qPrintable(later.notice));
        QVERIFY2(!later.notice.contains(m_pg.password()), qPrintable(later.notice));
        // The window opens it in the background: the refusal shows as the store's reason.
        {
            Store window(m_pg.storeLocation(QStringLiteral("newer")));
            QString notice;
            QVERIFY(window.open(&notice, Store::Opening::InBackground));
            QTRY_VERIFY_WITH_TIMEOUT(!window.isReachable(), 5000);
            QVERIFY2(window.unreachableReason().contains(
                         QStringLiteral("version 99, newer than this dutyboard")),
                     qPrintable(window.unreachableReason()));
        }
        // Left as it was: the version and the tables.
        QSqlDatabase db = m_pg.connect(QStringLiteral("check-newer"));
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT version FROM newer.dutyboard_schema")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 99);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check-newer"));
    }

    // A server that accepts and never answers: the window's open returns at once, and the
    // store says it does not answer once libpq gives up.
    void openingInTheBackgroundNeverWaitsForTheServer() {
        QTcpServer mute; // listens, never accepts: the kernel completes the handshake, no more
        QVERIFY(mute.listen(QHostAddress::LocalHost));
        StoreLocation where = m_pg.storeLocation(QStringLiteral("mute"));
        where.port = mute.serverPort();
        Store store(where);
        QString notice;
        QVERIFY(store.open(&notice, Store::Opening::InBackground));
        QVERIFY(notice.isEmpty()); // nothing known yet: it has not answered
        QVERIFY(store.isReachable());
        QTRY_VERIFY_WITH_TIMEOUT(!store.isReachable(), 10000);
        QVERIFY2(store.unreachableReason().contains(QStringLiteral("timeout")),
                 qPrintable(store.unreachableReason()));
    }

    // Eight dutyboards starting at once on a schema nobody made yet: all of them use it (the
    // database decides who creates it and who migrates it).
    void manyStartingAtOnceOnANewSchemaAllWork() {
        std::vector<std::unique_ptr<Store>> stores;
        std::vector<std::unique_ptr<QSignalSpy>> lost; // a refusal would say unreachable
        for (int i = 0; i < 8; ++i) {
            stores.push_back(std::make_unique<Store>(m_pg.storeLocation(QStringLiteral("crowd"))));
            lost.push_back(
                std::make_unique<QSignalSpy>(stores.back().get(), &Store::reachabilityChanged));
            QString notice;
            QVERIFY(stores.back()->open(&notice, Store::Opening::InBackground));
        }
        for (const auto &store : stores) {
            const auto answered = [&store] {
                return store->runBlocking(
                    [](QSqlDatabase &db) { return StoreSchema::versionOf(db); });
            };
            QTRY_COMPARE_WITH_TIMEOUT(answered(), StoreSchema::version, 10000);
        }
        for (const auto &spy : lost)
            QCOMPARE(spy->count(), 0);
    }

    void aServerThatStopsAndComesBackIsHeardAgain() {
        LeanRun a(m_servers.config(team(QStringLiteral("restart"))),
                  localFile(QStringLiteral("a")));
        LeanRun b(m_servers.config(team(QStringLiteral("restart"))),
                  localFile(QStringLiteral("b")));
        QVERIFY(a.opened() && b.opened());
        const Item request = a.loadRequest();
        Store *store = b.context->store();
        QSignalSpy reachability(store, &Store::reachabilityChanged);

        QVERIFY(m_pg.stop());
        QTRY_VERIFY_WITH_TIMEOUT(!store->isReachable(), 10000);
        QVERIFY(!store->unreachableReason().isEmpty());
        QVERIFY(store->unreachableSince().isValid());
        // The board goes on: its sources still answer.
        QCOMPARE(b.loadRequest().id, request.id);

        QVERIFY(m_pg.restart());
        QTRY_VERIFY_WITH_TIMEOUT(store->isReachable(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(a.context->store()->isReachable(), 10000);
        QCOMPARE(reachability.count(), 2);
        // Listening again: a take on A reaches B without waiting for the periodic re-read.
        a.controller->take(request);
        QTRY_VERIFY_WITH_TIMEOUT(b.clock(request) != nullptr, 1000);
    }

    void startingWhileTheStoreIsDownWorks() {
        QVERIFY(m_pg.stop());
        LeanRun a(m_servers.config(team(QStringLiteral("late"))), localFile(QStringLiteral("a")));
        QVERIFY2(a.opened(), qPrintable(a.notice));
        QVERIFY2(a.notice.contains(QStringLiteral("unreachable")), qPrintable(a.notice));
        QVERIFY2(!a.notice.contains(m_pg.password()), qPrintable(a.notice));
        QVERIFY(!a.context->store()->isReachable());
        const Item request = a.loadRequest(); // the board works meanwhile

        QVERIFY(m_pg.restart());
        QTRY_VERIFY_WITH_TIMEOUT(a.context->store()->isReachable(), 10000);
        // Migrated and listening once it answered: a second instance hears a take.
        LeanRun b(m_servers.config(team(QStringLiteral("late"))), localFile(QStringLiteral("b")));
        QVERIFY2(b.opened(), qPrintable(b.notice));
        a.controller->take(request);
        QTRY_VERIFY_WITH_TIMEOUT(b.clock(request) != nullptr, 1000);
    }

    // Restarted while the store is still down: what this machine did shows from its journal.
    void aRestartWhileTheStoreIsDownShowsWhatTheJournalHolds() {
        QVERIFY(m_pg.stop());
        const QString file = localFile(QStringLiteral("desk"));
        Item request;
        {
            LeanRun a(m_servers.config(team(QStringLiteral("restart"))), file);
            QVERIFY2(a.opened(), qPrintable(a.notice));
            request = a.loadRequest();
            a.controller->take(request);
            QTRY_VERIFY_WITH_TIMEOUT(a.context->store()->journalSize() >= 2, 5000);
        }
        LeanRun again(m_servers.config(team(QStringLiteral("restart"))), file);
        QVERIFY2(again.opened(), qPrintable(again.notice));
        QVERIFY(!again.context->store()->isReachable());
        again.loadRequest();
        QTRY_VERIFY_WITH_TIMEOUT(again.clock(request) != nullptr, 2000);
        // The triage's journal is read on its own: shown once that read is back.
        const auto decisionNow = [&]() {
            return again.context->leanState()->triage()->decision(request.source, request.id);
        };
        QTRY_COMPARE_WITH_TIMEOUT(decisionNow().triage, Triage::Toil, 2000);
        const TriageDecision decision = decisionNow();
        QCOMPARE(decision.decidedBy, QStringLiteral("victor"));

        // The store answers: replayed once, and the clock is the store's now.
        QVERIFY(m_pg.restart());
        QTRY_VERIFY_WITH_TIMEOUT(again.context->store()->isReachable() &&
                                     again.context->store()->journalSize() == 0,
                                 10000);
        QTRY_COMPARE(again.count(QStringLiteral("SELECT COUNT(*) FROM investigation_clocks")), 1);
        QVERIFY(again.clock(request) != nullptr);
    }

    void whatIsDoneWhileTheStoreIsDownIsReplayedOnce() {
        m_servers.trackerUp = true;
        LeanRun a(m_servers.config(team(QStringLiteral("journal"))),
                  localFile(QStringLiteral("a")));
        LeanRun b(m_servers.config(team(QStringLiteral("journal"))),
                  localFile(QStringLiteral("b")));
        QVERIFY(a.opened() && b.opened());
        const Item request = a.loadRequest();
        b.loadRequest();
        const size_t bugsBefore = m_servers.bugCount();
        const size_t repliesBefore = m_servers.replyCount();
        Store *store = a.context->store();

        QVERIFY(m_pg.stop());
        QTRY_VERIFY_WITH_TIMEOUT(!store->isReachable(), 10000);
        // Taken, then escalated, while the store is away: kept on this machine, in order.
        a.controller->take(request);
        QVERIFY(a.controller->escalate(request));
        QTRY_VERIFY_WITH_TIMEOUT(store->journalSize() >= 3, 5000);
        QTest::qWait(500);
        QCOMPARE(m_servers.bugCount(), bugsBefore); // nothing sent before the store has it

        QVERIFY(m_pg.restart());
        QTRY_VERIFY_WITH_TIMEOUT(store->isReachable() && store->journalSize() == 0, 10000);
        const QString bugUrl = QStringLiteral("https://tracker.example/SRE-312");
        QTRY_VERIFY_WITH_TIMEOUT(b.clock(request) && b.clock(request)->bugUrl == bugUrl, 10000);
        QCOMPARE(b.context->leanState()->triage()->decision(request.source, request.id).triage,
                 Triage::Bug);
        QTest::qWait(3000); // a replay twice, or a second sender, would have sent it by now
        QCOMPARE(m_servers.bugCount(), bugsBefore + 1);
        QCOMPARE(m_servers.replyCount(), repliesBefore + 1);
        QCOMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM escalation_claims")), 1);
        QCOMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'create-bug'")),
                 1);
    }

    // A wall screen whose config lacks the target starts while another dutyboard is sending a
    // row: it leaves the row alone (no error on it, the claim kept), so a third dutyboard that
    // has the target does not send it again.
    void aDutyboardWithoutTheTargetLeavesTheRowAlone() {
        QMutex mutex;
        QStringList posts;
        LoopbackHttpServer pager([&](const HttpServerRequest &r) {
            if (r.method != "POST")
                return HttpServerResponse::json("[]");
            QMutexLocker lock(&mutex);
            posts.append(QString::fromUtf8(r.path));
            HttpServerResponse answer = HttpServerResponse::json("{}", 201);
            answer.delayMs = 3000; // the sender holds its claim meanwhile
            return answer;
        });
        QVERIFY(pager.start(0));
        const auto config = [&](const QString &who, bool withPager) {
            const std::string base = pager.baseUrl().toStdString() + "/" + who.toStdString();
            json sources = json::array({deskSource(base)});
            if (withPager)
                sources.push_back({{"name", "pager"},
                                   {"type", "generic"},
                                   {"url", base + "/pager"},
                                   {"panel", "incidents"},
                                   {"path", "/open"},
                                   {"fields", {{"id", "/key"}, {"title", "/title"}}},
                                   {"write",
                                    {{"path", "/actions"},
                                     {"body", {{"t", "{{title}}"}}},
                                     {"kinds", {"raise-andon"}}}}});
            json doc = {{"on_duty", who.toStdString()}, {"sources", sources}};
            if (withPager)
                doc["actions"] = {{"andon", "pager"}};
            doc.update(team(QStringLiteral("alone")));
            return parseConfig(QByteArray::fromStdString(doc.dump()), who);
        };
        const auto postCount = [&] {
            QMutexLocker lock(&mutex);
            return posts.size();
        };
        LeanRun a(config(QStringLiteral("a"), true), localFile(QStringLiteral("a")));
        QVERIFY(a.opened());
        a.context->leanState()->outbox()->submit(
            LeanActions::raiseAndon(QStringLiteral("sftp"), QStringLiteral("no backups"),
                                    QStringLiteral("a"), Clock::system().now()),
            {QStringLiteral("pager")});
        QTRY_COMPARE(postCount(), 1); // A claimed it and waits for the answer
        LeanRun wall(config(QStringLiteral("wall"), false), localFile(QStringLiteral("wall")));
        QVERIFY(wall.opened());
        QTest::qWait(1000); // the wall has loaded the outbox and looked at the row
        QCOMPARE(
            a.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL")), 1);
        QCOMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE last_error <> ''")), 0);
        LeanRun b(config(QStringLiteral("b"), true), localFile(QStringLiteral("b")));
        QVERIFY(b.opened());
        QTRY_COMPARE_WITH_TIMEOUT(
            a.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'delivered'")), 1,
            10000);
        QTest::qWait(1000);
        QCOMPARE(postCount(), 1);
    }

    void stateCheckSaysWhereAndWhetherItWorks() {
        LeanRun a(m_servers.config(team(QStringLiteral("check"))), localFile(QStringLiteral("a")));
        QVERIFY(a.opened());
        a.controller->take(a.loadRequest());
        QTRY_COMPARE(a.count(QStringLiteral("SELECT COUNT(*) FROM triage")), 1);
        StoreLocation where = a.context->store()->location();
        const QString report = checkStateReport(where);
        for (const QString &expected :
             {QStringLiteral("backend: postgres://dutyboard@127.0.0.1:%1/dutyboard?schema=check")
                  .arg(m_pg.port()),
              QStringLiteral("schema version: %1 (this dutyboard writes %1)")
                  .arg(StoreSchema::version),
              QStringLiteral("rows: investigation_clocks 1, triage 1, escalations 0, "
                             "escalation_claims 0, outbox 0, history "),
              QStringLiteral("journal: 0 change(s) waiting on this machine"),
              QStringLiteral("listen: ok (a notice came back in ")})
            QVERIFY2(report.contains(expected), qPrintable(report));
        QVERIFY(!report.contains(m_pg.password()));
        QCOMPARE(m_lastCode, 0);

        QVERIFY(m_pg.stop());
        const QString down = checkStateReport(where);
        QCOMPARE(m_lastCode, 1);
        QVERIFY2(down.contains(QStringLiteral("unreachable")), qPrintable(down));
        QVERIFY(m_pg.restart());
    }

    void aDeskMovesIntoTheTeamStoreOnce() {
        m_servers.trackerUp = false;
        const QString deskFile = localFile(QStringLiteral("desk"));
        {
            LeanRun desk(m_servers.config(), deskFile); // one desk: SQLite
            QVERIFY(desk.opened());
            QVERIFY(!desk.context->store()->isShared());
            const Item request = desk.loadRequest();
            desk.controller->take(request);
            QVERIFY(desk.controller->escalate(request)); // the tracker is down: it waits
            QTRY_COMPARE(
                desk.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")),
                1);
        }
        {
            // Three weeks of the desk's history.
            Store desk(deskFile);
            QString notice;
            QVERIFY(desk.open(&notice));
            const QDateTime now = Clock::system().now();
            QVERIFY(desk.runBlocking([&now](QSqlDatabase &db) {
                bool ok = true;
                for (int week = 3; week > 0; --week) {
                    HistorySample sample;
                    sample.at = now.addDays(-7 * week);
                    sample.bugsOpen = week;
                    ok = ok && HistorySql::insert(db, sample);
                }
                return ok;
            }));
        }
        const StoreLocation teamStore = *parseStateConfig(team(QStringLiteral("moved")));
        const QString first =
            report([&](std::FILE *out) { return copyState(deskFile, teamStore, out); });
        QCOMPARE(m_lastCode, 0);
        QVERIFY2(first.contains(QStringLiteral("copied: 1 clock(s), 1 triage decision(s), 1 "
                                               "escalation(s), 1 pending action(s) (0 already "
                                               "there), 3 history sample(s) (0 already "
                                               "covered)")),
                 qPrintable(first));
        // Again: nothing new.
        const QString second =
            report([&](std::FILE *out) { return copyState(deskFile, teamStore, out); });
        QCOMPARE(m_lastCode, 0);
        QVERIFY2(second.contains(QStringLiteral("0 pending action(s) (1 already there), 0 "
                                                "history sample(s) (3 already covered)")),
                 qPrintable(second));

        // The team's dutyboard has it all, and files the desk's bug once the tracker answers.
        const size_t bugsBefore = m_servers.bugCount();
        m_servers.trackerUp = true;
        LeanRun team1(m_servers.config(team(QStringLiteral("moved"))),
                      localFile(QStringLiteral("team")));
        QVERIFY(team1.opened());
        QCOMPARE(team1.count(QStringLiteral("SELECT COUNT(*) FROM investigation_clocks")), 1);
        QCOMPARE(team1.count(QStringLiteral("SELECT COUNT(*) FROM triage WHERE decision = 'bug'")),
                 1);
        QCOMPARE(team1.count(QStringLiteral("SELECT COUNT(*) FROM escalation_claims")), 1);
        QCOMPARE(team1.count(QStringLiteral("SELECT COUNT(*) FROM history WHERE bugs > 0")), 3);
        QTRY_COMPARE_WITH_TIMEOUT(m_servers.bugCount(), bugsBefore + 1, 10000);
        QTest::qWait(2000);
        QCOMPARE(m_servers.bugCount(), bugsBefore + 1);
        QCOMPARE(
            team1.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'create-bug'")),
            1);
    }

    void aCommandLineActionWhileTheStoreIsDownIsKeptThenSent() {
        m_servers.trackerUp = true;
        // The tracker also takes incidents, declared from the command line.
        nlohmann::json config = m_servers.config(team(QStringLiteral("cli"))).raw;
        config["sources"][1]["write"]["kinds"].push_back("create-incident");
        config["actions"]["incident"] = "tracker";
        QTemporaryDir dir;
        const QString configPath = writeConfig(dir, QByteArray::fromStdString(config.dump()));
        const QString local = dir.filePath(QStringLiteral("state.sqlite"));
        const QStringList declare{
            QStringLiteral("--config"),      configPath,
            QStringLiteral("--state"),       local,
            QStringLiteral("incident"),      QStringLiteral("declare"),
            QStringLiteral("--name"),        QStringLiteral("Checkout errors"),
            QStringLiteral("--description"), QStringLiteral("5xx on /pay")};
        const size_t before = m_servers.bugCount();

        QVERIFY(m_pg.stop());
        const DutyboardRun kept = runDutyboard(declare);
        QCOMPARE(kept.exitCode, 3);
        QVERIFY2(kept.err.contains("kept, not delivered"), kept.err.constData());
        QVERIFY(!kept.err.contains(m_pg.password().toUtf8()));
        QCOMPARE(m_servers.bugCount(), before);

        // The next dutyboard on this machine replays it once the store answers; it is sent once.
        QVERIFY(m_pg.restart());
        LeanRun next(parseConfig(QByteArray::fromStdString(config.dump()), QStringLiteral("t")),
                     local);
        QVERIFY(next.opened());
        QTRY_COMPARE_WITH_TIMEOUT(m_servers.bugCount(), before + 1, 10000);
        QTRY_VERIFY(next.context->store()->journalSize() == 0);
        QTest::qWait(2000);
        QCOMPARE(m_servers.bugCount(), before + 1);
    }

    void cleanupTestCase() { qunsetenv(passwordVariable); }

private:
    // What a state command prints (its exit code in m_lastCode).
    QString report(const std::function<int(std::FILE *)> &command) {
        std::FILE *out = std::tmpfile();
        m_lastCode = command(out);
        std::rewind(out);
        QByteArray text;
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, out)) > 0;)
            text.append(buffer, static_cast<qsizetype>(n));
        std::fclose(out);
        return QString::fromUtf8(text);
    }
    QString checkStateReport(const StoreLocation &where) {
        return report([&where](std::FILE *out) { return checkState(where, out); });
    }

    // The team's "state" section: the private server, a schema per test.
    json team(const QString &schema) const { return m_pg.stateConfig(schema, passwordVariable); }
    QString localFile(const QString &name) const {
        return m_dir.filePath(QStringLiteral("%1-%2.sqlite")
                                  .arg(QString::fromLatin1(QTest::currentTestFunction()), name));
    }

    PostgresProcess m_pg;
    DeskAndTracker m_servers;
    int m_lastCode = -1;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTeamStore)
#include "tst_team_store.moc"
