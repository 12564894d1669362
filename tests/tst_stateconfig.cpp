// SPDX-License-Identifier: MIT
// The "state" section: SQLite by default, PostgreSQL as written, the password from the
// environment or a private file only (and redacted), a precise error for every mistake.
#include "core/config/ConfigError.h"
#include "core/config/Secrets.h"
#include "core/config/StateConfig.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

using nlohmann::json;

class TestStateConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void absentOrSqliteWithoutPathIsTheDefault() {
        QVERIFY(!parseStateConfig(json::object()));
        QVERIFY(!parseStateConfig({{"state", {{"type", "sqlite"}}}}));
        const auto file =
            parseStateConfig({{"state", {{"type", "sqlite"}, {"path", "/tmp/s.db"}}}});
        QVERIFY(file);
        QVERIFY(!file->isShared());
        QCOMPARE(file->path, QStringLiteral("/tmp/s.db"));
    }

    void postgresAsWritten() {
        qputenv("DUTYBOARD_TEST_STATE_PASSWORD", "pg-secret-9f2c");
        const auto where = parseStateConfig({{"state",
                                              {{"type", "postgres"},
                                               {"host", "db.internal"},
                                               {"port", 6432},
                                               {"database", "board"},
                                               {"user", "sre"},
                                               {"password_env", "DUTYBOARD_TEST_STATE_PASSWORD"},
                                               {"sslmode", "verify-full"},
                                               {"sslrootcert", "/etc/ssl/corp-ca.pem"},
                                               {"schema", "sre_team_a"}}}});
        QVERIFY(where && where->isShared());
        QCOMPARE(where->host, QStringLiteral("db.internal"));
        QCOMPARE(where->port, 6432);
        QCOMPARE(where->database, QStringLiteral("board"));
        QCOMPARE(where->user, QStringLiteral("sre"));
        QCOMPARE(where->password, QByteArray("pg-secret-9f2c"));
        QCOMPARE(where->sslmode, QStringLiteral("verify-full"));
        QCOMPARE(where->sslrootcert, QStringLiteral("/etc/ssl/corp-ca.pem"));
        QCOMPARE(where->schema, QStringLiteral("sre_team_a"));
        // Named without the password; the password is redacted wherever it would show.
        QCOMPARE(where->describe(),
                 QStringLiteral("postgres://sre@db.internal:6432/board?schema=sre_team_a"));
        QCOMPARE(redactSecrets(QStringLiteral("auth failed for pg-secret-9f2c")),
                 QStringLiteral("auth failed for [redacted]"));
        qunsetenv("DUTYBOARD_TEST_STATE_PASSWORD");
    }

    // The keyring's entry is kept, to be read when the store opens; no password yet.
    void postgresWithItsPasswordInTheKeyring() {
        const auto where = parseStateConfig(
            {{"state",
              {{"type", "postgres"}, {"host", "db"}, {"password_keyring", "dutyboard/team"}}}});
        QVERIFY(where && where->isShared());
        QCOMPARE(where->passwordKeyring, QStringLiteral("dutyboard/team"));
        QVERIFY(where->password.isEmpty());
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("type") << QByteArray(R"({"type":"mysql"})") << QStringLiteral("/state/type")
                              << QStringLiteral("\"sqlite\" or \"postgres\"");
        QTest::newRow("no host") << QByteArray(R"({"type":"postgres"})")
                                 << QStringLiteral("/state/host") << QStringLiteral("required");
        QTest::newRow("inline password")
            << QByteArray(R"({"type":"postgres","host":"h","password":"hunter2"})")
            << QStringLiteral("/state/password") << QStringLiteral("never go in the config file");
        QTest::newRow("unset password variable")
            << QByteArray(
                   R"({"type":"postgres","host":"h","password_env":"DUTYBOARD_NOT_SET_ANYWHERE"})")
            << QStringLiteral("/state/password_env") << QStringLiteral("is not set");
        QTest::newRow("port") << QByteArray(R"({"type":"postgres","host":"h","port":70000})")
                              << QStringLiteral("/state/port") << QStringLiteral("1 to 65535");
        QTest::newRow("sslmode") << QByteArray(R"({"type":"postgres","host":"h","sslmode":"on"})")
                                 << QStringLiteral("/state/sslmode")
                                 << QStringLiteral("verify-full");
        QTest::newRow("schema with SQL")
            << QByteArray(R"({"type":"postgres","host":"h","schema":"a; DROP x"})")
            << QStringLiteral("/state/schema") << QStringLiteral("may not contain");
        QTest::newRow("schema upper case")
            << QByteArray(R"({"type":"postgres","host":"h","schema":"TeamA"})")
            << QStringLiteral("/state/schema") << QStringLiteral("lowercase identifier");
        QTest::newRow("typo") << QByteArray(R"({"type":"postgres","host":"h","hots":"x"})")
                              << QStringLiteral("/state/hots") << QString();
        QTest::newRow("sqlite key on postgres") << QByteArray(R"({"type":"sqlite","host":"h"})")
                                                << QStringLiteral("/state/host") << QString();
    }

    void errors() {
        QFETCH(QByteArray, state);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        try {
            parseStateConfig({{"state", json::parse(state.toStdString())}});
            QFAIL("no error for a bad state section");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), pointer);
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestStateConfig)
#include "tst_stateconfig.moc"
