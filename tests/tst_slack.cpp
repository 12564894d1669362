// SPDX-License-Identifier: MIT
// The Slack connector: config checks, message mapping (table-driven), the fetch over real HTTP
// against the Slack fixture (pagination, filtering, rate limits, ok:false), the write calls as
// the fixture receives them, and `dutyboard --print` with the real binary.
#include "ConfigError.h"
#include "ConnectorRegistry.h"
#include "DutyboardRun.h"
#include "HttpClient.h"
#include "ItemMatch.h"
#include "SlackConnector.h"
#include "SlackFixture.h"
#include "SlackMessages.h"
#include "SourceFetcher.h"
#include "TestEnvironment.h"

#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <memory>
#include <optional>

using nlohmann::json;

namespace {

const QByteArray apiBase = QByteArrayLiteral("http://slack.test/api");

SourceConfig slackConfig(const QByteArray &url, const json &extra) {
    SourceConfig c;
    c.name = QStringLiteral("duty");
    c.type = QStringLiteral("slack");
    c.panel = ItemKind::Request;
    c.url = url;
    c.pointer = QStringLiteral("/sources/0");
    c.timeoutS = 5;
    c.auth.type = QStringLiteral("vendor");
    c.auth.secret = SlackFixture::token;
    c.raw = json{{"name", "duty"}, {"type", "slack"}, {"url", url.toStdString()}};
    c.raw.update(extra);
    return c;
}

json withChannel(json extra) {
    extra["channel"] = SlackFixture::channel;
    return extra;
}

HttpResult answer(const QByteArray &body) {
    HttpResult r;
    r.status = 200;
    r.body = body;
    return r;
}

// A ts `minutesAgo` old, unique by `seq`.
std::string tsAgo(int minutesAgo, int seq) {
    const qint64 s = QDateTime::currentSecsSinceEpoch() - minutesAgo * 60LL;
    return QStringLiteral("%1.%2").arg(s).arg(seq, 6, 10, QLatin1Char('0')).toStdString();
}

json human(const std::string &ts, const std::string &text) {
    return {{"type", "message"}, {"user", "U01ANN"}, {"text", text}, {"ts", ts}};
}

json bodyOf(const HttpServerRequest &request) {
    return json::parse(request.body.constData(), request.body.constData() + request.body.size(),
                       nullptr, false);
}

} // namespace

class TestSlack final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void configErrors_data();
    void configErrors();
    void firstRequest();
    void plainText_data();
    void plainText();
    void mapping_data();
    void mapping();
    void fetchWalksPagesPastFilteredOnes();
    void fetchRateLimitedAndRefused();
    void writesReachSlackAndShowOnTheNextRead();
    void writeMessages();
    void writeRefusals();
    void printListsRequests();
    void printInvalidAuthExitsTwo();

private:
    HttpResult send(const HttpRequest &request);
    FetchOutcome fetch(const json &extra);
    Items fetchItems(const json &extra);

    HttpClient m_http;
    QThreadPool m_pool;
    SlackFixture m_slack;
};

void TestSlack::initTestCase() {
    prepareTestEnvironment();
    QVERIFY(m_slack.start());
}

HttpResult TestSlack::send(const HttpRequest &request) {
    auto result = std::make_shared<std::optional<HttpResult>>();
    m_http.fetch(request, this, [result](const HttpResult &r) { *result = r; });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, 10000)) {
        HttpResult none;
        none.error = HttpError::Timeout;
        return none;
    }
    return **result;
}

FetchOutcome TestSlack::fetch(const json &extra) {
    SourceFetcher fetcher(ConnectorRegistry::builtin().create(slackConfig(m_slack.baseUrl(), extra)),
                          &m_http, &m_pool);
    std::optional<FetchOutcome> outcome;
    connect(&fetcher, &SourceFetcher::finished, this,
            [&outcome](const FetchOutcome &o) { outcome = o; });
    fetcher.start();
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 10000)) {
        FetchOutcome none;
        none.error = QStringLiteral("no outcome within 10 s");
        return none;
    }
    return *outcome;
}

Items TestSlack::fetchItems(const json &extra) {
    const FetchOutcome outcome = fetch(extra);
    if (!outcome.ok)
        qWarning("fetch failed: %s", qPrintable(outcome.error));
    return outcome.items;
}

void TestSlack::configErrors_data() {
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    QTest::newRow("no channel") << QByteArray("{}") << "/sources/0/channel"
                                << "expected the channel ID such as \"C0123456\" (required)";
    QTest::newRow("channel name") << QByteArray(R"({"channel":"#duty"})") << "/sources/0/channel"
                                  << "expected the channel ID such as \"C0123456\" (not its #name: "
                                     "Slack shows the ID in the channel details)";
    QTest::newRow("zero hours") << QByteArray(R"({"channel":"C1","oldest_hours":0})")
                                << "/sources/0/oldest_hours"
                                << "expected a number of hours from 1 to 8784";
    QTest::newRow("hours as text") << QByteArray(R"({"channel":"C1","oldest_hours":"72"})")
                                   << "/sources/0/oldest_hours"
                                   << "expected a number of hours from 1 to 8784";
    QTest::newRow("workspace URL") << QByteArray(R"({"channel":"C1","workspace":"Acme Corp"})")
                                   << "/sources/0/workspace"
                                   << "expected the workspace's name as in https://NAME.slack.com, "
                                      "such as \"acme\"";
    QTest::newRow("both links")
        << QByteArray(R"({"channel":"C1","workspace":"acme","permalink_base":"https:\/\/a.b"})")
        << "/sources/0/permalink_base"
        << "expected either \"workspace\" or \"permalink_base\", not both";
    QTest::newRow("base not a URL")
        << QByteArray(R"({"channel":"C1","permalink_base":"slack.com"})")
        << "/sources/0/permalink_base"
        << "expected a URL such as \"https://acme.enterprise.slack.com\"";
}

void TestSlack::configErrors() {
    QFETCH(QByteArray, extra);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    try {
        ConnectorRegistry::builtin().create(slackConfig(apiBase, json::parse(extra)));
        QFAIL("no ConfigError");
    } catch (const ConfigError &e) {
        QCOMPARE(e.pointer(), pointer);
        QCOMPARE(e.message(), message);
    }
}

void TestSlack::firstRequest() {
    const SlackConnector plain(slackConfig(apiBase, withChannel(json::object())));
    HttpRequest r = plain.firstRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.url, apiBase + "/conversations.history?channel=C0DUTY42&limit=100");
    QVERIFY(r.headers.contains(qMakePair(QByteArray("Authorization"),
                                         QByteArray("Bearer ") + SlackFixture::token)));

    const SlackConnector recent(slackConfig(apiBase, withChannel({{"oldest_hours", 72}})));
    r = recent.firstRequest();
    const QByteArray prefix = apiBase + "/conversations.history?channel=C0DUTY42&limit=100&oldest=";
    QVERIFY2(r.url.startsWith(prefix), r.url.constData());
    const qint64 oldest = r.url.mid(prefix.size()).toLongLong();
    const qint64 expected = QDateTime::currentSecsSinceEpoch() - 72 * 3600;
    QVERIFY2(qAbs(oldest - expected) < 5, r.url.constData());
}

void TestSlack::plainText_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("plain");
    QTest::newRow("plain") << QByteArray("Need a bucket") << "Need a bucket";
    QTest::newRow("first line") << QByteArray("  Title here \nand details") << "Title here";
    QTest::newRow("user") << QByteArray("<@U02BOB> please") << "@U02BOB please";
    QTest::newRow("user with name") << QByteArray("<@U02BOB|bob> please") << "@bob please";
    QTest::newRow("channel") << QByteArray("see <#C0SRE|sre>") << "see #sre";
    QTest::newRow("bare channel") << QByteArray("see <#C0SRE>") << "see #C0SRE";
    QTest::newRow("here") << QByteArray("<!here> db down") << "@here db down";
    QTest::newRow("group") << QByteArray("<!subteam^S1|@sre-team> help") << "@sre-team help";
    QTest::newRow("date") << QByteArray("by <!date^1700000000^{date}|Nov 14>") << "by Nov 14";
    QTest::newRow("labelled link") << QByteArray("read <https:\x2f/x.io/a?b=1&amp;c=2|the runbook>")
                                   << "read the runbook";
    QTest::newRow("bare link") << QByteArray("<https:\x2f/x.io/a>") << "https://x.io/a";
    QTest::newRow("mail") << QByteArray("<mailto:ann@acme.io|ann@acme.io>") << "ann@acme.io";
    QTest::newRow("entities") << QByteArray("a &lt;b&gt; &amp;&amp; c") << "a <b> && c";
    QTest::newRow("unclosed") << QByteArray("x < y and <@U1") << "x < y and <@U1";
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9 \xf0\x9f\x94\xa5") << "café 🔥";
}

void TestSlack::plainText() {
    QFETCH(QByteArray, text);
    QFETCH(QString, plain);
    QCOMPARE(slackPlainText(std::string_view(text.constData(), text.size())), plain);
}

void TestSlack::mapping_data() {
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray acme = R"({"workspace":"acme"})";
    QTest::newRow("request")
        << acme
        << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U01ANN","team":"T0ACME",
            "text":"Can someone create a read replica for db-billing?","ts":"1700000000.123456"}],
            "has_more":false,"pin_count":0})")
        << QByteArray(R"({"items":[{"kind":"requests","source":"duty","id":"1700000000.123456",
            "title":"Can someone create a read replica for db-billing?","state":"open",
            "created":"2023-11-14T22:13:20.123Z","people":["U01ANN"],
            "url":"https:\/\/acme.slack.com\/archives\/C0DUTY42\/p1700000000123456",
            "severity":"unknown"}],"next":null})");
    QTest::newRow("markup and real name")
        << acme
        << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U01ANN",
            "user_profile":{"real_name":"Ann Lee","display_name":"ann"},
            "text":"<@U02BOB|bob> asks: <https:\/\/wiki.acme.io\/x|the runbook> &amp; <#C0SRE|sre>\nmore",
            "ts":"1700000000.000100"}]})")
        << QByteArray(R"({"items":[{"title":"@bob asks: the runbook & #sre","people":["Ann Lee"]}]})");
    QTest::newRow("only top-level human messages")
        << acme
        << QByteArray(R"({"ok":true,"messages":[
            {"type":"message","subtype":"channel_join","user":"U03NEW","text":"<@U03NEW> has joined the channel","ts":"1700000006.000000"},
            {"type":"message","subtype":"bot_message","bot_id":"B0CI","text":"build failed","ts":"1700000005.000000"},
            {"type":"message","user":"U0BOT","bot_id":"B0BOT","app_id":"A0","text":"Andon on sftp","ts":"1700000004.000000"},
            {"type":"message","user":"U02BOB","text":"a reply","ts":"1700000003.000000","thread_ts":"1700000001.000000","parent_user_id":"U01ANN"},
            {"type":"message","subtype":"thread_broadcast","user":"U02BOB","text":"also sent to channel","ts":"1700000002.000000","thread_ts":"1700000001.000000"},
            {"type":"message","user":"U01ANN","text":"parent","ts":"1700000001.000000","thread_ts":"1700000001.000000","reply_count":3,"reply_users_count":1,"latest_reply":"1700000003.000000"}]})")
        << QByteArray(R"({"items":[{"id":"1700000001.000000","title":"parent","state":"open · 3 replies"}]})");
    QTest::newRow("reactions")
        << acme
        << QByteArray(R"({"ok":true,"messages":[
            {"type":"message","user":"U1","text":"taken","ts":"1700000004.000000","reactions":[{"name":"eyes","users":["U9"],"count":1}]},
            {"type":"message","user":"U1","text":"taken, answered","ts":"1700000003.000000","reply_count":1,"thread_ts":"1700000003.000000",
             "reactions":[{"name":"thumbsup","users":["U8"],"count":1},{"name":"eyes","users":["U9"],"count":1}]},
            {"type":"message","user":"U1","text":"done","ts":"1700000002.000000","reactions":[{"name":"eyes","users":["U9"],"count":1},{"name":"white_check_mark","users":["U9"],"count":1}]},
            {"type":"message","user":"U1","text":"thumbs only","ts":"1700000001.000000","reactions":[{"name":"thumbsup","users":["U8"],"count":2}]}]})")
        << QByteArray(R"({"items":[{"title":"taken","state":"taken"},
            {"title":"taken, answered","state":"taken · 1 reply"},{"title":"thumbs only","state":"open"}]})");
    QTest::newRow("empty text") << acme
                                << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"","ts":"1.5"}]})")
                                << QByteArray(R"j({"items":[{"title":"(no text)","created":"1970-01-01T00:00:01.500Z"}]})j");
    QTest::newRow("next page")
        << acme
        << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.0"}],
            "has_more":true,"response_metadata":{"next_cursor":"bmV4dA=="}})")
        << QByteArray(R"({"items":[{"id":"1.0"}],
            "next":"http:\/\/slack.test\/api\/conversations.history?channel=C0DUTY42&limit=100&cursor=bmV4dA%3D%3D"})");
    QTest::newRow("no cursor ends")
        << acme << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.0"}],"has_more":true})")
        << QByteArray(R"({"items":[{"id":"1.0"}],"next":null})");
    QTest::newRow("filtered page still paginates")
        << acme
        << QByteArray(R"({"ok":true,"messages":[{"type":"message","bot_id":"B1","text":"x","ts":"2.0"}],
            "has_more":true,"response_metadata":{"next_cursor":"abc"}})")
        << QByteArray(R"({"items":[],"next":"http:\/\/slack.test\/api\/conversations.history?channel=C0DUTY42&limit=100&cursor=abc"})");
    QTest::newRow("permalink_base")
        << QByteArray(R"({"permalink_base":"https:\/\/acme.enterprise.slack.com\/"})")
        << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.000200"}]})")
        << QByteArray(R"({"items":[{"url":"https:\/\/acme.enterprise.slack.com\/archives\/C0DUTY42\/p1000200"}]})");
    QTest::newRow("no workspace: the channel")
        << QByteArray("{}")
        << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.000200"}]})")
        << QByteArray(R"({"items":[{"url":"https:\/\/slack.com\/app_redirect?channel=C0DUTY42"}]})");

    const auto refusal = [](const char *row, const char *body, const char *error) {
        QTest::newRow(row) << QByteArray("{}") << QByteArray(body)
                           << QByteArray::fromStdString(json{{"items", json::array()}, {"error", error}}.dump());
    };
    refusal("not_in_channel", R"({"ok":false,"error":"not_in_channel"})",
            "Slack refused: not_in_channel (invite the bot to the channel)");
    refusal("invalid_auth", R"({"ok":false,"error":"invalid_auth"})",
            "Slack refused: invalid_auth (token refused: check the token)");
    refusal("not_authed", R"({"ok":false,"error":"not_authed"})",
            "Slack refused: not_authed (token refused: check the token)");
    refusal("channel_not_found", R"({"ok":false,"error":"channel_not_found"})",
            "Slack refused: channel_not_found (check \"channel\": it takes the channel ID such as "
            "C0123456, and a private channel must have the bot in it)");
    refusal("missing_scope",
            R"({"ok":false,"error":"missing_scope","needed":"channels:history","provided":"chat:write"})",
            "Slack refused: missing_scope (the token lacks the scope channels:history)");
    refusal("ratelimited", R"({"ok":false,"error":"ratelimited"})",
            "Slack refused: ratelimited (rate-limited: trying again later)");
    refusal("unknown code", R"({"ok":false,"error":"fatal_error"})", "Slack refused: fatal_error");
    refusal("no code", R"({"ok":false})", "Slack refused: (no error code)");
    refusal("no ok", R"({"messages":[]})", "JSON of the wrong shape at /ok: expected true or false");
    refusal("messages not array", R"({"ok":true,"messages":{}})",
            "JSON of the wrong shape at /messages: expected an array of messages");
    refusal("message without ts", R"({"ok":true,"messages":[{"type":"message","user":"U1","ts":"1.0"},{"type":"message","text":"x"}]})",
            "JSON of the wrong shape at /messages/1/ts: expected a string");
    refusal("message not object", R"({"ok":true,"messages":[7]})",
            "JSON of the wrong shape at /messages/0: expected a message object");
    refusal("login page", "<!DOCTYPE html><html><body>Sign in to Slack</body></html>",
            "not JSON (got an HTML page: login?)");
    refusal("truncated", R"({"ok":true,"messages":[)", "not JSON (parse error at byte 24)");
}

void TestSlack::mapping() {
    QFETCH(QByteArray, extra);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const SlackConnector connector(slackConfig(apiBase, withChannel(json::parse(extra))));
    const ParsedPage page = connector.parsePage(answer(body));
    const QString problems = matchPage(page, json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestSlack::fetchWalksPagesPastFilteredOnes() {
    m_slack.setMessages(json::array({
        human(tsAgo(1, 7), "newest request"),
        {{"type", "message"}, {"subtype", "bot_message"}, {"bot_id", "B1"}, {"text", "ci"}, {"ts", tsAgo(2, 6)}},
        {{"type", "message"}, {"user", "U0BOT"}, {"bot_id", "B2"}, {"text", "andon"}, {"ts", tsAgo(3, 5)}},
        {{"type", "message"}, {"subtype", "channel_join"}, {"user", "U3"}, {"text", "joined"}, {"ts", tsAgo(4, 4)}},
        human(tsAgo(10, 3), "older request"),
        {{"type", "message"}, {"user", "U1"}, {"text", "done one"}, {"ts", tsAgo(20, 2)},
         {"reactions", {{{"name", "white_check_mark"}, {"users", {"U9"}}, {"count", 1}}}}},
        human(tsAgo(100 * 60, 1), "four days old"),
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

void TestSlack::fetchRateLimitedAndRefused() {
    m_slack.setMessages(json::array({human(tsAgo(1, 1), "hello")}));
    m_slack.rateLimit(1, 120);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    FetchOutcome outcome = fetch(withChannel(json::object()));
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.startsWith(QLatin1String("rate-limited until ")), qPrintable(outcome.error));
    QVERIFY(qAbs(before.secsTo(outcome.retryAt) - 120) <= 2);

    m_slack.failWith(QStringLiteral("not_in_channel"));
    outcome = fetch(withChannel(json::object()));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error, QStringLiteral("Slack refused: not_in_channel (invite the bot to the channel)"));
    QVERIFY(!outcome.retryAt.isValid());
    m_slack.failWith(QString());

    outcome = fetch(withChannel(json::object()));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.items.size(), std::size_t(1));
}

void TestSlack::writesReachSlackAndShowOnTheNextRead() {
    const std::string ts = tsAgo(5, 1);
    m_slack.setMessages(json::array({human(ts, "please rotate the sftp key")}));
    const json extra = withChannel({{"workspace", "acme"}});
    const SlackConnector connector(slackConfig(m_slack.baseUrl(), extra));

    WriteAction take;
    take.kind = WriteKind::React;
    take.itemId = QString::fromStdString(ts);
    take.reaction = QStringLiteral("eyes");
    QVERIFY(connector.supportsWrite(WriteKind::React));
    m_slack.clearRequests();
    WriteOutcome outcome = connector.parseWriteResult(take, send(connector.writeRequest(take)));
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
    outcome = connector.parseWriteResult(take, send(connector.writeRequest(take)));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));

    WriteAction reply;
    reply.kind = WriteKind::Reply;
    reply.itemId = QString::fromStdString(ts);
    reply.text = QStringLiteral("Run: rotate-key --host sftp-1 > /tmp/out & check <docs>");
    m_slack.clearRequests();
    outcome = connector.parseWriteResult(reply, send(connector.writeRequest(reply)));
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
    outcome = connector.parseWriteResult(andon, send(connector.writeRequest(andon)));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(bodyOf(m_slack.requests().value(0)),
             json({{"channel", "C0DUTY42"},
                   {"text", "\xF0\x9F\x9B\x91 Andon on *sftp*: no backups (raised by alice)"}}));
    QCOMPARE(m_slack.messages().size(), std::size_t(2)); // posted to the channel…
    QCOMPARE(fetchItems(extra).size(), std::size_t(1));  // …by the bot: not a request

    WriteAction done = take;
    done.reaction = QStringLiteral("white_check_mark");
    outcome = connector.parseWriteResult(done, send(connector.writeRequest(done)));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QVERIFY(fetchItems(extra).empty()); // done requests leave the panel
}

void TestSlack::writeMessages() {
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
    for (const WriteKind kind : {WriteKind::CreateBug, WriteKind::CreateCard, WriteKind::CreateSilence})
        QVERIFY(!connector.supportsWrite(kind));
    for (const WriteKind kind : {WriteKind::ResolveAndon, WriteKind::CreateIncident, WriteKind::Reply})
        QVERIFY(connector.supportsWrite(kind));
}

void TestSlack::writeRefusals() {
    const SlackConnector connector(slackConfig(m_slack.baseUrl(), withChannel(json::object())));
    WriteAction take;
    take.kind = WriteKind::React;
    take.itemId = QStringLiteral("1.0");
    take.reaction = QStringLiteral("eyes");

    m_slack.failWith(QStringLiteral("not_in_channel"));
    WriteOutcome outcome = connector.parseWriteResult(take, send(connector.writeRequest(take)));
    m_slack.failWith(QString());
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("Slack refused: not_in_channel (invite the bot to the channel)"));

    outcome = connector.parseWriteResult(take, send(connector.writeRequest(take)));
    QVERIFY(!outcome.accepted); // HTTP 200, ok:false
    QCOMPARE(outcome.error, QStringLiteral("Slack refused: message_not_found (the message is gone)"));

    m_slack.rateLimit(1, 30);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    outcome = connector.parseWriteResult(take, send(connector.writeRequest(take)));
    QVERIFY(!outcome.accepted);
    QVERIFY(qAbs(now.secsTo(outcome.retryAt) - 30) <= 2);

    HttpResult limited = answer(R"({"ok":false,"error":"ratelimited"})");
    outcome = connector.parseWriteResult(take, limited);
    QVERIFY(!outcome.accepted);
    QVERIFY(qAbs(now.secsTo(outcome.retryAt) - 60) <= 2);

    outcome = connector.parseWriteResult(take, answer("<html><body>SSO</body></html>"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("Slack: not JSON (got an HTML page: login?)"));
    outcome = connector.parseWriteResult(take, answer("{}"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("Slack: JSON of the wrong shape at /ok: expected true or false"));
    // already_reacted is only fine for a reaction.
    WriteAction reply;
    reply.kind = WriteKind::Reply;
    QVERIFY(!connector.parseWriteResult(reply, answer(R"({"ok":false,"error":"already_reacted"})")).accepted);
}

void TestSlack::printListsRequests() {
    m_slack.setMessages(json::array({
        human(tsAgo(3, 2), "<@U02BOB> can I get a staging DB?"),
        {{"type", "message"}, {"user", "U0BOT"}, {"bot_id", "B0"}, {"text", "andon"}, {"ts", tsAgo(4, 1)}},
        {{"type", "message"}, {"user", "U04CAT"}, {"text", "grant me S3 access"}, {"ts", tsAgo(9, 0)},
         {"reactions", {{{"name", "eyes"}, {"users", {"U9"}}, {"count", 1}}}}},
    }));
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
    env.insert(QStringLiteral("DUTYBOARD_TEST_SLACK_TOKEN"), QString::fromLatin1(SlackFixture::token));
    const DutyboardRun run = runDutyboard(
        {QStringLiteral("--config"), writeConfig(dir, QByteArray::fromStdString(config.dump())),
         QStringLiteral("--print")},
        env);
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

void TestSlack::printInvalidAuthExitsTwo() {
    QTemporaryDir dir;
    const json config = {{"sources",
                          {{{"name", "duty"},
                            {"type", "slack"},
                            {"panel", "requests"},
                            {"url", m_slack.baseUrl().toStdString()},
                            {"channel", SlackFixture::channel},
                            {"auth", {{"token_env", "DUTYBOARD_TEST_SLACK_TOKEN"}}}}}}};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DUTYBOARD_TEST_SLACK_TOKEN"), QStringLiteral("xoxb-revoked-0000000"));
    const DutyboardRun run = runDutyboard(
        {QStringLiteral("--config"), writeConfig(dir, QByteArray::fromStdString(config.dump())),
         QStringLiteral("--print")},
        env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("dutyboard: source duty failed: Slack refused: invalid_auth (token "
                              "refused: check the token)"),
             run.err.constData());
    const json board = json::parse(run.out.toStdString());
    QCOMPARE(board.at("sources")[0].at("health"), json("failed"));
}

QTEST_GUILESS_MAIN(TestSlack)
#include "tst_slack.moc"
