// SPDX-License-Identifier: MIT
// `dutyboard ack` and `dutyboard release` as a chat-ops bot runs them, against the real
// Alertmanager: exit 0 when the source took it, 2 on bad input; `--print` then says who owns
// what (`owner`, `owned_since`, `acknowledged`).
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using nlohmann::json;

class TestAcknowledgeCommand final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_am.reset(); }
    void ackThenRelease();
    void badInputExitsTwo();

private:
    json print();
    // The test's alert on `board`, or nullptr.
    static const json *alert(const json &board);
    QStringList withConfig(QStringList arguments) const {
        return QStringList{QStringLiteral("--config"), m_config, QStringLiteral("--state"),
                           m_dir.filePath(QStringLiteral("state.sqlite"))} +
               arguments;
    }

    std::unique_ptr<AlertmanagerProcess> m_am;
    QTemporaryDir m_dir;
    QString m_config;
};

void TestAcknowledgeCommand::initTestCase() {
    prepareTestEnvironment();
    m_am = std::make_unique<AlertmanagerProcess>();
    QVERIFY2(m_am->start(), qPrintable(m_am->errorString()));
    const std::string startsAt =
        QDateTime::currentDateTimeUtc().addSecs(-300).toString(Qt::ISODate).toStdString();
    const json alerts = json::array(
        {{{"labels", {{"alertname", "CliAck"}, {"severity", "critical"}, {"instance", "web-1"}}},
          {"annotations", {{"summary", "Web down on web-1"}}},
          {"startsAt", startsAt}}});
    QVERIFY(m_am->postAlerts(QByteArray::fromStdString(alerts.dump())));
    const json config = {{"on_duty", "victor"},
                         {"sources",
                          {{{"name", "am"},
                            {"type", "alertmanager"},
                            {"url", m_am->baseUrl().toStdString()},
                            {"panel", "incidents"}}}}};
    m_config = writeConfig(m_dir, QByteArray::fromStdString(config.dump()));
    QVERIFY(!m_config.isEmpty());
}

json TestAcknowledgeCommand::print() {
    const DutyboardRun run = runDutyboard(withConfig({QStringLiteral("--print")}));
    if (run.exitCode != 0)
        qWarning("--print: %s", run.err.constData());
    return json::parse(run.out.toStdString(), nullptr, false);
}

const json *TestAcknowledgeCommand::alert(const json &board) {
    return board.is_object() ? findItemBy(board["incidents"], "title", "Web down on web-1")
                             : nullptr;
}

void TestAcknowledgeCommand::ackThenRelease() {
    json board;
    QTRY_VERIFY_WITH_TIMEOUT((board = print(), alert(board) != nullptr), 15000);
    const json before = *alert(board);
    QVERIFY(before["owner"].is_null());
    QVERIFY(before["owned_since"].is_null());
    QCOMPARE(before["acknowledged"].get<bool>(), false);
    const QString id = QString::fromStdString(before["id"].get<std::string>());

    const DutyboardRun ack = runDutyboard(
        withConfig({QStringLiteral("ack"), QStringLiteral("--source"), QStringLiteral("am"),
                    QStringLiteral("--id"), id, QStringLiteral("--by"), QStringLiteral("chloe")}));
    QVERIFY2(ack.exitCode == 0, ack.err.constData());
    QVERIFY2(ack.out.contains("ack: delivered to am"), ack.out.constData());

    board = print();
    const json *owned = alert(board);
    QVERIFY(owned);
    QCOMPARE((*owned)["owner"].get<std::string>(), std::string("chloe"));
    QCOMPARE((*owned)["acknowledged"].get<bool>(), true);
    QVERIFY((*owned)["owned_since"].is_string());
    QCOMPARE((*owned)["state"].get<std::string>(), std::string("silenced"));

    const DutyboardRun release =
        runDutyboard(withConfig({QStringLiteral("release"), QStringLiteral("--source"),
                                 QStringLiteral("am"), QStringLiteral("--id"), id}));
    QVERIFY2(release.exitCode == 0, release.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(
        (board = print(), alert(board) && (*alert(board))["state"] == "active"), 15000);
    QVERIFY((*alert(board))["owner"].is_null());
}

void TestAcknowledgeCommand::badInputExitsTwo() {
    const DutyboardRun noId = runDutyboard(
        withConfig({QStringLiteral("ack"), QStringLiteral("--source"), QStringLiteral("am")}));
    QCOMPARE(noId.exitCode, 2);
    QVERIFY2(noId.err.contains("ack needs --id"), noId.err.constData());

    const DutyboardRun unknownSource = runDutyboard(
        withConfig({QStringLiteral("ack"), QStringLiteral("--source"), QStringLiteral("nope"),
                    QStringLiteral("--id"), QStringLiteral("x")}));
    QCOMPARE(unknownSource.exitCode, 2);
    QVERIFY2(unknownSource.err.contains("no source named \"nope\""), unknownSource.err.constData());

    const DutyboardRun unknownItem = runDutyboard(
        withConfig({QStringLiteral("release"), QStringLiteral("--source"), QStringLiteral("am"),
                    QStringLiteral("--id"), QStringLiteral("no-such-fingerprint")}));
    QCOMPARE(unknownItem.exitCode, 2);
    QVERIFY2(unknownItem.err.contains("am lists no item \"no-such-fingerprint\""),
             unknownItem.err.constData());
}

QTEST_GUILESS_MAIN(TestAcknowledgeCommand)
#include "tst_acknowledge_command.moc"
