// SPDX-License-Identifier: MIT
// The outbox survives a kill at any point: the real binary is SIGKILLed at random moments while
// it records and sends actions; afterwards the state file is intact, every action the command
// confirmed (exit 0 or 3) is delivered, and the queue drains.
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/DutyboardRun.h"
#include "tests/support/TestEnvironment.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

// An Alertmanager stand-in that answers slowly (so kills land mid-send) and notes each project.
class SlowAlertmanager {
public:
    SlowAlertmanager()
        : m_server([this](const HttpServerRequest &r) { return answer(r); }) {}
    bool start() { return m_server.start(0); }
    quint16 port() const { return m_server.port(); }
    QSet<QString> projects() {
        QMutexLocker lock(&m_mutex);
        return m_projects;
    }

private:
    HttpServerResponse answer(const HttpServerRequest &r) {
        if (r.method == "POST" && r.path == "/api/v2/alerts") {
            const auto alerts = nlohmann::json::parse(r.body.toStdString(), nullptr, false);
            QMutexLocker lock(&m_mutex);
            if (alerts.is_array())
                for (const auto &alert : alerts)
                    m_projects.insert(
                        QString::fromStdString(alert["labels"].value("project", std::string())));
        }
        HttpServerResponse response = HttpServerResponse::json(r.method == "POST" ? "" : "[]");
        response.delayMs = QRandomGenerator::global()->bounded(120);
        return response;
    }

    QMutex m_mutex;
    QSet<QString> m_projects;
    LoopbackHttpServer m_server;
};

} // namespace

class TestOutboxKill final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void killAtRandomPointsLosesNothing() {
        SlowAlertmanager am;
        QVERIFY(am.start());
        QTemporaryDir dir;
        const QByteArray config =
            "{\"sources\":[{\"name\":\"am0\",\"type\":\"alertmanager\",\"url\":\"http:"
            "//127.0.0.1:" +
            QByteArray::number(am.port()) +
            "\",\"panel\":\"incidents\",\"timeout_s\":5}],\"actions\":{\"andon\":[\"am0\"]}}";
        const QString configPath = writeConfig(dir, config);
        const QString state = dir.filePath(QStringLiteral("state.sqlite"));
        const QStringList common{QStringLiteral("--config"), configPath, QStringLiteral("--state"),
                                 state};

        constexpr int runs = 16;
        QSet<QString> confirmed;
        int killed = 0;
        for (int i = 0; i < runs; ++i) {
            const QString project = QStringLiteral("p%1").arg(i);
            QProcess process;
            process.start(QStringLiteral(DUTYBOARD_BINARY),
                          common + QStringList{QStringLiteral("andon"), QStringLiteral("raise"),
                                               QStringLiteral("--project"), project,
                                               QStringLiteral("--reason"),
                                               QStringLiteral("kill test")});
            QVERIFY(process.waitForStarted());
            // Anywhere from start-up to after the send.
            const int killAfterMs = QRandomGenerator::global()->bounded(400);
            if (!process.waitForFinished(killAfterMs)) {
                process.kill();
                process.waitForFinished();
                ++killed;
            } else if (process.exitStatus() == QProcess::NormalExit &&
                       (process.exitCode() == 0 || process.exitCode() == 3)) {
                confirmed.insert(project);
            }
        }
        qInfo("%d of %d runs killed, %d confirmed before the kill came", killed, runs,
              int(confirmed.size()));
        QVERIFY2(killed > 0, "no run was killed: the test proved nothing");

        // Any later run delivers the queue first.
        const DutyboardRun print = runDutyboard(common + QStringList{QStringLiteral("--print")});
        QVERIFY2(print.exitCode == 0, print.err.constData());
        QVERIFY2(!print.err.contains("moved to"),
                 print.err.constData()); // the file was never broken
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("state.sqlite.corrupt-*")}).isEmpty());
        const QSet<QString> delivered = am.projects();
        for (const QString &project : confirmed)
            QVERIFY2(delivered.contains(project),
                     qPrintable(project + QStringLiteral(" was confirmed but never delivered")));
        // Nothing left behind: a second run sends nothing new and reports nothing queued.
        const DutyboardRun again = runDutyboard(common + QStringList{QStringLiteral("--print")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(!again.err.contains("queued"), again.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestOutboxKill)
#include "tst_outbox_kill.moc"
