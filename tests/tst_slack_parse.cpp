// SPDX-License-Identifier: MIT
// The Slack connector without a server: config checks, the first request, Slack's markup made
// plain, and conversations.history answers mapped to requests (table-driven, with every
// refusal as a person reads it).
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/connectors/SlackConnector.h"
#include "core/sources/connectors/SlackMessages.h"
#include "tests/support/ItemMatch.h"
#include "tests/support/SlackFixture.h"
#include "tests/support/SlackSource.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"

#include <QtTest>

using nlohmann::json;

namespace {

const QByteArray apiBase = slackOfflineApi();

} // namespace

class TestSlackParse final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void configErrors_data();
    void configErrors();
    void firstRequest();
    void plainText_data();
    void plainText();
    void mapping_data();
    void mapping();
};

void TestSlackParse::configErrors_data() {
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
    QTest::newRow("hours as text")
        << QByteArray(R"({"channel":"C1","oldest_hours":"72"})") << "/sources/0/oldest_hours"
        << "expected a number of hours from 1 to 8784";
    QTest::newRow("workspace URL")
        << QByteArray(R"({"channel":"C1","workspace":"Acme Corp"})") << "/sources/0/workspace"
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

void TestSlackParse::configErrors() {
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

void TestSlackParse::firstRequest() {
    const SlackConnector plain(slackConfig(apiBase, withChannel(json::object())));
    HttpRequest r = plain.firstRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.url, apiBase + "/conversations.history?channel=C0DUTY42&limit=100");
    QVERIFY(r.headers.contains(
        qMakePair(QByteArray("Authorization"), QByteArray("Bearer ") + SlackFixture::token)));

    const SlackConnector recent(slackConfig(apiBase, withChannel({{"oldest_hours", 72}})));
    r = recent.firstRequest();
    const QByteArray prefix = apiBase + "/conversations.history?channel=C0DUTY42&limit=100&oldest=";
    QVERIFY2(r.url.startsWith(prefix), r.url.constData());
    const qint64 oldest = r.url.mid(prefix.size()).toLongLong();
    const qint64 expected = QDateTime::currentSecsSinceEpoch() - 72 * 3600;
    QVERIFY2(qAbs(oldest - expected) < 5, r.url.constData());
}

void TestSlackParse::plainText_data() {
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
    QTest::newRow("labelled link")
        << QByteArray("read <https:\x2f/x.io/a?b=1&amp;c=2|the runbook>") << "read the runbook";
    QTest::newRow("bare link") << QByteArray("<https:\x2f/x.io/a>") << "https://x.io/a";
    QTest::newRow("mail") << QByteArray("<mailto:ann@acme.io|ann@acme.io>") << "ann@acme.io";
    QTest::newRow("entities") << QByteArray("a &lt;b&gt; &amp;&amp; c") << "a <b> && c";
    QTest::newRow("unclosed") << QByteArray("x < y and <@U1") << "x < y and <@U1";
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9 \xf0\x9f\x94\xa5") << "café 🔥";
}

void TestSlackParse::plainText() {
    QFETCH(QByteArray, text);
    QFETCH(QString, plain);
    QCOMPARE(slackPlainText(std::string_view(text.constData(), text.size())), plain);
}

void TestSlackParse::mapping_data() {
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
        << acme << QByteArray(R"({"ok":true,"messages":[{"type":"message","user":"U01ANN",
            "user_profile":{"real_name":"Ann Lee","display_name":"ann"},
            "text":"<@U02BOB|bob> asks: <https:\/\/wiki.acme.io\/x|the runbook> &amp; <#C0SRE|sre>\nmore",
            "ts":"1700000000.000100"}]})")
        << QByteArray(
               R"({"items":[{"title":"@bob asks: the runbook & #sre","people":["Ann Lee"]}]})");
    QTest::newRow("only top-level human messages")
        << acme << QByteArray(R"({"ok":true,"messages":[
            {"type":"message","subtype":"channel_join","user":"U03NEW","text":"<@U03NEW> has joined the channel","ts":"1700000006.000000"},
            {"type":"message","subtype":"bot_message","bot_id":"B0CI","text":"build failed","ts":"1700000005.000000"},
            {"type":"message","user":"U0BOT","bot_id":"B0BOT","app_id":"A0","text":"Andon on sftp","ts":"1700000004.000000"},
            {"type":"message","user":"U02BOB","text":"a reply","ts":"1700000003.000000","thread_ts":"1700000001.000000","parent_user_id":"U01ANN"},
            {"type":"message","subtype":"thread_broadcast","user":"U02BOB","text":"also sent to channel","ts":"1700000002.000000","thread_ts":"1700000001.000000"},
            {"type":"message","user":"U01ANN","text":"parent","ts":"1700000001.000000","thread_ts":"1700000001.000000","reply_count":3,"reply_users_count":1,"latest_reply":"1700000003.000000"}]})")
        << QByteArray(
               R"({"items":[{"id":"1700000001.000000","title":"parent","state":"open · 3 replies"}]})");
    QTest::newRow("reactions") << acme << QByteArray(R"({"ok":true,"messages":[
            {"type":"message","user":"U1","text":"taken","ts":"1700000004.000000","reactions":[{"name":"eyes","users":["U9"],"count":1}]},
            {"type":"message","user":"U1","text":"taken, answered","ts":"1700000003.000000","reply_count":1,"thread_ts":"1700000003.000000",
             "reactions":[{"name":"thumbsup","users":["U8"],"count":1},{"name":"eyes","users":["U9"],"count":1}]},
            {"type":"message","user":"U1","text":"done","ts":"1700000002.000000","reactions":[{"name":"eyes","users":["U9"],"count":1},{"name":"white_check_mark","users":["U9"],"count":1}]},
            {"type":"message","user":"U1","text":"thumbs only","ts":"1700000001.000000","reactions":[{"name":"thumbsup","users":["U8"],"count":2}]}]})")
                               << QByteArray(R"({"items":[{"title":"taken","state":"taken"},
            {"title":"taken, answered","state":"taken · 1 reply"},{"title":"thumbs only","state":"open"}]})");
    QTest::newRow("empty text")
        << acme
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"","ts":"1.5"}]})")
        << QByteArray(
               R"j({"items":[{"title":"(no text)","created":"1970-01-01T00:00:01.500Z"}]})j");
    QTest::newRow("next page")
        << acme
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.0"}],
            "has_more":true,"response_metadata":{"next_cursor":"bmV4dA=="}})")
        << QByteArray(R"({"items":[{"id":"1.0"}],
            "next":"http:\/\/slack.test\/api\/conversations.history?channel=C0DUTY42&limit=100&cursor=bmV4dA%3D%3D"})");
    QTest::newRow("no cursor ends")
        << acme
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.0"}],"has_more":true})")
        << QByteArray(R"({"items":[{"id":"1.0"}],"next":null})");
    QTest::newRow("filtered page still paginates")
        << acme
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","bot_id":"B1","text":"x","ts":"2.0"}],
            "has_more":true,"response_metadata":{"next_cursor":"abc"}})")
        << QByteArray(
               R"({"items":[],"next":"http:\/\/slack.test\/api\/conversations.history?channel=C0DUTY42&limit=100&cursor=abc"})");
    QTest::newRow("permalink_base")
        << QByteArray(R"({"permalink_base":"https:\/\/acme.enterprise.slack.com\/"})")
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.000200"}]})")
        << QByteArray(
               R"({"items":[{"url":"https:\/\/acme.enterprise.slack.com\/archives\/C0DUTY42\/p1000200"}]})");
    QTest::newRow("no workspace: the channel")
        << QByteArray("{}")
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","user":"U1","text":"x","ts":"1.000200"}]})")
        << QByteArray(
               R"({"items":[{"url":"https:\/\/slack.com\/app_redirect?channel=C0DUTY42"}]})");

    const auto refusal = [](const char *row, const char *body, const char *error) {
        QTest::newRow(row) << QByteArray("{}") << QByteArray(body)
                           << QByteArray::fromStdString(
                                  json{{"items", json::array()}, {"error", error}}.dump());
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
    refusal(
        "missing_scope",
        R"({"ok":false,"error":"missing_scope","needed":"channels:history","provided":"chat:write"})",
        "Slack refused: missing_scope (the token lacks the scope channels:history)");
    refusal("ratelimited", R"({"ok":false,"error":"ratelimited"})",
            "Slack refused: ratelimited (rate-limited: trying again later)");
    refusal("unknown code", R"({"ok":false,"error":"fatal_error"})", "Slack refused: fatal_error");
    refusal("no code", R"({"ok":false})", "Slack refused: (no error code)");
    refusal("no ok", R"({"messages":[]})",
            "JSON of the wrong shape at /ok: expected true or false");
    refusal("messages not array", R"({"ok":true,"messages":{}})",
            "JSON of the wrong shape at /messages: expected an array of messages");
    // A message that cannot be read is left out and counted; the others are read.
    QTest::newRow("message without ts")
        << QByteArray("{}")
        << QByteArray(
               R"({"ok":true,"messages":[{"type":"message","user":"U1","ts":"1.0"},{"type":"message","text":"x"}]})")
        << QByteArray(R"({"items":[{"id":"1.0"}],
               "unreadable":"1 item unreadable: /messages/1/ts expected a string"})");
    QTest::newRow("message not object")
        << QByteArray("{}")
        << QByteArray(
               R"({"ok":true,"messages":[7,{"type":"message","user":"U1","ts":"2.0"},{"ts":3}]})")
        << QByteArray(R"({"items":[{"id":"2.0"}],
               "unreadable":"2 items unreadable: /messages/0 expected a message object"})");
    refusal("login page", "<!DOCTYPE html><html><body>Sign in to Slack</body></html>",
            "not JSON (got an HTML page: login?)");
    refusal("truncated", R"({"ok":true,"messages":[)", "not JSON (parse error at byte 24)");
}

void TestSlackParse::mapping() {
    QFETCH(QByteArray, extra);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const SlackConnector connector(slackConfig(apiBase, withChannel(json::parse(extra))));
    const ParsedPage page = connector.parsePage(cannedAnswer(body));
    const QString problems = matchPage(page, json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QTEST_GUILESS_MAIN(TestSlackParse)
#include "tst_slack_parse.moc"
