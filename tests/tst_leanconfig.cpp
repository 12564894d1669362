// SPDX-License-Identifier: MIT
// The lean config sections: defaults, and every mistake said with its exact JSON pointer.
#include "app/AppContext.h"
#include "core/config/ConfigError.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

namespace {

QByteArray withSources(const QByteArray &extra) {
    return QByteArray(R"({"sources":[
        {"name":"am","type":"alertmanager","url":"http:\/\/127.0.0.1:9","panel":"incidents"},
        {"name":"desk","type":"generic","url":"http:\/\/127.0.0.1:9","panel":"requests",
         "fields":{"id":"/id","title":"/t"}}])") +
           extra + "}";
}

} // namespace

class TestLeanConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void defaultsAndValues() {
        AppContext plain(parseConfig(withSources(""), QStringLiteral("c.json")));
        QCOMPARE(plain.lean().wipLimit, 1);
        QCOMPARE(plain.lean().amberMin, 10);
        QCOMPARE(plain.lean().redMin, 15);
        QVERIFY(plain.lean().andonTargets.isEmpty());
        QVERIFY(plain.lean().waiting.match(QStringLiteral("Waiting for third-party")).hasMatch());

        AppContext d(parseConfig(withSources(R"(,"actions":{"andon":["am"],"incident":"am"},
            "self_service":[{"match":"read.?replica","command":"qontoctl rds create-read-replica","doc":"https:\/\/d"}],
            "investigation":{"amber_min":5,"red_min":20},"wip_limit":2,"on_duty":"victor")"),
                                 QStringLiteral("c.json")));
        QCOMPARE(d.lean().andonTargets, QStringList{QStringLiteral("am")});
        QCOMPARE(d.lean().incidentTargets, QStringList{QStringLiteral("am")});
        QCOMPARE(d.lean().amberMin, 5);
        QCOMPARE(d.lean().wipLimit, 2);
        QCOMPARE(d.onDuty()->actingPerson(), QStringLiteral("victor"));
        const SelfServiceRule *rule =
            d.lean().suggestionFor(QStringLiteral("I would like a PostgreSQL Read Replica"));
        QVERIFY(rule);
        QCOMPARE(rule->command, QStringLiteral("qontoctl rds create-read-replica"));
        QVERIFY(!d.lean().suggestionFor(QStringLiteral("docker pull fails")));
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("words");
        QTest::newRow("actions not object") << QByteArray(R"(,"actions":[])") << "/actions"
                                            << "expected an object";
        QTest::newRow("unknown action")
            << QByteArray(R"(,"actions":{"pager":"am"})") << "/actions/pager"
            << "unknown action";
        QTest::newRow("target not a name")
            << QByteArray(R"(,"actions":{"andon":{"x":1}})") << "/actions/andon"
            << "expected a source name or an array";
        QTest::newRow("unknown source")
            << QByteArray(R"(,"actions":{"andon":["am","dutty"]})") << "/actions/andon/1"
            << "no source named \"dutty\" (sources: am, desk)";
        QTest::newRow("cannot write")
            << QByteArray(R"(,"actions":{"bug":"desk"})") << "/actions/bug"
            << "source \"desk\" (type generic) cannot create a bug";
        QTest::newRow("cannot card")
            << QByteArray(R"(,"actions":{"project":["am"]})") << "/actions/project/0"
            << "cannot create a project card";
        QTest::newRow("twice") << QByteArray(R"(,"actions":{"andon":["am","am"]})")
                               << "/actions/andon/1"
                               << "listed twice";
        QTest::newRow("self_service not array")
            << QByteArray(R"(,"self_service":{})") << "/self_service"
            << "expected an array";
        QTest::newRow("no match") << QByteArray(R"(,"self_service":[{"command":"x"}])")
                                  << "/self_service/0/match"
                                  << "required";
        QTest::newRow("bad regex")
            << QByteArray(",\"self_service\":[{\"match\":\"read (replica\",\"command\":\"x\"}]")
            << "/self_service/0/match"
            << "not a valid regular expression";
        QTest::newRow("no command")
            << QByteArray(R"(,"self_service":[{"match":"x"}])") << "/self_service/0/command"
            << "expected a non-empty string";
        QTest::newRow("doc not string")
            << QByteArray(R"(,"self_service":[{"match":"x","command":"y","doc":3}])")
            << "/self_service/0/doc"
            << "expected a string";
        QTest::newRow("investigation shape")
            << QByteArray(R"(,"investigation":15)") << "/investigation"
            << "expected an object";
        QTest::newRow("red not int")
            << QByteArray(R"(,"investigation":{"red_min":"15"})") << "/investigation/red_min"
            << "expected an integer from 1 to 1440";
        QTest::newRow("amber after red")
            << QByteArray(R"(,"investigation":{"amber_min":20,"red_min":15})")
            << "/investigation/amber_min"
            << "expected less than red_min (15)";
        QTest::newRow("wip zero") << QByteArray(R"(,"wip_limit":0)") << "/wip_limit"
                                  << "expected an integer from 1 to 100";
        QTest::newRow("waiting regex") << QByteArray(",\"waiting_match\":\"(\"") << "/waiting_match"
                                       << "not a valid regular expression";
        QTest::newRow("on_duty_url shape") << QByteArray(R"(,"on_duty_url":3)") << "/on_duty_url"
                                           << "expected a URL or a generic source object";
        QTest::newRow("on_duty_url scheme")
            << QByteArray(R"(,"on_duty_url":"ftp:\/\/x")") << "/on_duty_url/url"
            << "expected an http";
    }

    void errors() {
        QFETCH(QByteArray, extra);
        QFETCH(QString, pointer);
        QFETCH(QString, words);
        try {
            AppContext d(parseConfig(withSources(extra), QStringLiteral("c.json")));
            QFAIL("no error");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), pointer);
            QVERIFY2(e.message().contains(words), qPrintable(e.describe()));
            QCOMPARE(e.file(), QStringLiteral("c.json"));
        }
    }
};

QTEST_MAIN(TestLeanConfig)
#include "tst_leanconfig.moc"
