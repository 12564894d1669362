// SPDX-License-Identifier: MIT
// The Slack connector's writes as the Slack fixture receives them (a reaction, a thread reply,
// andon and incident messages) and as the next read shows them, and Slack's refusals; "I'm on
// it" (the 👀 reaction, and its removal) through the real outbox.
#include "core/sources/connectors/SlackConnector.h"
#include "tests/support/Acknowledging.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/SlackFixture.h"
#include "tests/support/SlackSource.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"

#include <QtTest>

using nlohmann::json;

namespace {

const QByteArray apiBase = slackOfflineApi();

json bodyOf(const HttpServerRequest &request) {
    return json::parse(request.body.constData(), request.body.constData() + request.body.size(),
                       nullptr, false);
}

} // namespace

class TestSlackWrites final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesReachSlackAndShowOnTheNextRead();
    void writeMessages();
    void writeRefusals();
    void acknowledgeAndRelease();

private:
    Items fetchItems(const json &extra);

    SlackFixture m_slack;
};

void TestSlackWrites::initTestCase() {
    prepareTestEnvironment();
    QVERIFY(m_slack.start());
}

Items TestSlackWrites::fetchItems(const json &extra) {
    const FetchOutcome outcome = fetchOutcome(slackConfig(m_slack.baseUrl(), extra));
    if (!outcome.ok)
        qWarning("fetch failed: %s", qPrintable(outcome.error));
    return outcome.items;
}

void TestSlackWrites::writesReachSlackAndShowOnTheNextRead() {
    const std::string ts = tsAgo(5, 1);
    m_slack.setMessages(json::array({humanMessage(ts, "please rotate the sftp key")}));
    const json extra = withChannel({{"workspace", "acme"}});
    const SlackConnector connector(slackConfig(m_slack.baseUrl(), extra));

    WriteAction take;
    take.kind = WriteKind::React;
    take.itemId = QString::fromStdString(ts);
    take.reaction = QStringLiteral("eyes");
    QVERIFY(connector.supportsWrite(WriteKind::React));
    m_slack.clearRequests();
    WriteOutcome outcome = sendWrite(connector, take);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    HttpServerRequest got = m_slack.requests().value(0);
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.path, QByteArray("/api/reactions.add"));
    QCOMPARE(got.header("authorization"), QByteArray("Bearer ") + SlackFixture::token);
    QCOMPARE(got.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(bodyOf(got), json({{"channel", "C0DUTY42"}, {"timestamp", ts}, {"name", "eyes"}}));
    Items items = fetchItems(extra);
    QCOMPARE(items.size(), std::size_t(1));
    QCOMPARE(items[0].state, QStringLiteral("taken"));

    // A retry after the first attempt got through: Slack says already_reacted, which is fine.
    outcome = sendWrite(connector, take);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));

    WriteAction reply;
    reply.kind = WriteKind::Reply;
    reply.itemId = QString::fromStdString(ts);
    reply.text = QStringLiteral("Run: rotate-key --host sftp-1 > /tmp/out & check <docs>");
    m_slack.clearRequests();
    outcome = sendWrite(connector, reply);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    got = m_slack.requests().value(0);
    QCOMPARE(got.path, QByteArray("/api/chat.postMessage"));
    QCOMPARE(bodyOf(got),
             json({{"channel", "C0DUTY42"},
                   {"text", "Run: rotate-key --host sftp-1 &gt; /tmp/out &amp; check &lt;docs&gt;"},
                   {"thread_ts", ts}}));
    const json replies = m_slack.replies();
    QCOMPARE(outcome.createdId, QString::fromStdString(replies.back().at("ts").get<std::string>()));
    QCOMPARE(outcome.createdUrl, QStringLiteral("https://acme.slack.com/archives/C0DUTY42/p") +
                                     QString(outcome.createdId).remove(QLatin1Char('.')));
    items = fetchItems(extra);
    QCOMPARE(items.size(), std::size_t(1));
    QCOMPARE(items[0].state, QStringLiteral("taken · 1 reply"));

    WriteAction andon;
    andon.kind = WriteKind::RaiseAndon;
    andon.project = QStringLiteral("sftp");
    andon.reason = QStringLiteral("no backups");
    andon.raisedBy = QStringLiteral("alice");
    m_slack.clearRequests();
    outcome = sendWrite(connector, andon);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(bodyOf(m_slack.requests().value(0)),
             json({{"channel", "C0DUTY42"},
                   {"text", "\xF0\x9F\x9B\x91 Andon on *sftp*: no backups (raised by alice)"}}));
    QCOMPARE(m_slack.messages().size(), std::size_t(2)); // posted to the channel…
    QCOMPARE(fetchItems(extra).size(), std::size_t(1));  // …by the bot: not a request

    WriteAction done = take;
    done.reaction = QStringLiteral("white_check_mark");
    outcome = sendWrite(connector, done);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QVERIFY(fetchItems(extra).empty()); // done requests leave the panel
}

void TestSlackWrites::writeMessages() {
    const SlackConnector connector(slackConfig(apiBase, withChannel(json::object())));
    WriteAction resolve;
    resolve.kind = WriteKind::ResolveAndon;
    resolve.project = QStringLiteral("sftp");
    resolve.decision = QStringLiteral("new-ve");
    resolve.note = QStringLiteral("backups <first>");
    resolve.raisedBy = QStringLiteral("bob");
    QCOMPARE(SlackConnector::messageText(resolve),
             QStringLiteral("\u2705 Andon on *sftp* resolved: new value engineering \u2014 "
                            "backups &lt;first&gt; (by bob)"));
    WriteAction incident;
    incident.kind = WriteKind::CreateIncident;
    incident.title = QStringLiteral("Checkout down");
    incident.description = QStringLiteral("5xx on /pay");
    incident.severity = QStringLiteral("SEV-1");
    incident.customerImpact = QStringLiteral("no payments");
    const HttpRequest r = connector.writeRequest(incident);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.url, apiBase + "/chat.postMessage");
    QVERIFY(!r.conditional);
    QCOMPARE(json::parse(r.body.toStdString()),
             json({{"channel", "C0DUTY42"},
                   {"text", "\xF0\x9F\x9A\xA8 Incident declared, SEV-1: *Checkout down*\n5xx on "
                            "/pay\nCustomer impact: no payments"}}));
    for (const WriteKind kind :
         {WriteKind::CreateBug, WriteKind::CreateCard, WriteKind::CreateSilence})
        QVERIFY(!connector.supportsWrite(kind));
    for (const WriteKind kind :
         {WriteKind::ResolveAndon, WriteKind::CreateIncident, WriteKind::Reply})
        QVERIFY(connector.supportsWrite(kind));
}

void TestSlackWrites::writeRefusals() {
    const SlackConnector connector(slackConfig(m_slack.baseUrl(), withChannel(json::object())));
    WriteAction take;
    take.kind = WriteKind::React;
    take.itemId = QStringLiteral("1.0");
    take.reaction = QStringLiteral("eyes");

    m_slack.failWith(QStringLiteral("not_in_channel"));
    WriteOutcome outcome = sendWrite(connector, take);
    m_slack.failWith(QString());
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("Slack refused: not_in_channel (invite the bot to the channel)"));

    outcome = sendWrite(connector, take);
    QVERIFY(!outcome.accepted); // HTTP 200, ok:false
    QCOMPARE(outcome.error,
             QStringLiteral("Slack refused: message_not_found (the message is gone)"));

    m_slack.rateLimit(1, 30);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    outcome = sendWrite(connector, take);
    QVERIFY(!outcome.accepted);
    QVERIFY(qAbs(now.secsTo(outcome.retryAt) - 30) <= 2);

    HttpResult limited = cannedAnswer(R"({"ok":false,"error":"ratelimited"})");
    outcome = connector.parseWriteResult(take, limited);
    QVERIFY(!outcome.accepted);
    QVERIFY(qAbs(now.secsTo(outcome.retryAt) - 60) <= 2);

    outcome = connector.parseWriteResult(take, cannedAnswer("<html><body>SSO</body></html>"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("Slack: not JSON (got an HTML page: login?)"));
    outcome = connector.parseWriteResult(take, cannedAnswer("{}"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("Slack: JSON of the wrong shape at /ok: expected true or false"));
    // already_reacted is only fine for a reaction.
    WriteAction reply;
    reply.kind = WriteKind::Reply;
    QVERIFY(!connector
                 .parseWriteResult(reply, cannedAnswer(R"({"ok":false,"error":"already_reacted"})"))
                 .accepted);
}

void TestSlackWrites::acknowledgeAndRelease() {
    const std::string ts = tsAgo(7, 3);
    json asked = humanMessage(ts, "can someone look at the VPN?");
    // A person's own 👀 beside the one dutyboard adds: it is theirs, and stays.
    json other = humanMessage(tsAgo(6, 4), "disk full on build-3");
    other["reactions"] = json::array({{{"name", "eyes"}, {"users", {"U0ANA"}}, {"count", 1}}});
    m_slack.setMessages(json::array({other, asked}));
    const json extra = withChannel(json::object());
    const SlackConnector connector(slackConfig(m_slack.baseUrl(), extra));
    QVERIFY(connector.supportsWrite(WriteKind::Acknowledge));
    QVERIFY(connector.supportsWrite(WriteKind::Release));
    Items items = fetchItems(extra);
    QCOMPARE(items.size(), std::size_t(2));
    const Item request = items[1];
    QCOMPARE(request.state, QStringLiteral("open"));
    QCOMPARE(request.owner, QString()); // Slack names reactors by user id only

    const WriteAction ack = acknowledgeAction(request);
    m_slack.clearRequests();
    OutboxEntry row = deliverThroughOutbox(connector, ack);
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    HttpServerRequest got = m_slack.requests().value(0);
    QCOMPARE(m_slack.requests().size(), 1);
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.path, QByteArray("/api/reactions.add"));
    QCOMPARE(got.header("authorization"), QByteArray("Bearer ") + SlackFixture::token);
    QCOMPARE(got.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(bodyOf(got), json({{"channel", "C0DUTY42"}, {"timestamp", ts}, {"name", "eyes"}}));
    QCOMPARE(fetchItems(extra)[1].state, QStringLiteral("taken"));
    // Again (a retry after a kill): Slack says already_reacted, which is done.
    row = deliverThroughOutbox(connector, ack);
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));

    const WriteAction release = releaseAction(request);
    m_slack.clearRequests();
    row = deliverThroughOutbox(connector, release);
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    got = m_slack.requests().value(0);
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.path, QByteArray("/api/reactions.remove"));
    QCOMPARE(got.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(bodyOf(got), json({{"channel", "C0DUTY42"}, {"timestamp", ts}, {"name", "eyes"}}));
    items = fetchItems(extra);
    QCOMPARE(items[1].state, QStringLiteral("open"));
    // Again: no_reaction, which is what a release wants.
    row = deliverThroughOutbox(connector, release);
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));

    // Releasing where only a person reacted takes nothing of theirs.
    row = deliverThroughOutbox(connector, releaseAction(items[0]));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QCOMPARE(fetchItems(extra)[0].state, QStringLiteral("taken"));

    // A message gone since the last read is an error, not a release.
    WriteAction gone = release;
    gone.itemId = QStringLiteral("1.000001");
    row = deliverThroughOutbox(connector, gone);
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError,
             QStringLiteral("Slack refused: message_not_found (the message is gone)"));
    // no_reaction is only fine for a release.
    QVERIFY(!connector.parseWriteResult(ack, cannedAnswer(R"({"ok":false,"error":"no_reaction"})"))
                 .accepted);
}

QTEST_GUILESS_MAIN(TestSlackWrites)
#include "tst_slack_writes.moc"
