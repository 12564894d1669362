// SPDX-License-Identifier: MIT
// The durable outbox against real HTTP on 127.0.0.1: server down -> pending with its error ->
// server up -> delivered exactly once; pending rows survive a restart (a new Store on the
// same file) and a killed command line; targets are independent; a resolve never overtakes its
// raise; backoff and Retry-After.
#include "core/config/AppConfig.h"
#include "core/lean/LeanActions.h"
#include "core/lean/Outbox.h"
#include "core/sources/ConnectorRegistry.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <mutex>

using nlohmann::json;

namespace {

// Answers like Alertmanager: POST /api/v2/alerts is counted and kept; GET lists nothing.
struct FakeAlertmanager {
    std::mutex mutex;
    std::vector<json> posts;
    int status = 200;
    QByteArray retryAfter;
    LoopbackHttpServer server{[this](const HttpServerRequest &r) { return answer(r); }};

    HttpServerResponse answer(const HttpServerRequest &r) {
        std::lock_guard<std::mutex> lock(mutex);
        if (r.method == "POST" && r.path == "/api/v2/alerts") {
            if (status != 200) {
                HttpServerResponse busy = HttpServerResponse::json("{}", status);
                if (!retryAfter.isEmpty())
                    busy.headers.append({QByteArrayLiteral("Retry-After"), retryAfter});
                return busy;
            }
            posts.push_back(json::parse(r.body.constData(), r.body.constData() + r.body.size()));
            return HttpServerResponse::json("");
        }
        return HttpServerResponse::json("[]");
    }
    int postCount() {
        std::lock_guard<std::mutex> lock(mutex);
        return static_cast<int>(posts.size());
    }
    json post(int i) {
        std::lock_guard<std::mutex> lock(mutex);
        return posts.at(static_cast<size_t>(i));
    }
};

// A port nobody listens on (taken, then released).
quint16 closedPort() {
    LoopbackHttpServer probe([](const HttpServerRequest &) { return HttpServerResponse(); });
    probe.start(0);
    const quint16 port = probe.port();
    probe.stop();
    return port;
}

QByteArray configFor(const QList<quint16> &ports) {
    json sources = json::array();
    json targets = json::array();
    for (int i = 0; i < ports.size(); ++i) {
        const std::string name = "am" + std::to_string(i);
        sources.push_back({{"name", name},
                           {"type", "alertmanager"},
                           {"url", "http://127.0.0.1:" + std::to_string(ports[i])},
                           {"panel", "incidents"},
                           {"timeout_s", 5}});
        targets.push_back(name);
    }
    return QByteArray::fromStdString(
        json({{"sources", sources}, {"actions", {{"andon", targets}}}}).dump());
}

// Connectors for a config, looked up by name: what the poller does for the outbox.
struct Targets {
    std::map<QString, std::unique_ptr<Connector>> connectors;
    explicit Targets(const QByteArray &config) {
        for (const SourceConfig &s : parseConfig(config, QStringLiteral("test")).sources)
            connectors[s.name] = ConnectorRegistry::builtin().create(s);
    }
    ConnectorLookup lookup() const {
        return [this](const QString &name) -> const Connector * {
            const auto it = connectors.find(name);
            return it == connectors.end() ? nullptr : it->second.get();
        };
    }
};

QString str(const json &value) {
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

WriteAction andon(const QString &project) {
    return LeanActions::raiseAndon(project, QStringLiteral("doubt on backups"),
                                   QStringLiteral("victor"), QDateTime::currentDateTimeUtc());
}

} // namespace

class TestOutbox final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void downThenUpDeliveredOnce() {
        QTemporaryDir dir;
        const quint16 port = closedPort();
        Targets targets(configFor({port}));
        Store store(testStateLocation(dir.filePath(QStringLiteral("s.sqlite"))));
        QString notice;
        QVERIFY(store.open(&notice));
        HttpClient http;
        Outbox outbox(&store, &http, targets.lookup());
        outbox.start();
        QSignalSpy failed(&outbox, &Outbox::attemptFailed);
        QSignalSpy delivered(&outbox, &Outbox::delivered);
        const QString id = outbox.submit(andon(QStringLiteral("sftp")), {QStringLiteral("am0")});
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(outbox.pendingCount(), 1);
        const OutboxEntry pending = outbox.pending().front();
        QCOMPARE(pending.attempts, 1);
        QVERIFY2(!pending.lastError.isEmpty(), qPrintable(pending.lastError));
        QCOMPARE(outbox.lastError(), pending.lastError);
        QCOMPARE(pending.action.idempotencyKey, id);
        QVERIFY(pending.nextAttemptAt > QDateTime::currentDateTimeUtc());

        FakeAlertmanager am;
        QVERIFY(am.server.start(port));
        outbox.retryNow();
        QTRY_COMPARE(delivered.count(), 1);
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(am.postCount(), 1);
        const json alert = am.post(0).at(0);
        QCOMPARE(str(alert["labels"]["project"]), QStringLiteral("sftp"));
        QCOMPARE(str(alert["labels"]["andon"]), QStringLiteral("true"));
        QCOMPARE(str(alert["annotations"]["reason"]), QStringLiteral("doubt on backups"));
        // Nothing left to send: more retries send nothing.
        outbox.retryNow();
        QTest::qWait(200);
        QCOMPARE(am.postCount(), 1);
        // Marked delivered on disk, not deleted.
        const QVariant state = store.runBlocking([](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT state, attempts FROM outbox"));
            q.next();
            return QVariant(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString());
        });
        QCOMPARE(state.toString(), QStringLiteral("delivered/2"));
    }

    void restartDeliversPendingOnce() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        const quint16 port = closedPort();
        Targets targets(configFor({port}));
        HttpClient http;
        {
            Store store(testStateLocation(path));
            QString notice;
            QVERIFY(store.open(&notice));
            Outbox outbox(&store, &http, targets.lookup());
            outbox.start();
            QSignalSpy failed(&outbox, &Outbox::attemptFailed);
            outbox.submit(andon(QStringLiteral("ledger")), {QStringLiteral("am0")});
            QTRY_COMPARE(failed.count(), 1);
        } // the "app" goes away with the action pending
        FakeAlertmanager am;
        QVERIFY(am.server.start(port));
        Store store(testStateLocation(path));
        QString notice;
        QVERIFY(store.open(&notice));
        Outbox outbox(&store, &http, targets.lookup());
        QSignalSpy delivered(&outbox, &Outbox::delivered);
        outbox.start();
        // Sent at start, whatever backoff the first run gave it.
        QTRY_COMPARE(delivered.count(), 1);
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(am.postCount(), 1);
        QCOMPARE(str(am.post(0).at(0)["labels"]["project"]), QStringLiteral("ledger"));
    }

    void targetsAreIndependent() {
        QTemporaryDir dir;
        FakeAlertmanager up;
        QVERIFY(up.server.start(0));
        Targets targets(configFor({up.server.port(), closedPort()}));
        Store store(testStateLocation(dir.filePath(QStringLiteral("s.sqlite"))));
        QString notice;
        QVERIFY(store.open(&notice));
        HttpClient http;
        Outbox outbox(&store, &http, targets.lookup());
        outbox.start();
        QSignalSpy settled(&outbox, &Outbox::settled);
        outbox.submit(andon(QStringLiteral("sftp")),
                      {QStringLiteral("am0"), QStringLiteral("am1")});
        QTRY_VERIFY(outbox.isSettled() && up.postCount() == 1);
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(outbox.pending().front().target, QStringLiteral("am1"));
    }

    void resolveNeverOvertakesRaise() {
        QTemporaryDir dir;
        const quint16 port = closedPort();
        Targets targets(configFor({port}));
        Store store(testStateLocation(dir.filePath(QStringLiteral("s.sqlite"))));
        QString notice;
        QVERIFY(store.open(&notice));
        HttpClient http;
        Outbox outbox(&store, &http, targets.lookup());
        outbox.start();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        outbox.submit(andon(QStringLiteral("sftp")), {QStringLiteral("am0")});
        outbox.submit(LeanActions::resolveAndon(QStringLiteral("sftp"), QStringLiteral("continue"),
                                                QStringLiteral("backups decided"),
                                                QStringLiteral("victor"), now, now),
                      {QStringLiteral("am0")});
        QTRY_VERIFY(outbox.isSettled());
        QCOMPARE(outbox.pendingCount(), 2);
        FakeAlertmanager am;
        QVERIFY(am.server.start(port));
        outbox.retryNow();
        QTRY_COMPARE(am.postCount(), 2);
        QCOMPARE(str(am.post(0).at(0)["annotations"]["raised_by"]), QStringLiteral("victor"));
        QCOMPARE(str(am.post(1).at(0)["annotations"]["decision"]), QStringLiteral("continue"));
    }

    void backoffAndRetryAfter() {
        QTemporaryDir dir;
        FakeAlertmanager am;
        am.status = 429;
        am.retryAfter = "120";
        QVERIFY(am.server.start(0));
        Targets targets(configFor({am.server.port(), closedPort()}));
        Store store(testStateLocation(dir.filePath(QStringLiteral("s.sqlite"))));
        QString notice;
        QVERIFY(store.open(&notice));
        HttpClient http;
        ManualClock clock(QDateTime::currentDateTimeUtc());
        Outbox outbox(&store, &http, targets.lookup(), clock);
        outbox.start();
        QSignalSpy failed(&outbox, &Outbox::attemptFailed);
        outbox.submit(andon(QStringLiteral("sftp")),
                      {QStringLiteral("am0"), QStringLiteral("am1")});
        QTRY_COMPARE(failed.count(), 2);
        for (const OutboxEntry &e : outbox.pending()) {
            const qint64 wait = clock.now().secsTo(e.nextAttemptAt);
            if (e.target == QLatin1String("am0")) // the server said 120 s
                QVERIFY2(wait >= 119, qPrintable(QString::number(wait)));
            else // unreachable: 5 s first, then doubling
                QCOMPARE(wait, 5);
        }
        clock.advanceSecs(6);
        outbox.retryTarget(QStringLiteral("am1"));
        QTRY_COMPARE(failed.count(), 3);
        for (const OutboxEntry &e : outbox.pending()) {
            if (e.target == QLatin1String("am1"))
                QCOMPARE(clock.now().secsTo(e.nextAttemptAt), 10);
        }
    }

    void commandLineQueuesThenAnyRunDelivers() {
        QTemporaryDir dir;
        const quint16 port = closedPort();
        const QString state = dir.filePath(QStringLiteral("state.sqlite"));
        json withState = json::parse(configFor({port}).toStdString());
        withState.update(testStateConfig(state)); // the team's store in the "_postgres" run
        const QString config = writeConfig(dir, QByteArray::fromStdString(withState.dump()));
        const QStringList common{QStringLiteral("--config"), config, QStringLiteral("--state"),
                                 state};
        DutyboardRun bad =
            runDutyboard(common + QStringList{QStringLiteral("andon"), QStringLiteral("raise"),
                                              QStringLiteral("--project"), QStringLiteral("sftp")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("needs --reason"), bad.err.constData());

        DutyboardRun queued = runDutyboard(
            common + QStringList{QStringLiteral("andon"), QStringLiteral("raise"),
                                 QStringLiteral("--project"), QStringLiteral("sftp"),
                                 QStringLiteral("--reason"), QStringLiteral("no backups"),
                                 QStringLiteral("--by"), QStringLiteral("mathieu")});
        QCOMPARE(queued.exitCode, 3);
        QVERIFY2(queued.err.contains("queued, not delivered: am0:"), queued.err.constData());

        FakeAlertmanager am;
        QVERIFY(am.server.start(port));
        DutyboardRun print = runDutyboard(common + QStringList{QStringLiteral("--print")});
        QCOMPARE(print.exitCode, 0);
        QCOMPARE(am.postCount(), 1);
        QCOMPARE(str(am.post(0).at(0)["annotations"]["raised_by"]), QStringLiteral("mathieu"));
        // Delivered means delivered: the next runs send nothing again.
        QCOMPARE(runDutyboard(common + QStringList{QStringLiteral("--print")}).exitCode, 0);
        QCOMPARE(am.postCount(), 1);

        DutyboardRun resolved = runDutyboard(
            common + QStringList{QStringLiteral("andon"), QStringLiteral("resolve"),
                                 QStringLiteral("--project"), QStringLiteral("sftp"),
                                 QStringLiteral("--decision"), QStringLiteral("new-ve")});
        QCOMPARE(resolved.exitCode, 0);
        QVERIFY2(resolved.out.contains("delivered to am0"), resolved.out.constData());
        QCOMPARE(am.postCount(), 2);
        QCOMPARE(str(am.post(1).at(0)["annotations"]["decision"]), QStringLiteral("new-ve"));
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
