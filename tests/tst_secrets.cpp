// SPDX-License-Identifier: MIT
// A token given to dutyboard never leaves it except in the request header it is for: not on
// stdout or stderr (--print, the CLI actions, the window), not in the local state on disk (the
// outbox keeps the last error; the snapshot keeps items), even when a server echoes the token
// back in its error body or in an item.
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <atomic>

using nlohmann::json;

namespace {

const QByteArray token = "sk-live-4242-secret-XYZ";  // from the environment
const QByteArray fileToken = "hook-file-token-9911"; // from a chmod 600 file

// A server that misbehaves as badly as it can with what it was sent: it echoes the
// Authorization header in its error bodies and in an item's title.
class EchoingServer {
public:
    EchoingServer()
        : m_server([this](const HttpServerRequest &request) { return answer(request); }) {}
    bool start() { return m_server.start(); }
    QByteArray url() const { return m_server.baseUrl(); }
    std::atomic<bool> refuse{false};
    std::atomic<int> authorized{0};

private:
    HttpServerResponse answer(const HttpServerRequest &request) {
        const QByteArray auth = request.header("authorization");
        if (auth.contains(token) || auth.contains(fileToken))
            ++authorized;
        const std::string echoed = auth.toStdString();
        if (refuse)
            return body({{"error", "bad credential " + echoed}}, 401);
        if (request.method == "GET")
            return body(json::array({{{"fingerprint", "f1"},
                                      {"labels", {{"alertname", "Echo"}, {"severity", "critical"}}},
                                      {"annotations", {{"summary", "header was " + echoed}}},
                                      {"status", {{"state", "active"}}}}}),
                        200);
        return body({{"error", "rejected " + echoed}}, 400); // quoted in the refusal
    }
    static HttpServerResponse body(const json &value, int status) {
        return HttpServerResponse::json(QByteArray::fromStdString(value.dump()), status);
    }
    LoopbackHttpServer m_server;
};

// Every byte dutyboard wrote under `dir` (config, state, WAL, anything else).
QByteArray everyFileUnder(const QString &dir) {
    QByteArray all;
    const QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : files) {
        QFile file(QDir(dir).filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

bool leaks(const QByteArray &bytes) {
    return bytes.contains(token) || bytes.contains(fileToken);
}

} // namespace

class TestSecrets final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void theTokenAppearsInNoOutput() {
        EchoingServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;     // what dutyboard writes: config, state
        QTemporaryDir secrets; // the user's token file, not an output
        const QString tokenFile = secrets.filePath(QStringLiteral("hook.token"));
        {
            QFile file(tokenFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(fileToken + '\n');
            file.close();
            QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        }
        const json config = {
            {"sources",
             {{{"name", "am"},
               {"type", "alertmanager"},
               {"panel", "incidents"},
               {"url", server.url().toStdString()},
               {"auth", {{"type", "bearer"}, {"token_env", "DUTYBOARD_TEST_TOKEN"}}}},
              {{"name", "hook"},
               {"type", "generic"},
               {"panel", "andons"},
               {"url", server.url().toStdString()},
               {"path", "/andons"},
               {"items", "/data"},
               {"fields", {{"id", "/id"}, {"title", "/t"}}},
               {"auth", {{"type", "bearer"}, {"token_file", tokenFile.toStdString()}}},
               {"write",
                {{"path", "/hook"},
                 {"body", {{"text", "{{project}}"}}},
                 {"kinds", {"raise-andon"}}}}}}},
            {"actions", {{"andon", {"am", "hook"}}}}};
        const QString configPath = writeConfig(dir, QByteArray::fromStdString(config.dump()));
        const QString state = dir.filePath(QStringLiteral("state.sqlite"));
        const QStringList common{QStringLiteral("--config"), configPath, QStringLiteral("--state"),
                                 state};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DUTYBOARD_TEST_TOKEN"), QString::fromUtf8(token));

        // --print while the server echoes the header into an item.
        DutyboardRun run = runDutyboard(common + QStringList{QStringLiteral("--print")}, env);
        QVERIFY2(run.exitCode == 0 || run.exitCode == 2, run.err.constData());
        QVERIFY2(server.authorized > 0,
                 "the token never reached the server: the test proves nothing");
        QVERIFY2(!leaks(run.out), run.out.constData());
        QVERIFY2(!leaks(run.err), run.err.constData());
        QVERIFY(run.out.contains("header was Bearer [redacted]"));

        // A CLI action the server refuses with the token in its error body: queued (exit 3),
        // and the error it keeps on disk for the retry is redacted too.
        run = runDutyboard(common + QStringList{QStringLiteral("andon"), QStringLiteral("raise"),
                                                QStringLiteral("--project"), QStringLiteral("p"),
                                                QStringLiteral("--reason"), QStringLiteral("r")},
                           env);
        QVERIFY2(run.exitCode == 3, run.err.constData());
        QVERIFY2(!leaks(run.out + run.err), (run.out + run.err).constData());

        // Every source refusing with the token echoed: the reasons shown are clean.
        server.refuse = true;
        run = runDutyboard(common + QStringList{QStringLiteral("--print")}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(!leaks(run.out + run.err), (run.out + run.err).constData());

        // The window, its warnings and its saved copy of the items.
        server.refuse = false;
        run = runDutyboard(common + QStringList{QStringLiteral("--screenshot"),
                                                dir.filePath(QStringLiteral("shot.png"))},
                           env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!leaks(run.out + run.err), (run.out + run.err).constData());

        const QByteArray disk = everyFileUnder(dir.path());
        QVERIFY(disk.contains("andon")); // the state was written: the grep below means something
        QVERIFY2(!leaks(disk), "a token was written to a file under the test directory");
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
