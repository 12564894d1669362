// SPDX-License-Identifier: MIT
// Tokens in the desktop keyring, on a real Secret Service: gnome-keyring-daemon on a private
// D-Bus session bus (SecretServiceSession), driven through the real dutyboard binary.
// `keyring set` stores a token read from stdin; a source naming it with token_keyring sends
// it, and it is never written in clear: not in the config, the outputs or any file. A keyring
// that is locked, has no such entry, or is not there at all is that source's error, said in
// words, while the other sources go on. The team store's password_keyring is read the same way.
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/PostgresProcess.h"
#include "tests/support/SecretServiceSession.h"
#include "tests/support/TestEnvironment.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <atomic>

using nlohmann::json;

namespace {

const QByteArray token = "kr-live-7731-secret-QWE";
const QString entry = QStringLiteral("dutyboard/prod-alerts");

// An Alertmanager that answers only to the right bearer token (or to anyone: `guarded` false).
class GuardedAlertmanager {
public:
    explicit GuardedAlertmanager(bool guarded)
        : m_guarded(guarded)
        , m_server([this](const HttpServerRequest &request) { return answer(request); }) {}
    bool start() { return m_server.start(); }
    QByteArray url() const { return m_server.baseUrl(); }
    std::atomic<int> authorized{0};
    std::atomic<int> requests{0};

private:
    HttpServerResponse answer(const HttpServerRequest &request) {
        ++requests;
        if (m_guarded && request.header("authorization") != "Bearer " + token)
            return HttpServerResponse::json("{\"error\": \"unauthorized\"}", 401);
        ++authorized;
        const json alerts = json::array({{{"fingerprint", "f1"},
                                          {"labels", {{"alertname", "KeyringOk"}}},
                                          {"annotations", {{"summary", "read with the keyring"}}},
                                          {"status", {{"state", "active"}}},
                                          {"startsAt", "2026-12-07T10:00:00Z"}}});
        return HttpServerResponse::json(QByteArray::fromStdString(alerts.dump()), 200);
    }
    const bool m_guarded;
    LoopbackHttpServer m_server;
};

// Every file's bytes under `dir`, recursively (the keyring's own files included).
QByteArray everyFileUnder(const QString &dir) {
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

// A config with the guarded source reading `keyringEntry`, and one source with no auth that
// must go on whatever the keyring says.
QByteArray configFor(const QByteArray &guardedUrl, const QByteArray &openUrl,
                     const QString &keyringEntry) {
    const json config = {
        {"sources",
         {{{"name", "prod-alerts"},
           {"type", "alertmanager"},
           {"panel", "incidents"},
           {"url", guardedUrl.toStdString()},
           {"auth", {{"type", "bearer"}, {"token_keyring", keyringEntry.toStdString()}}}},
          {{"name", "open"},
           {"type", "alertmanager"},
           {"panel", "incidents"},
           {"url", openUrl.toStdString()}}}}};
    return QByteArray::fromStdString(config.dump());
}

// A source's field as --print shows it; "(no source NAME)" when the run printed nothing.
QString sourceField(const json &printed, const std::string &name, const char *field) {
    for (const json &source : printed.value("sources", json::array()))
        if (source.value("name", "") == name)
            return QString::fromStdString(source.value(field, ""));
    return QStringLiteral("(no source %1)").arg(QString::fromStdString(name));
}

} // namespace

class TestKeyring final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY2(m_session.startBus(), qPrintable(m_session.errorString()));
        QVERIFY(m_guarded.start());
        QVERIFY(m_open.start());
    }

    void aKeyringTokenIsSentAndNeverWrittenInClear() {
        QVERIFY2(m_session.startKeyring(true), qPrintable(m_session.errorString()));
        DutyboardRun run = runDutyboard({QStringLiteral("keyring"), QStringLiteral("set"), entry},
                                        m_session.environment(), token + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("token_keyring"), run.err.constData()); // says what to write
        QVERIFY(!(run.out + run.err).contains(token));

        const QString config = writeConfig(m_dir, configFor(m_guarded.url(), m_open.url(), entry));
        run = runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--state"),
                            m_dir.filePath(QStringLiteral("state.sqlite")),
                            QStringLiteral("--print")},
                           m_session.environment());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(m_guarded.authorized > 0, "the keyring's token never reached the server");
        const json printed = json::parse(run.out.toStdString());
        QCOMPARE(printed["incidents"].size(), size_t(2));
        QVERIFY(!(run.out + run.err).contains(token));

        // The keyring keeps it encrypted; dutyboard wrote it nowhere.
        QVERIFY(!everyFileUnder(m_session.folder()).isEmpty()); // the keyring file exists
        QVERIFY2(!everyFileUnder(m_session.folder()).contains(token),
                 "the token is in clear in a file of the keyring's folder");
        QVERIFY2(!everyFileUnder(m_dir.path()).contains(token),
                 "the token is in clear in the config or the state");
    }

    // Named by a source, not there: the source says how to fix it; the other source answers.
    void aMissingEntryIsThatSourcesError() {
        QVERIFY2(m_session.startKeyring(true), qPrintable(m_session.errorString()));
        const int before = m_guarded.requests;
        const json printed = printWith(QStringLiteral("dutyboard/nobody-saved-this"), 2);
        QCOMPARE(sourceField(printed, "prod-alerts", "health"), QStringLiteral("failed"));
        QCOMPARE(sourceField(printed, "prod-alerts", "error"),
                 QStringLiteral("the keyring has no entry dutyboard/nobody-saved-this: save it "
                                "with \"dutyboard keyring set dutyboard/nobody-saved-this\" or "
                                "use token_file"));
        QCOMPARE(sourceField(printed, "open", "health"), QStringLiteral("ok"));
        QCOMPARE(m_guarded.requests.load(), before); // no request without its credential
    }

    // After a restart nobody unlocked it (a wall screen's kiosk session): locked, said so.
    void aLockedKeyringIsThatSourcesError() {
        QVERIFY2(m_session.startKeyring(true), qPrintable(m_session.errorString()));
        DutyboardRun run = runDutyboard({QStringLiteral("keyring"), QStringLiteral("set"), entry},
                                        m_session.environment(), token + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_session.stopKeyring();
        QVERIFY2(m_session.startKeyring(false), qPrintable(m_session.errorString()));
        const json printed = printWith(entry, 2);
        const QString error = sourceField(printed, "prod-alerts", "error");
        QVERIFY2(error.startsWith(QStringLiteral("keyring locked: unlock it or use token_file")),
                 qPrintable(error));
        QCOMPARE(sourceField(printed, "open", "health"), QStringLiteral("ok"));
    }

    // No Secret Service and no KWallet on the bus (CI, a kiosk): a clear error, no crash.
    void noKeyringAtAllIsThatSourcesError() {
        m_session.stopKeyring();
        const json printed = printWith(entry, 2);
        const QString error = sourceField(printed, "prod-alerts", "error");
        QVERIFY2(error.startsWith(QStringLiteral("no keyring on this machine")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("token_file")), qPrintable(error));

        // keyring set says the same, and stores nothing anywhere else.
        const DutyboardRun run =
            runDutyboard({QStringLiteral("keyring"), QStringLiteral("set"), entry},
                         m_session.environment(), token + '\n');
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no keyring on this machine"), run.err.constData());
        QVERIFY(!everyFileUnder(m_session.folder()).contains(token));
    }

    // The team store's password from the keyring ("state": {"password_keyring": …}): the store
    // opens with it, and it is in no file; an entry nobody saved is said, naming password_file.
    void theTeamStoresPasswordComesFromTheKeyring() {
        PostgresProcess postgres;
        QVERIFY2(postgres.start(), qPrintable(postgres.errorString()));
        QVERIFY2(m_session.startKeyring(true), qPrintable(m_session.errorString()));
        const QString storeEntry = QStringLiteral("dutyboard/team-store");
        DutyboardRun run =
            runDutyboard({QStringLiteral("keyring"), QStringLiteral("set"), storeEntry},
                         m_session.environment(), postgres.password().toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());

        const auto printWithStore = [&](const QString &entryName) {
            json state =
                postgres.stateConfig(QStringLiteral("kr"), "DUTYBOARD_UNSET_PASSWORD")["state"];
            state.erase("password_env");
            state["password_keyring"] = entryName.toStdString();
            const json config = {{"sources",
                                  {{{"name", "open"},
                                    {"type", "alertmanager"},
                                    {"panel", "incidents"},
                                    {"url", m_open.url().toStdString()}}}},
                                 {"state", state}};
            const QString path = writeConfig(m_dir, QByteArray::fromStdString(config.dump()));
            return runDutyboard({QStringLiteral("--config"), path, QStringLiteral("--state"),
                                 m_dir.filePath(QStringLiteral("local.sqlite")),
                                 QStringLiteral("--print")},
                                m_session.environment());
        };
        run = printWithStore(storeEntry);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(!run.err.contains("could not be opened"), run.err.constData());
        {
            QSqlDatabase db = postgres.connect(QStringLiteral("kr-check"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery tables(db);
            QVERIFY(tables.exec(QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                               "WHERE table_schema = 'kr'")));
            QVERIFY(tables.next());
            QVERIFY2(tables.value(0).toInt() > 0, "the store was not opened with the password");
        }
        QSqlDatabase::removeDatabase(QStringLiteral("kr-check"));
        QVERIFY(!(run.out + run.err).contains(postgres.password().toUtf8()));
        QVERIFY2(!everyFileUnder(m_dir.path()).contains(postgres.password().toUtf8()),
                 "the store's password is in clear in the config or the state");

        run = printWithStore(QStringLiteral("dutyboard/nobody-saved-this"));
        QVERIFY2(run.err.contains("the keyring has no entry dutyboard/nobody-saved-this: save it "
                                  "with \"dutyboard keyring set dutyboard/nobody-saved-this\" or "
                                  "use password_file"),
                 run.err.constData());
        QVERIFY2(run.err.contains("the state could not be opened"), run.err.constData());
    }

    void cleanup() { m_session.stopKeyring(); }

private:
    // --print on a config whose guarded source reads `keyringEntry`; checks the exit code and
    // that the token is in no output.
    json printWith(const QString &keyringEntry, int expectedExit) {
        const QString config =
            writeConfig(m_dir, configFor(m_guarded.url(), m_open.url(), keyringEntry));
        const DutyboardRun run = runDutyboard(
            {QStringLiteral("--config"), config, QStringLiteral("--state"),
             m_dir.filePath(QStringLiteral("state.sqlite")), QStringLiteral("--print")},
            m_session.environment());
        if (run.exitCode != expectedExit || (run.out + run.err).contains(token)) {
            qWarning("exit %d, stderr: %s", run.exitCode, run.err.constData());
            return json::object();
        }
        return json::parse(run.out.toStdString(), nullptr, false);
    }

    SecretServiceSession m_session;
    GuardedAlertmanager m_guarded{true};
    GuardedAlertmanager m_open{false};
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
