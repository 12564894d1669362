// SPDX-License-Identifier: MIT
// `dutyboard handover --send` through the outbox to Slack (the loopback fixture): one message
// for one handover, with its key in the message's metadata; and one only when the binary is
// killed after Slack kept the post and before its answer came back, then run again.
#include "tests/support/DutyboardRun.h"
#include "tests/support/SlackFixture.h"
#include "tests/support/SlackSource.h"
#include "tests/support/TestEnvironment.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using nlohmann::json;

class TestHandoverSend final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        QVERIFY(m_slack.start());
        m_slack.setMessages(
            json::array({humanMessage(tsAgo(30, 1), "can you create a read replica for orders?"),
                         humanMessage(tsAgo(20, 2), "please create a read replica for billing")}));
        QVERIFY(m_dir.isValid());
        const json config = {{"sources",
                              {{{"name", "duty"},
                                {"type", "slack"},
                                {"panel", "requests"},
                                {"url", m_slack.baseUrl().toStdString()},
                                {"channel", SlackFixture::channel},
                                {"workspace", "acme"},
                                {"auth", {{"token_env", "DUTYBOARD_TEST_SLACK_TOKEN"}}}}}},
                             {"actions", {{"handover", "duty"}}},
                             {"on_duty", "alice"}};
        m_config = writeConfig(m_dir, QByteArray::fromStdString(config.dump()));
        QVERIFY(!m_config.isEmpty());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("DUTYBOARD_TEST_SLACK_TOKEN"),
                     QString::fromLatin1(SlackFixture::token));
    }

    void oneMessageForOneHandover() {
        const DutyboardRun run =
            runDutyboard({QStringLiteral("--config"), m_config, QStringLiteral("--state"),
                          m_dir.filePath(QStringLiteral("one.sqlite")), QStringLiteral("handover"),
                          QStringLiteral("--send")},
                         m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("# Handover of alice's RUN"));
        QVERIFY(run.out.contains("handover: delivered to duty"));
        const std::vector<json> posted = handoverMessages();
        QCOMPARE(posted.size(), size_t(1));
        const std::string text = posted[0].at("text").get<std::string>();
        // Slack's own formatting: bold headings, no Markdown heading marks.
        QVERIFY2(text.rfind("*Handover of alice's RUN", 0) == 0, text.c_str());
        QVERIFY(text.find("*Open now*") != std::string::npos);
        QVERIFY(text.find("2 requests like") != std::string::npos);
        QCOMPARE(postCount(), 1);
    }

    void oneMessageAfterAKillAndARestart() {
        const int before = postCount();
        const QString state = m_dir.filePath(QStringLiteral("killed.sqlite"));
        // Slack keeps the post and answers only much later: the kill lands in between.
        m_slack.delayPostAnswers(10 * 60 * 1000);
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.start(QStringLiteral(DUTYBOARD_BINARY),
                      {QStringLiteral("--config"), m_config, QStringLiteral("--state"), state,
                       QStringLiteral("handover"), QStringLiteral("--send")});
        QVERIFY(process.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(handoverMessages().size(), size_t(2), 60000);
        process.kill();
        QVERIFY(process.waitForFinished());
        m_slack.delayPostAnswers(0);

        // The next run sends what the killed one left in the outbox: it finds the post.
        const DutyboardRun again =
            runDutyboard({QStringLiteral("--config"), m_config, QStringLiteral("--state"), state,
                          QStringLiteral("--print")},
                         m_env);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(!again.err.contains("pending"), again.err.constData());
        QCOMPARE(handoverMessages().size(), size_t(2));
        QCOMPARE(postCount(), before + 1);
        // The history was asked with the metadata, from around the handover.
        bool lookedUp = false;
        for (const HttpServerRequest &r : m_slack.requests())
            lookedUp = lookedUp || r.query.contains("include_all_metadata=true");
        QVERIFY(lookedUp);
    }

private:
    // The channel's messages that are handovers (their metadata says so), newest first.
    std::vector<json> handoverMessages() const {
        std::vector<json> found;
        for (const json &m : m_slack.messages()) {
            const auto metadata = m.find("metadata");
            if (metadata != m.end() &&
                metadata->value("event_type", std::string()) == "dutyboard_handover")
                found.push_back(m);
        }
        return found;
    }
    int postCount() const {
        int n = 0;
        for (const HttpServerRequest &r : m_slack.requests())
            n += r.path == "/api/chat.postMessage" ? 1 : 0;
        return n;
    }

    SlackFixture m_slack;
    QTemporaryDir m_dir;
    QString m_config;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestHandoverSend)
#include "tst_handover_send.moc"
