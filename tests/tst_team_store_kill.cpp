// SPDX-License-Identifier: MIT
// The team store survives a kill at any point: real dutyboards writing to one private
// PostgreSQL schema (incidents and andons from the command line, demo windows offering their
// history sample) are SIGKILLed at random moments, first while the schema is still being made, then
// while a long-lived instance in this process shares the store (it takes and escalates a request,
// and delivers what others leave). Afterwards: every action a command confirmed (exit 0 or 3) is
// delivered, once (a second delivery only after its first sender was killed before it could say
// so); no row stays claimed by the dead (the last runs are killed mid-send, holding their claims
// while the instance tries the rows: it delivers them once the claims lapse, timeout_s + 60 s);
// one row per (action, target) and all of an action's rows; one clock per request with the first
// start it was given; one escalation claim; one history sample for the period however many
// windows offered one; the schema's version untouched; and the instance's
// view of it all equals a restart's (in this process, and the real binary's "state check").
//
// The choices (what each run does, when it is killed) come from a seed printed at the start;
// DUTYBOARD_KILL_SEED=<seed> replays them (the timing of the machine is not replayed).
#include "core/lean/LeanState.h"
#include "core/store/StoreSchema.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/LeanSources.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/gui/LeanRun.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <vector>

using nlohmann::json;

namespace {

const char *const passwordVariable = "DUTYBOARD_TEST_PG_PASSWORD";
const QString schema = QStringLiteral("kill");
// The targets' timeout; a claim on an outbox row lasts this plus 60 s (Outbox::send).
constexpr int timeoutS = 3;
constexpr int claimS = timeoutS + 60;

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// One accepted delivery, as the fake saw it.
struct Delivery {
    QString sender; // whose config sent it: the first segment of the path
    QString target; // "tracker" or "pager"
    QString kind;
    QString key; // the action's idempotency key (its id)
    QString title;
    qint64 atMs = 0;
};

// The sources every instance writes to, on one loopback server: a help desk listing one
// request ("desk" #77), a tracker taking bugs and incidents and a pager taking incidents and
// andons. Each instance's config puts its own name first in the path, so what arrives says who
// sent it. The targets answer slowly (kills land mid-send) and, while `refusing`, one attempt in
// ten is refused (503: the action stays queued, exit 3).
class Targets final {
public:
    explicit Targets(quint32 seed)
        : m_random(seed)
        , m_server([this](const HttpServerRequest &r) { return answer(r); }) {}
    bool start() { return m_server.start(0); }
    std::atomic<bool> refusing{true};

    std::vector<Delivery> deliveries() {
        QMutexLocker lock(&m_mutex);
        return m_deliveries;
    }
    int refusals() {
        QMutexLocker lock(&m_mutex);
        return m_refusals;
    }
    // Whether `sender` sent anything yet.
    bool heardFrom(const QString &sender) {
        QMutexLocker lock(&m_mutex);
        return m_heard.contains(sender);
    }
    // What `sender` sends is answered after 2 s, not at once: time to kill it mid-send.
    void holdAnswersTo(const QString &sender) {
        QMutexLocker lock(&m_mutex);
        m_held = sender;
    }

    // An instance's config: the three sources at /<sender>/…, the state on `state`.
    json config(const QString &sender, const json &state) const {
        const std::string base = m_server.baseUrl().toStdString() + '/' + sender.toStdString();
        const json body = {
            {"kind", "{{kind}}"}, {"key", "{{idempotency_key}}"}, {"title", "{{title}}"}};
        json doc = {
            {"on_duty", sender.toStdString()},
            {"sources",
             json::array({deskSource(base),
                          trackerSource(base, {{"timeout_s", timeoutS},
                                               {"write",
                                                {{"path", "/actions"},
                                                 {"body", body},
                                                 {"kinds", {"create-bug", "create-incident"}}}}}),
                          {{"name", "pager"},
                           {"type", "generic"},
                           {"url", base + "/pager"},
                           {"panel", "incidents"},
                           {"path", "/open"},
                           {"fields", {{"id", "/key"}, {"title", "/title"}}},
                           {"timeout_s", timeoutS},
                           {"write",
                            {{"path", "/actions"},
                             {"body", body},
                             {"kinds", {"create-incident", "raise-andon"}}}}}})},
            {"actions",
             {{"bug", "tracker"}, {"incident", {"tracker", "pager"}}, {"andon", "pager"}}}};
        doc.update(state);
        return doc;
    }

private:
    HttpServerResponse answer(const HttpServerRequest &r) {
        const QList<QByteArray> parts = r.path.split('/'); // "", sender, source, rest…
        if (parts.size() < 4)
            return HttpServerResponse::text("not found", 404);
        const QByteArray source = parts.at(2);
        const QByteArray rest = parts.mid(3).join('/');
        if (r.method == "GET" && source == "desk" && rest == "requests")
            return HttpServerResponse::json(
                R"([{"id":"77","text":"My CI job is failing: out of disk space","who":"Chloe",)"
                R"("link":"https:\/\/desk.example\/77"}])");
        if (r.method == "GET")
            return HttpServerResponse::json("[]");
        if (r.method != "POST" || rest != "actions")
            return HttpServerResponse::text("not found", 404);
        const json body = json::parse(r.body.toStdString(), nullptr, false);
        const QString sender = QString::fromUtf8(parts.at(1));
        QMutexLocker lock(&m_mutex);
        m_heard.insert(sender);
        HttpServerResponse response;
        if (refusing && m_random.bounded(10) == 0) {
            ++m_refusals;
            response = HttpServerResponse::text("busy, try later", 503);
        } else {
            Delivery d;
            d.sender = sender;
            d.target = QString::fromUtf8(source);
            d.kind = QString::fromStdString(body.value("kind", std::string()));
            d.key = QString::fromStdString(body.value("key", std::string()));
            d.title = QString::fromStdString(body.value("title", std::string()));
            d.atMs = nowMs();
            m_deliveries.push_back(d);
            response = HttpServerResponse::json(
                QByteArray::fromStdString(
                    json{{"key", "SRE-" + std::to_string(m_deliveries.size())}}.dump()),
                201);
        }
        response.delayMs = sender == m_held ? 2000 : int(m_random.bounded(150));
        return response;
    }

    QMutex m_mutex;
    QRandomGenerator m_random; // the server's thread only
    int m_refusals = 0;
    QSet<QString> m_heard;
    QString m_held;
    std::vector<Delivery> m_deliveries;
    LoopbackHttpServer m_server;
};

// One run of the real binary.
struct Run {
    enum class Kind { Incident, Andon, Window };
    Kind kind = Kind::Incident;
    QString sender;
    QString title;        // what its action is called (incident: its name; andon: "Andon: p")
    qint64 killedAt = -1; // when it was sent SIGKILL; -1: it ended on its own
    qint64 endedAt = 0;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool confirmed() const { return killedAt < 0 && (exitCode == 0 || exitCode == 3); }
};

// Runs the event loop (the long-lived instance lives in it) until `process` ends, `ms` pass or
// `enough` says so.
bool finishesWithin(QProcess &process, int ms, const std::function<bool()> &enough) {
    QElapsedTimer waited;
    waited.start();
    while (process.state() != QProcess::NotRunning && waited.elapsed() < ms && !enough())
        QTest::qWait(2);
    return process.state() == QProcess::NotRunning;
}

} // namespace

class TestTeamStoreKill final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        m_seed = qEnvironmentVariableIsSet("DUTYBOARD_KILL_SEED")
                     ? qEnvironmentVariable("DUTYBOARD_KILL_SEED").toUInt()
                     : QRandomGenerator::system()->generate();
        qInfo("seed %u (DUTYBOARD_KILL_SEED=%u replays the choices)", m_seed, m_seed);
        m_random.seed(m_seed);
        QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
        qputenv(passwordVariable, m_pg.password().toUtf8());
        m_targets = std::make_unique<Targets>(m_seed);
        QVERIFY(m_targets->start());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // A killed run leaves its temporary directory behind: here, not in /tmp.
        for (const char *variable :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMPDIR"}) {
            const QString path = m_dir.filePath(QStringLiteral("home/") + QLatin1String(variable));
            QVERIFY(QDir().mkpath(path));
            m_env.insert(QLatin1String(variable), path);
        }
    }

    void killedWritersLeaveAConsistentStore() {
        const QString machine = m_dir.filePath(QStringLiteral("machine.sqlite"));

        // While the schema is made: the first runs on an empty server, killed early.
        for (int i = 0; i < 4; ++i)
            QVERIFY(runOnce(Run::Kind::Incident, 600));
        // The instance that stays: it must open whatever the kills left.
        LeanRun survivor(parse(QStringLiteral("survivor")),
                         m_dir.filePath(QStringLiteral("survivor.sqlite")));
        QVERIFY2(survivor.opened(), qPrintable(survivor.notice));
        QVERIFY(survivor.context->store()->isShared());
        const Item request = survivor.loadRequest();

        const size_t runsBeforeThePhase = m_runs.size();
        // Runs killed at random moments, one at a time, while the survivor works beside them.
        QElapsedTimer phase;
        phase.start();
        constexpr qint64 killPhaseMs = 25000;
        bool taken = false;
        bool escalated = false;
        while (phase.elapsed() < killPhaseMs) {
            if (!taken && phase.elapsed() > killPhaseMs / 4) {
                survivor.controller->take(request);
                taken = true;
            }
            if (!escalated && phase.elapsed() > killPhaseMs / 2) {
                QVERIFY(survivor.controller->escalate(request));
                escalated = true;
            }
            const int pick = int(m_random.bounded(8));
            const Run::Kind kind = pick < 4   ? Run::Kind::Incident
                                   : pick < 6 ? Run::Kind::Andon
                                              : Run::Kind::Window;
            // A loaded machine (sanitizers, builds beside) can be slower than every random kill:
            // after three runs in this phase with none confirmed, the next command is let finish,
            // so the test always has a confirmed run to weigh against the killed ones, whatever
            // the machine's speed.
            const bool letFinish = kind != Run::Kind::Window && !anyConfirmed() &&
                                   m_runs.size() >= runsBeforeThePhase + 3;
            QVERIFY(runOnce(kind, kind == Run::Kind::Window ? 3000 : 1200, nullptr, letFinish));
        }
        m_targets->refusing = false;
        // Last, runs killed while they send: what they claimed stays claimed by the dead.
        for (int i = 0; i < 5 && claimedByTheDead() == 0; ++i)
            QVERIFY(runOnce(Run::Kind::Incident, 5000, survivor.context->leanState()->outbox()));
        const int deadClaims = claimedByTheDead();
        QVERIFY2(deadClaims > 0, "no run died holding a claim: the drain below proves nothing");
        int killed = 0;
        int confirmed = 0;
        for (const Run &run : m_runs) {
            killed += run.killedAt >= 0;
            confirmed += run.confirmed();
        }
        qInfo("%d runs: %d killed, %d confirmed (exit 0 or 3); %d attempt(s) refused by the "
              "targets; when the last run ended, %d row(s) pending, %d of them claimed by a "
              "killed run",
              int(m_runs.size()), killed, confirmed, m_targets->refusals(),
              count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")),
              deadClaims);
        QVERIFY2(killed > 0 && confirmed > 0, "the kills proved nothing");

        // The survivor alone delivers what is left, claimed by the dead or not: within a claim's
        // life (plus the time to send).
        QElapsedTimer drain;
        drain.start();
        const auto drained = [&] {
            return count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state <> "
                                        "'delivered'")) == 0 &&
                   survivor.settled();
        };
        // Not QTRY: on failure it would wait twice as long again to say how long it needed.
        while (!drained() && drain.elapsed() < claimS * 1000 + 30000)
            QTest::qWait(100);
        QVERIFY2(drained(), qPrintable(outboxRows()));
        qInfo("drained by the survivor in %.1f s", drain.elapsed() / 1000.0);

        checkSchema();
        checkOutboxRows();
        checkDeliveries();
        checkClocks(survivor, request);
        if (QTest::currentTestFailed())
            return;

        // A restart of the killed machine: a new instance on its local file sees what the
        // survivor sees, and sends nothing again.
        const size_t deliveredBefore = m_targets->deliveries().size();
        LeanRun restart(parse(QStringLiteral("restart")), machine);
        QVERIFY2(restart.opened(), qPrintable(restart.notice));
        QTRY_VERIFY_WITH_TIMEOUT(
            restart.context->leanState()->clocks()->isLoaded() && restart.settled(), 10000);
        QCOMPARE(restart.context->store()->journalSize(), 0);
        compareViews(survivor, restart, request);
        if (QTest::currentTestFailed())
            return;
        QTest::qWait(2000); // a row sent twice would have gone by now
        QCOMPARE(m_targets->deliveries().size(), deliveredBefore);
        QCOMPARE(survivor.context->leanState()->outbox()->pendingCount(), 0);
        QCOMPARE(restart.context->leanState()->outbox()->pendingCount(), 0);

        // And the real binary, restarted on the killed machine, says the same.
        const DutyboardRun check = runDutyboard(
            {QStringLiteral("--config"), configFile(QStringLiteral("check")),
             QStringLiteral("--state"), machine, QStringLiteral("state"), QStringLiteral("check")},
            m_env);
        QVERIFY2(check.exitCode == 0, check.out.constData());
        const QString report = QString::fromUtf8(check.out);
        for (const QString &expected :
             {QStringLiteral("schema version: %1 (this dutyboard writes %1)")
                  .arg(StoreSchema::version),
              QStringLiteral("rows: investigation_clocks %1, triage %2, escalations %3, "
                             "escalation_claims %4, outbox %5")
                  .arg(count(QStringLiteral("SELECT COUNT(*) FROM investigation_clocks")))
                  .arg(count(QStringLiteral("SELECT COUNT(*) FROM triage")))
                  .arg(count(QStringLiteral("SELECT COUNT(*) FROM escalations")))
                  .arg(count(QStringLiteral("SELECT COUNT(*) FROM escalation_claims")))
                  .arg(count(QStringLiteral("SELECT COUNT(*) FROM outbox"))),
              QStringLiteral("outbox pending: 0"),
              QStringLiteral("journal: 0 change(s) waiting on this machine")})
            QVERIFY2(report.contains(expected), qPrintable(report));
    }

    void cleanupTestCase() {
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("kill-check"));
        }
        qunsetenv(passwordVariable);
    }

private:
    json state() const { return m_pg.stateConfig(schema, passwordVariable); }
    AppConfig parse(const QString &sender) const {
        return parseConfig(QByteArray::fromStdString(m_targets->config(sender, state()).dump()),
                           sender);
    }
    QString configFile(const QString &sender) {
        const QString path = m_dir.filePath(sender + QStringLiteral(".json"));
        QFile file(path);
        const QByteArray bytes =
            QByteArray::fromStdString(m_targets->config(sender, state()).dump());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Starts one run of `kind` and kills it after a random time under `spanMs` unless it ended
    // first. With `midSend`, once the targets heard from it instead (they hold its answers to
    // it), after `midSend` (the survivor's outbox) tried those rows and found them claimed. A run
    // that ends on its own must say 0 or 3 (a window never ends on its own).
    bool anyConfirmed() const {
        return std::any_of(m_runs.begin(), m_runs.end(),
                           [](const Run &run) { return run.confirmed(); });
    }

    // `letFinish`: not killed (waits at most a minute, like any command run).
    bool runOnce(Run::Kind kind, int spanMs, Outbox *midSend = nullptr, bool letFinish = false) {
        Run run;
        run.kind = kind;
        run.sender = QStringLiteral("r%1").arg(m_runs.size());
        QStringList arguments;
        if (kind == Run::Kind::Window) {
            // A wall screen on the demo's sources: once they answered it offers a history sample.
            arguments = {QStringLiteral("--demo"), QStringLiteral("--config"),
                         configFile(run.sender), QStringLiteral("--state"),
                         m_dir.filePath(QStringLiteral("wall.sqlite"))};
        } else {
            arguments = {QStringLiteral("--config"), configFile(run.sender),
                         QStringLiteral("--state"),
                         m_dir.filePath(QStringLiteral("machine.sqlite"))};
            if (kind == Run::Kind::Incident) {
                run.title = QStringLiteral("incident %1").arg(run.sender);
                arguments += {QStringLiteral("incident"),      QStringLiteral("declare"),
                              QStringLiteral("--name"),        run.title,
                              QStringLiteral("--description"), QStringLiteral("kill test")};
            } else {
                const QString project = QStringLiteral("project-%1").arg(run.sender);
                run.title = QStringLiteral("Andon: %1").arg(project);
                arguments += {QStringLiteral("andon"),     QStringLiteral("raise"),
                              QStringLiteral("--project"), project,
                              QStringLiteral("--reason"),  QStringLiteral("kill test")};
            }
        }
        const int killAfterMs = letFinish ? 60000
                                : midSend ? spanMs
                                          : int(m_random.bounded(spanMs));
        if (midSend)
            m_targets->holdAnswersTo(run.sender);
        Targets *targets = m_targets.get();
        const auto enough = [midSend, targets, sender = run.sender] {
            return midSend != nullptr && targets->heardFrom(sender);
        };
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.start(QStringLiteral(DUTYBOARD_BINARY), arguments);
        if (!process.waitForStarted())
            return false;
        if (!finishesWithin(process, killAfterMs, enough)) {
            if (midSend) { // its claims now hold the survivor off until they lapse
                midSend->retryNow();
                QTest::qWait(500);
            }
            run.killedAt = nowMs();
            process.kill();
            process.waitForFinished();
        } else {
            run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
            run.out = process.readAllStandardOutput();
            run.err = process.readAllStandardError();
        }
        run.endedAt = nowMs();
        m_runs.push_back(run);
        if (kind == Run::Kind::Window)
            noteHistory();
        if (run.killedAt < 0 && !run.confirmed()) {
            qWarning("%s ended with %d: %s", qPrintable(run.sender), run.exitCode,
                     run.err.constData());
            return false;
        }
        // A command that says "delivered" was: its action had reached every target already.
        if (run.killedAt < 0 && run.exitCode == 0) {
            QSet<QString> reached;
            for (const Delivery &d : m_targets->deliveries()) {
                if (d.title == run.title)
                    reached.insert(d.target);
            }
            if (reached.size() != (kind == Run::Kind::Incident ? 2 : 1)) {
                qWarning("%s said delivered, the targets got it %d time(s): %s",
                         qPrintable(run.sender), int(reached.size()), run.out.constData());
                return false;
            }
        }
        return true;
    }

    // The history samples after each window run: the windows all run within one period (5
    // minutes), so once one sample is in, it stays the only one.
    void noteHistory() {
        QSqlQuery q(database());
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM history")) && q.next())
            m_historyRows.push_back(q.value(0).toInt());
    }

    QSqlDatabase &database() {
        if (!m_db.isValid()) {
            m_db = m_pg.connect(QStringLiteral("kill-check"));
            QSqlQuery(m_db).exec(QStringLiteral("SET search_path TO ") + schema);
        }
        return m_db;
    }
    int count(const QString &sql) {
        QSqlQuery q(database());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }
    // Pending rows claimed by anyone but this process (the survivor): by a killed run.
    int claimedByTheDead() {
        return count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND "
                                    "claimed_by IS NOT NULL AND claimed_by NOT LIKE '%/%1/%'")
                         .arg(QCoreApplication::applicationPid()));
    }
    // Every row not delivered, for a failure's message.
    QString outboxRows() {
        QSqlQuery q(database());
        q.exec(QStringLiteral("SELECT id, action_id, target, kind, state, attempts, last_error, "
                              "claimed_by, claimed_until FROM outbox WHERE state <> 'delivered' "
                              "ORDER BY id"));
        QStringList rows{QStringLiteral("not delivered (now %1):").arg(nowMs())};
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < 9; ++i)
                fields.append(q.value(i).toString());
            rows.append(fields.join(QStringLiteral(" | ")));
        }
        return rows.join(QLatin1Char('\n'));
    }

    void checkSchema() {
        QSqlQuery q(database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), MIN(version), MAX(version) FROM "
                                      "dutyboard_schema")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), StoreSchema::version);
        QCOMPARE(q.value(2).toInt(), StoreSchema::version);
    }

    // One row per (action, target), all of an action's targets or none, every row delivered and
    // let go; at most one escalation claim per request and one bug row for it.
    void checkOutboxRows() {
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM outbox GROUP BY "
                                      "action_id, target HAVING COUNT(*) > 1) AS twice")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state <> 'delivered' OR "
                                      "claimed_by IS NOT NULL OR claimed_until IS NOT NULL")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE kind = "
                                      "'create-incident' GROUP BY action_id HAVING COUNT(*) <> 2) "
                                      "AS partial")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM escalation_claims "
                                      "GROUP BY source, item_id HAVING COUNT(*) > 1) AS twice")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM escalation_claims")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'create-bug'")), 1);
    }

    // What the targets got: each confirmed action at every target; every delivery is a row of
    // the store (nothing is sent before it is written); a second delivery of a row only after
    // the one who sent the first was killed (it could not mark it: the outbox's one duplicate).
    void checkDeliveries() {
        const std::vector<Delivery> deliveries = m_targets->deliveries();
        QHash<QString, qint64> killedAt;
        for (const Run &run : m_runs) {
            if (run.killedAt >= 0)
                killedAt.insert(run.sender, run.killedAt);
        }
        QSet<QString> rows; // "action id/target" in the store
        QSqlQuery q(database());
        QVERIFY(q.exec(QStringLiteral("SELECT action_id, target FROM outbox")));
        while (q.next())
            rows.insert(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString());
        std::map<QString, std::vector<Delivery>> byRow;
        for (const Delivery &d : deliveries) {
            const QString row = d.key + QLatin1Char('/') + d.target;
            QVERIFY2(rows.contains(row), qPrintable(row + QStringLiteral(" was sent, not stored")));
            byRow[row].push_back(d);
        }
        int duplicates = 0;
        for (auto &[row, sent] : byRow) {
            std::sort(sent.begin(), sent.end(),
                      [](const Delivery &a, const Delivery &b) { return a.atMs < b.atMs; });
            for (size_t i = 0; i + 1 < sent.size(); ++i) {
                const Delivery &first = sent[i];
                const Delivery &again = sent[i + 1];
                const bool explained =
                    killedAt.contains(first.sender) && again.atMs > killedAt.value(first.sender);
                QVERIFY2(explained,
                         qPrintable(QStringLiteral("\"%1\" delivered to %2 by %3 at %4, then again "
                                                   "by %5 at %6 (%3 killed at %7)")
                                        .arg(first.title, first.target, first.sender)
                                        .arg(first.atMs)
                                        .arg(again.sender)
                                        .arg(again.atMs)
                                        .arg(killedAt.value(first.sender, -1))));
                ++duplicates;
            }
        }
        qInfo("%d deliveries of %d rows; %d sent again after their sender was killed",
              int(deliveries.size()), int(byRow.size()), duplicates);
        for (const Run &run : m_runs) {
            if (!run.confirmed())
                continue;
            QSet<QString> reached;
            for (const Delivery &d : deliveries) {
                if (d.title == run.title)
                    reached.insert(d.target);
            }
            QVERIFY2(reached.size() == (run.kind == Run::Kind::Incident ? 2 : 1),
                     qPrintable(run.title + QStringLiteral(" was confirmed (exit %1), reached %2 "
                                                           "target(s)")
                                                .arg(run.exitCode)
                                                .arg(reached.size())));
        }
        // The survivor's bug, once.
        int bugs = 0;
        for (const auto &[row, sent] : byRow)
            bugs += sent.front().kind == QLatin1String("create-bug");
        QCOMPARE(bugs, 1);
    }

    // One clock per request, the survivor's start; one history sample, whichever window wrote it.
    void checkClocks(LeanRun &survivor, const Item &request) {
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM investigation_clocks "
                                      "GROUP BY source, item_id HAVING COUNT(*) > 1) AS twice")),
                 0);
        QVERIFY2(!m_historyRows.empty() && m_historyRows.back() >= 1,
                 "no window lived long enough to offer a history sample");
        for (int rows : m_historyRows)
            QVERIFY2(rows <= 1, qPrintable(QString::number(rows)));
        QSqlQuery q(database());
        q.prepare(QStringLiteral(
            "SELECT started_at, escalated_at FROM investigation_clocks WHERE source = ? AND "
            "item_id = ?"));
        q.addBindValue(request.source);
        q.addBindValue(request.id);
        QVERIFY(q.exec() && q.next());
        const InvestigationClock *clock = survivor.clock(request);
        QVERIFY(clock);
        QCOMPARE(q.value(0).toLongLong(), clock->startedAt.toMSecsSinceEpoch());
        QVERIFY(!q.value(1).isNull()); // escalated
    }

    // The survivor and the restart see the same clocks, decisions, escalations and outbox.
    void compareViews(LeanRun &survivor, LeanRun &restart, const Item &request) {
        QSqlQuery q(database());
        QVERIFY(
            q.exec(QStringLiteral("SELECT source, item_id, started_at FROM investigation_clocks")));
        int clocks = 0;
        while (q.next()) {
            const QString source = q.value(0).toString();
            const QString id = q.value(1).toString();
            const QDateTime started =
                QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
            // The survivor hears a change within a second (and reads all every 30 s).
            const auto same = [&] {
                const InvestigationClock *a =
                    survivor.context->leanState()->clocks()->find(source, id);
                const InvestigationClock *b =
                    restart.context->leanState()->clocks()->find(source, id);
                return a && b && a->startedAt == started && b->startedAt == started &&
                       a->escalatedAt == b->escalatedAt && a->bugId == b->bugId &&
                       a->bugUrl == b->bugUrl;
            };
            QTRY_VERIFY2_WITH_TIMEOUT(same(), qPrintable(source + QLatin1Char('/') + id), 5000);
            ++clocks;
        }
        QCOMPARE(clocks, 1); // the desk's request (the demo seeds no clock in a team's store)
        const TriageDecision a =
            survivor.context->leanState()->triage()->decision(request.source, request.id);
        const TriageDecision b =
            restart.context->leanState()->triage()->decision(request.source, request.id);
        QCOMPARE(a.triage, Triage::Bug);
        QCOMPARE(b.triage, a.triage);
        QCOMPARE(b.decidedBy, a.decidedBy);
        QCOMPARE(b.decidedAt, a.decidedAt);
        const auto unfinished = [](LeanRun &run) {
            QStringList ids;
            for (const Escalation &e : run.context->leanState()->escalations()->unfinished())
                ids.append(e.actionId + QLatin1Char(' ') + e.state);
            ids.sort();
            return ids;
        };
        QTRY_COMPARE_WITH_TIMEOUT(unfinished(restart), unfinished(survivor), 5000);
    }

    quint32 m_seed = 0;
    QRandomGenerator m_random;
    PostgresProcess m_pg;
    std::unique_ptr<Targets> m_targets;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QSqlDatabase m_db;
    std::vector<Run> m_runs;
    std::vector<int> m_historyRows;
};

QTEST_MAIN(TestTeamStoreKill)
#include "tst_team_store_kill.moc"
