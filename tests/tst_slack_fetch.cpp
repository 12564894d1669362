// SPDX-License-Identifier: MIT
// The Slack connector reading over real HTTP from the Slack fixture: pages walked past the
// filtered ones, rate limits and ok:false, and `dutyboard --print` with the real binary.
#include "tests/support/DutyboardRun.h"
#include "tests/support/SlackFixture.h"
#include "tests/support/SlackSource.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"

#include <QTemporaryDir>
#include <QtTest>

using nlohmann::json;

class TestSlackFetch final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fetchWalksPagesPastFilteredOnes();
    void fetchRateLimitedAndRefused();
    void printListsRequests();
    void printInvalidAuthExitsTwo();

private:
    FetchOutcome fetch(const json &extra) {
        return fetchOutcome(slackConfig(m_slack.baseUrl(), extra));
    }
    // `dutyboard --print` with one Slack source on the fixture, the token given.
    DutyboardRun printWithToken(const QString &token);

    SlackFixture m_slack;
};

void TestSlackFetch::initTestCase() {
    prepareTestEnvironment();
    QVERIFY(m_slack.start());
}

void TestSlackFetch::fetchWalksPagesPastFilteredOnes() {
    m_slack.setMessages(json::array({
        humanMessage(tsAgo(1, 7), "newest request"),
        {{"type", "message"},
         {"subtype", "bot_message"},
         {"bot_id", "B1"},
         {"text", "ci"},
         {"ts", tsAgo(2, 6)}},
        {{"type", "message"},
         {"user", "U0BOT"},
         {"bot_id", "B2"},
         {"text", "andon"},
         {"ts", tsAgo(3, 5)}},
        {{"type", "message"},
         {"subtype", "channel_join"},
         {"user", "U3"},
         {"text", "joined"},
         {"ts", tsAgo(4, 4)}},
        humanMessage(tsAgo(10, 3), "older request"),
        {{"type", "message"},
         {"user", "U1"},
         {"text", "done one"},
         {"ts", tsAgo(20, 2)},
         {"reactions", {{{"name", "white_check_mark"}, {"users", {"U9"}}, {"count", 1}}}}},
        humanMessage(tsAgo(100 * 60, 1), "four days old"),
    }));
    m_slack.setPageSize(2);
    m_slack.clearRequests();
    const FetchOutcome outcome = fetch(withChannel({{"workspace", "acme"}, {"oldest_hours", 72}}));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    // Page 2 holds only a bot post and a join: the walk goes on to page 3.
    QCOMPARE(outcome.pages, 3);
    QVERIFY(!outcome.truncated);
    QCOMPARE(outcome.items.size(), std::size_t(2));
    QCOMPARE(outcome.items[0].title, QStringLiteral("newest request"));
    QCOMPARE(outcome.items[1].title, QStringLiteral("older request"));
    QVERIFY(qAbs(outcome.items[1].createdAt.secsTo(QDateTime::currentDateTimeUtc()) - 600) < 5);
    const QList<HttpServerRequest> requests = m_slack.requests();
    QCOMPARE(requests.size(), 3);
    QVERIFY(!requests[0].query.contains("cursor="));
    QVERIFY2(requests[1].query.contains("&cursor="), requests[1].query.constData());
    for (const HttpServerRequest &r : requests) {
        QVERIFY2(r.query.contains("&oldest="), r.query.constData());
        QCOMPARE(r.header("authorization"), QByteArray("Bearer ") + SlackFixture::token);
    }
    m_slack.setPageSize(100);
}

void TestSlackFetch::fetchRateLimitedAndRefused() {
    m_slack.setMessages(json::array({humanMessage(tsAgo(1, 1), "hello")}));
    m_slack.rateLimit(1, 120);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    FetchOutcome outcome = fetch(withChannel(json::object()));
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.startsWith(QLatin1String("rate-limited until ")),
             qPrintable(outcome.error));
    QVERIFY(qAbs(before.secsTo(outcome.retryAt) - 120) <= 2);

    m_slack.failWith(QStringLiteral("not_in_channel"));
    outcome = fetch(withChannel(json::object()));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error,
             QStringLiteral("Slack refused: not_in_channel (invite the bot to the channel)"));
    QVERIFY(!outcome.retryAt.isValid());
    m_slack.failWith(QString());

    outcome = fetch(withChannel(json::object()));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.items.size(), std::size_t(1));
}

DutyboardRun TestSlackFetch::printWithToken(const QString &token) {
    QTemporaryDir dir;
    const json config = {{"sources",
                          {{{"name", "duty"},
                            {"type", "slack"},
                            {"panel", "requests"},
                            {"url", m_slack.baseUrl().toStdString()},
                            {"channel", SlackFixture::channel},
                            {"workspace", "acme"},
                            {"auth", {{"token_env", "DUTYBOARD_TEST_SLACK_TOKEN"}}}}}}};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DUTYBOARD_TEST_SLACK_TOKEN"), token);
    return runDutyboard({QStringLiteral("--config"),
                         writeConfig(dir, QByteArray::fromStdString(config.dump())),
                         QStringLiteral("--print")},
                        env);
}

void TestSlackFetch::printListsRequests() {
    m_slack.setMessages(json::array({
        humanMessage(tsAgo(3, 2), "<@U02BOB> can I get a staging DB?"),
        {{"type", "message"},
         {"user", "U0BOT"},
         {"bot_id", "B0"},
         {"text", "andon"},
         {"ts", tsAgo(4, 1)}},
        {{"type", "message"},
         {"user", "U04CAT"},
         {"text", "grant me S3 access"},
         {"ts", tsAgo(9, 0)},
         {"reactions", {{{"name", "eyes"}, {"users", {"U9"}}, {"count", 1}}}}},
    }));
    const DutyboardRun run = printWithToken(QString::fromLatin1(SlackFixture::token));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const json board = json::parse(run.out.toStdString());
    const json &requests = board.at("requests");
    QCOMPARE(requests.size(), std::size_t(2));
    QCOMPARE(requests[0].at("title"), json("@U02BOB can I get a staging DB?"));
    QCOMPARE(requests[0].at("state"), json("open"));
    QCOMPARE(requests[1].at("title"), json("grant me S3 access"));
    QCOMPARE(requests[1].at("state"), json("taken"));
    QCOMPARE(requests[1].at("people"), json({"U04CAT"}));
    QVERIFY(requests[1].at("url").get<std::string>().rfind(
                "https://acme.slack.com/archives/C0DUTY42/p", 0) == 0);
    QVERIFY(!run.out.contains(SlackFixture::token));
    QVERIFY(!run.err.contains(SlackFixture::token));
}

void TestSlackFetch::printInvalidAuthExitsTwo() {
    const DutyboardRun run = printWithToken(QStringLiteral("xoxb-revoked-0000000"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("dutyboard: source duty failed: Slack refused: invalid_auth (token "
                              "refused: check the token)"),
             run.err.constData());
    const json board = json::parse(run.out.toStdString());
    QCOMPARE(board.at("sources")[0].at("health"), json("failed"));
}

QTEST_GUILESS_MAIN(TestSlackFetch)
#include "tst_slack_fetch.moc"
