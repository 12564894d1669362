// SPDX-License-Identifier: MIT
// The config is checked whole: every mistake names the file, the JSON pointer and what was
// expected.
#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/config/Secrets.h"
#include "core/grouping/GroupBy.h"
#include "tests/support/TestEnvironment.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

class TestConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void validConfig() {
        qputenv("DUTYBOARD_TEST_TOKEN", "s3cr3t-token-value");
        const AppConfig config = parseConfig(R"({"on_duty":"victor","sources":[
            {"name":"prod-alerts","type":"alertmanager","url":"http:\/\/127.0.0.1:9093","panel":"incidents",
             "interval_s":10,"auth":{"type":"bearer","token_env":"DUTYBOARD_TEST_TOKEN"},
             "tls":{"verify":false,"ca_file":"/etc/ca.pem"},"proxy":"http:\/\/proxy:3128"}]})",
                                             QStringLiteral("c.json"));
        QCOMPARE(config.sources.size(), size_t(1));
        const SourceConfig &s = config.sources[0];
        QCOMPARE(s.name, QStringLiteral("prod-alerts"));
        QCOMPARE(s.panel, ItemKind::Incident);
        QCOMPARE(s.intervalS, 10);
        QCOMPARE(s.auth.type, QStringLiteral("bearer"));
        QCOMPARE(s.auth.secret, QByteArray("s3cr3t-token-value"));
        QVERIFY(!s.tls.verify);
        QCOMPARE(s.tls.caFile, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(s.proxy, QByteArray("http://proxy:3128"));
        QCOMPARE(config.onDuty, QStringLiteral("victor"));
        QCOMPARE(s.maxBodyMb, 64); // the default cap
        // Raised for a source whose answers are larger.
        const AppConfig capped = parseConfig(
            R"({"sources":[{"name":"a","type":"generic","url":"http:\/\/x","panel":"bugs","max_body_mb":200}]})",
            QStringLiteral("c.json"));
        QCOMPARE(capped.sources.at(0).maxBodyMb, 200);
        // Every secret read is redacted from messages.
        QCOMPARE(redactSecrets(QStringLiteral("header Bearer s3cr3t-token-value sent")),
                 QStringLiteral("header Bearer [redacted] sent"));
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{") << QString()
                                  << QStringLiteral("not valid JSON");
        // Found by fuzz_config: a number beyond a double's range.
        QTest::newRow("huge number") << QByteArray("{\"sources\":[],\"x\":1E99999}") << QString()
                                     << QStringLiteral("not usable JSON");
        QTest::newRow("not an object")
            << QByteArray("[]") << QString() << QStringLiteral("expected a JSON object");
        QTest::newRow("no sources") << QByteArray("{}") << QStringLiteral("/sources")
                                    << QStringLiteral("expected an array");
        QTest::newRow("source not object")
            << QByteArray(R"({"sources":[3]})") << QStringLiteral("/sources/0")
            << QStringLiteral("expected an object");
        QTest::newRow("missing name")
            << QByteArray(R"({"sources":[{"type":"generic","url":"http:\/\/x","panel":"bugs"}]})")
            << QStringLiteral("/sources/0/name") << QStringLiteral("required");
        QTest::newRow("url number")
            << QByteArray(R"({"sources":[{"name":"a","type":"generic","url":5,"panel":"bugs"}]})")
            << QStringLiteral("/sources/0/url") << QStringLiteral("expected a string");
        QTest::newRow("url scheme")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":"ftp:\/\/x","panel":"bugs"}]})")
            << QStringLiteral("/sources/0/url") << QStringLiteral("http:// or https://");
        QTest::newRow("url list not alertmanager")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":["http:\/\/x"],"panel":"bugs"}]})")
            << QStringLiteral("/sources/0/url") << QStringLiteral("replicas of an alertmanager");
        QTest::newRow("url list empty")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":[],"panel":"incidents"}]})")
            << QStringLiteral("/sources/0/url") << QStringLiteral("non-empty list of URLs");
        QTest::newRow("url list number")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":["http:\/\/x",9093],"panel":"incidents"}]})")
            << QStringLiteral("/sources/0/url/1") << QStringLiteral("expected a string");
        QTest::newRow("url list scheme")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":["http:\/\/x","x:9093"],"panel":"incidents"}]})")
            << QStringLiteral("/sources/0/url/1") << QStringLiteral("http:// or https://");
        QTest::newRow("url list twice")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":["http:\/\/x","http:\/\/x"],"panel":"incidents"}]})")
            << QStringLiteral("/sources/0/url/1") << QStringLiteral("listed twice");
        QTest::newRow("bad panel")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":"http:\/\/x","panel":"alerts"}]})")
            << QStringLiteral("/sources/0/panel")
            << QStringLiteral("requests, bugs, incidents, andons");
        QTest::newRow("interval")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":"http:\/\/x","panel":"bugs","interval_s":0}]})")
            << QStringLiteral("/sources/0/interval_s") << QStringLiteral("integer from 1");
        QTest::newRow("max_body_mb zero")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":"http:\/\/x","panel":"bugs","max_body_mb":0}]})")
            << QStringLiteral("/sources/0/max_body_mb")
            << QStringLiteral("expected an integer from 1 to 1024");
        QTest::newRow("max_body_mb too large")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":"http:\/\/x","panel":"bugs","max_body_mb":4096}]})")
            << QStringLiteral("/sources/0/max_body_mb")
            << QStringLiteral("expected an integer from 1 to 1024");
        QTest::newRow("max_body_mb a string")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"generic","url":"http:\/\/x","panel":"bugs","max_body_mb":"64"}]})")
            << QStringLiteral("/sources/0/max_body_mb")
            << QStringLiteral("expected an integer from 1 to 1024");
        QTest::newRow("duplicate name")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs"},{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs"}]})")
            << QStringLiteral("/sources/1/name") << QStringLiteral("used twice");
        QTest::newRow("inline token")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"bearer","token":"abc"}}]})")
            << QStringLiteral("/sources/0/auth/token")
            << QStringLiteral("never go in the config file");
        QTest::newRow("unset env")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"token_env":"DUTYBOARD_NOT_SET_ANYWHERE"}}]})")
            << QStringLiteral("/sources/0/auth/token_env")
            << QStringLiteral("DUTYBOARD_NOT_SET_ANYWHERE is not set");
        QTest::newRow("empty keyring entry")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"bearer","token_keyring":""}}]})")
            << QStringLiteral("/sources/0/auth/token_keyring")
            << QStringLiteral("expected a non-empty string");
        QTest::newRow("bearer without a secret")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"bearer"}}]})")
            << QStringLiteral("/sources/0/auth")
            << QStringLiteral("expected token_env, token_file or token_keyring");
        QTest::newRow("auth type")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"magic"}}]})")
            << QStringLiteral("/sources/0/auth/type") << QStringLiteral("expected one of");
        QTest::newRow("basic without user")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"basic","password_env":"HOME"}}]})")
            << QStringLiteral("/sources/0/auth/user") << QStringLiteral("required");
        QTest::newRow("tls verify string")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","tls":{"verify":"no"}}]})")
            << QStringLiteral("/sources/0/tls/verify") << QStringLiteral("true or false");
        QTest::newRow("group_by not a list")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":"http:\/\/x","panel":"incidents","group_by":"alertname"}]})")
            << QStringLiteral("/sources/0/group_by") << QStringLiteral("list of label names");
        QTest::newRow("group_by empty name")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":"http:\/\/x","panel":"incidents","group_by":["alertname",""]}]})")
            << QStringLiteral("/sources/0/group_by/1") << QStringLiteral("expected a label name");
        QTest::newRow("group_by twice")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"alertmanager","url":"http:\/\/x","panel":"incidents","group_by":["cluster","cluster"]}]})")
            << QStringLiteral("/sources/0/group_by/1") << QStringLiteral("listed twice");
        QTest::newRow("group_by without labels")
            << QByteArray(
                   R"({"sources":[{"name":"a","type":"pagerduty","url":"http:\/\/x","panel":"incidents","group_by":["service"]}]})")
            << QStringLiteral("/sources/0/group_by") << QStringLiteral("for alertmanager sources");
    }

    // Alertmanager groups by alertname unless told; [] turns it off; other types never group.
    void groupBy_data() {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("alertmanager default")
            << QByteArray(
                   R"({"name":"a","type":"alertmanager","url":"http:\/\/x","panel":"incidents"})")
            << QStringList{QStringLiteral("alertname")};
        QTest::newRow("alertmanager set")
            << QByteArray(
                   R"({"name":"a","type":"alertmanager","url":"http:\/\/x","panel":"incidents","group_by":["alertname","cluster"]})")
            << QStringList{QStringLiteral("alertname"), QStringLiteral("cluster")};
        QTest::newRow("alertmanager off")
            << QByteArray(
                   R"({"name":"a","type":"alertmanager","url":"http:\/\/x","panel":"incidents","group_by":[]})")
            << QStringList();
        QTest::newRow("generic")
            << QByteArray(R"({"name":"a","type":"generic","url":"http:\/\/x","panel":"incidents"})")
            << QStringList();
    }
    void groupBy() {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, expected);
        const AppConfig config = parseConfig("{\"sources\":[" + source + "]}", QString());
        QCOMPARE(sourceGroupBy(config.sources.at(0)), expected);
    }

    void errors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        try {
            parseConfig(json, QStringLiteral("/etc/dutyboard.json"));
            QFAIL("no error for a bad config");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), pointer);
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QVERIFY2(e.describe().startsWith(QStringLiteral("/etc/dutyboard.json: ")),
                     qPrintable(e.describe()));
        }
    }

    void secretFileMustBePrivate() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("token"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("file-secret-123\n");
        file.close();
        const QByteArray json =
            QByteArray(
                R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"bearer","token_file":")") +
            path.toUtf8() + "\"}}]}";
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        try {
            parseConfig(json, QStringLiteral("c.json"));
            QFAIL("a world-readable secret file was accepted");
        } catch (const ConfigError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("chmod 600")), qPrintable(e.message()));
            QVERIFY(!e.describe().contains(QStringLiteral("file-secret-123")));
        }
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const AppConfig config = parseConfig(json, QStringLiteral("c.json"));
        QCOMPARE(config.sources[0].auth.secret, QByteArray("file-secret-123"));
    }

    // The keyring is read later, once, before any source starts (readKeyringSecrets): parsing
    // only records which entry, so a config check never waits for a keyring prompt.
    void aKeyringEntryIsRecordedNotRead() {
        const AppConfig config = parseConfig(
            R"({"sources":[{"name":"a","type":"g","url":"http:\/\/x","panel":"bugs","auth":{"type":"basic","user":"u","password_keyring":"dutyboard\/a"}}]})",
            QStringLiteral("c.json"));
        QCOMPARE(config.sources.at(0).auth.keyringEntry, QStringLiteral("dutyboard/a"));
        QCOMPARE(config.sources.at(0).auth.type, QStringLiteral("basic"));
        QVERIFY(config.sources.at(0).auth.secret.isEmpty());
        QVERIFY(config.sources.at(0).auth.secretError.isEmpty());
    }

    void loadMissingFileNamesIt() {
        try {
            loadConfigFile(QStringLiteral("/nonexistent/dutyboard.json"));
            QFAIL("missing file accepted");
        } catch (const ConfigError &e) {
            QVERIFY(e.describe().startsWith(QStringLiteral("/nonexistent/dutyboard.json: ")));
        }
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
