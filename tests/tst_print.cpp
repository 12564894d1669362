// SPDX-License-Identifier: MIT
// `dutyboard --print` as a user runs it: the real binary, the real Alertmanager, real exit codes.
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"

#include "demo/loopback/LoopbackHttpServer.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

class TestPrint final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void demoPrintsEveryPanel() {
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--demo"), QStringLiteral("--print")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto board = nlohmann::json::parse(run.out.toStdString());
        for (const char *panel : {"requests", "bugs", "incidents", "andons"})
            QVERIFY2(!board.at(panel).empty(), panel);
        QVERIFY(board.at("generated_at").is_string());
        for (const auto &source : board.at("sources"))
            QCOMPARE(source.at("health").get<std::string>(), std::string("ok"));
        for (const auto &item : board.at("incidents")) {
            for (const char *field :
                 {"source", "id", "title", "state", "created_at", "url", "severity"})
                QVERIFY2(item.contains(field), field);
        }
    }

    void demoPrintsKanbanCardsAndColumns() {
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--demo"), QStringLiteral("--print")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto board = nlohmann::json::parse(run.out.toStdString());
        const auto &columns = board.at("columns");
        QCOMPARE(columns.size(), size_t(5));
        QCOMPARE(columns[0].at("name").get<std::string>(), std::string("Value engineering"));
        QVERIFY(columns[3].at("limit").is_null());
        int exceeded = 0;
        size_t counted = 0;
        for (const auto &column : columns) {
            counted += column.at("count").get<size_t>();
            if (column.at("wip_exceeded").get<bool>()) {
                ++exceeded;
                QVERIFY(column.at("count").get<int>() > column.at("limit").get<int>());
            }
        }
        QVERIFY(exceeded >= 1);
        const auto &cards = board.at("cards");
        QCOMPARE(cards.size(), counted);
        int halted = 0;
        for (const auto &card : cards) {
            for (const char *field : {"source", "id", "title", "column", "wip_exceeded", "halted",
                                      "due", "column_since", "people"})
                QVERIFY2(card.contains(field), field);
            QVERIFY(card.at("column").get<std::string>() != "Unmapped");
            if (card.at("halted").get<bool>()) {
                ++halted;
                // Halted because the demo's andon names this project.
                QVERIFY(findItemBy(board.at("andons"), "project",
                                   card.at("project").get<std::string>()));
            }
        }
        QCOMPARE(halted, 1);
        // Every card of an over-limit column says so.
        const auto *wip = findItemBy(cards, "column", "Work in progress");
        QVERIFY(wip);
        QVERIFY(wip->at("wip_exceeded").get<bool>());
    }

    void realAlertmanagerAlertsAndAndons() {
        AlertmanagerProcess am;
        QVERIFY2(am.start(), qPrintable(am.errorString()));
        QVERIFY(am.postAlerts(R"([
          {"labels":{"alertname":"DiskFull","severity":"critical","instance":"db-1"},"annotations":{"summary":"db-1 disk 98% full"}},
          {"labels":{"alertname":"Odd","severity":"sev-weird"},"annotations":{"summary":"odd severity"}},
          {"labels":{"alertname":"Andon","andon":"true","project":"sftp","severity":"andon"},
           "annotations":{"reason":"no backups decided","raised_by":"mathieu"}}])"));
        QTemporaryDir dir;
        const QString token = QStringLiteral("tok-7f3a9c1e5b2d4680");
        const QString config = writeConfig(
            dir,
            R"({"sources":[{"name":"prod-alerts","type":"alertmanager","url":")" + am.baseUrl() +
                R"(","panel":"incidents","auth":{"type":"bearer","token_env":"DUTYBOARD_TEST_AM_TOKEN"}}]})");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DUTYBOARD_TEST_AM_TOKEN"), token);
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto board = nlohmann::json::parse(run.out.toStdString());
        const auto &incidents = board.at("incidents");
        QCOMPARE(incidents.size(), size_t(2));
        const auto *disk = findItemBy(incidents, "title", "db-1 disk 98% full");
        QVERIFY(disk);
        QCOMPARE(disk->at("severity").get<std::string>(), std::string("critical"));
        const auto *odd = findItemBy(incidents, "title", "odd severity");
        QVERIFY(odd);
        QCOMPARE(odd->at("severity").get<std::string>(), std::string("unknown"));
        QCOMPARE(odd->at("severity_label").get<std::string>(), std::string("unknown (sev-weird)"));
        const auto &andons = board.at("andons");
        QCOMPARE(andons.size(), size_t(1));
        QCOMPARE(andons[0].at("project").get<std::string>(), std::string("sftp"));
        QCOMPARE(andons[0].at("reason").get<std::string>(), std::string("no backups decided"));
        QCOMPARE(andons[0].at("raised_by").get<std::string>(), std::string("mathieu"));
        QVERIFY(!board.at("sources")[0].contains("warning")); // every alert read
        // The token went to the server but appears nowhere in what the user sees.
        QVERIFY(!run.out.contains(token.toUtf8()));
        QVERIFY(!run.err.contains(token.toUtf8()));
    }

    // A cluster with one replica down: ok, "replicas" says 1 of 2 and why; the duplicate-URL
    // warning on stderr for a second source on the same Alertmanager.
    void clusterPrintsItsReplicas() {
        AlertmanagerProcess am;
        QVERIFY2(am.start(), qPrintable(am.errorString()));
        QVERIFY(am.postAlerts(QByteArrayLiteral(
            "[{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"critical\"}}]")));
        QTemporaryDir dir;
        const nlohmann::json sources = {
            {{"name", "prod"},
             {"type", "alertmanager"},
             {"panel", "incidents"},
             {"url", {am.baseUrl().toStdString(), "http://127.0.0.1:1"}}},
            {{"name", "andons"},
             {"type", "alertmanager"},
             {"panel", "andons"},
             {"url", am.baseUrl().toStdString()}}};
        const QString config = writeConfig(
            dir, QByteArray::fromStdString(nlohmann::json{{"sources", sources}}.dump()));
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("sources \"prod\" and \"andons\" read the same URL"),
                 run.err.constData());
        const auto board = nlohmann::json::parse(run.out.toStdString());
        const auto &prod = board.at("sources")[0];
        QCOMPARE(prod.at("health").get<std::string>(), std::string("ok"));
        QCOMPARE(prod.at("replicas").at("answering").get<int>(), 1);
        QCOMPARE(prod.at("replicas").at("total").get<int>(), 2);
        QCOMPARE(prod.at("replicas").at("errors").size(), std::size_t(1));
        QVERIFY(prod.at("replicas").at("errors")[0].get<std::string>().find("127.0.0.1:1: ") == 0);
        QVERIFY(!board.at("sources")[1].contains("replicas")); // one URL: as before
        QCOMPARE(board.at("incidents").size(), std::size_t(1));
    }

    // One alert that cannot be read: the others print, the source is ok and its "warning" says
    // what was left out (on stderr too); the exit code stays 0.
    void unreadableItemIsAWarning() {
        LoopbackHttpServer am([](const HttpServerRequest &) {
            return HttpServerResponse::json(
                R"([{"fingerprint":"f1","labels":{"alertname":"One"}},{"fingerprint":null},
                    {"fingerprint":"f3","labels":{"alertname":"Three"}}])");
        });
        QVERIFY(am.start());
        QTemporaryDir dir;
        const QString config = writeConfig(
            dir, QByteArray::fromStdString(nlohmann::json{{"sources",
                                                           {{{"name", "prod"},
                                                             {"type", "alertmanager"},
                                                             {"panel", "incidents"},
                                                             {"url", am.baseUrl().toStdString()}}}}}
                                               .dump()));
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains(
                     "dutyboard: source prod: 1 item unreadable: /1/fingerprint expected a string"),
                 run.err.constData());
        const auto board = nlohmann::json::parse(run.out.toStdString());
        const auto &prod = board.at("sources")[0];
        QCOMPARE(prod.at("health").get<std::string>(), std::string("ok"));
        QVERIFY(prod.at("error").is_null());
        QCOMPARE(prod.at("warning").get<std::string>(),
                 std::string("1 item unreadable: /1/fingerprint expected a string"));
        QCOMPARE(board.at("incidents").size(), std::size_t(2));
    }

    void closedPortExitsTwoWithTheReason() {
        QTemporaryDir dir;
        const QString config = writeConfig(
            dir, QByteArray("{\"sources\":[{\"name\":\"gone\",\"type\":\"alertmanager\",\"url\":"
                            "\"http://127.0.0.1:1\",\"panel\":\"incidents\"}]}"));
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("source gone failed: unreachable"), run.err.constData());
        const auto board = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(board.at("sources")[0].at("health").get<std::string>(), std::string("failed"));
        QVERIFY(board.at("sources")[0].at("error").get<std::string>().find("unreachable") == 0);
    }

    void badConfigExitsTwoNamingFileAndPointer() {
        QTemporaryDir dir;
        const QString config =
            writeConfig(dir, QByteArray("{\"sources\":[{\"name\":\"x\",\"type\":\"alertmanager\","
                                        "\"url\":\"http://127.0.0.1:1\",\"panel\":\"alerts\"}]}"));
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(config.toUtf8() + ": at /sources/0/panel: expected one of"),
                 run.err.constData());
        QVERIFY(run.out.isEmpty()); // never half-configured: nothing printed
    }

    void unknownTypeNamesTheKnownOnes() {
        QTemporaryDir dir;
        const QString config =
            writeConfig(dir, QByteArray("{\"sources\":[{\"name\":\"x\",\"type\":\"nagios\",\"url\":"
                                        "\"http://127.0.0.1:1\",\"panel\":\"incidents\"}]}"));
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), config, QStringLiteral("--print")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("/sources/0/type") && run.err.contains("alertmanager"),
                 run.err.constData());
    }

    void versionPrints() {
        const DutyboardRun run = runDutyboard({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("dutyboard "));
    }
};

QTEST_GUILESS_MAIN(TestPrint)
#include "tst_print.moc"
