// SPDX-License-Identifier: MIT
// The generic connector's "write" webhook: the section is checked when the config is read, and
// each action arrives at a real loopback server with the configured method, path, headers and a
// body whose placeholders were filled inside the JSON (quotes, newlines and braces intact).
#include "core/config/ConfigError.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/Acknowledging.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/TestEnvironment.h"

#include <QMutex>
#include <QtTest>

#include <memory>
#include <optional>

using nlohmann::json;

namespace {

const char *const readPart = R"({"name":"hooks","type":"generic","panel":"andons",
    "path":"/api/andons","items":"/data","fields":{"id":"/id","title":"/title"}})";

SourceConfig webhookConfig(const QByteArray &url, const json &write) {
    SourceConfig c;
    c.name = QStringLiteral("hooks");
    c.type = QStringLiteral("generic");
    c.panel = ItemKind::Andon;
    c.url = url;
    c.pointer = QStringLiteral("/sources/1");
    c.auth.type = QStringLiteral("bearer");
    c.auth.secret = QByteArrayLiteral("hook-token-5b2d4680");
    c.raw = json::parse(readPart);
    if (!write.is_null())
        c.raw["write"] = write;
    return c;
}

// The write section of the README's example.
json exampleWrite() {
    return json::parse(R"j({"method":"POST","path":"/hooks/andon","headers":{"X-Team":"sre"},
        "body":{"text":"Andon on {{project}}: {{reason}} ({{raised_by}})","kind":"{{kind}}",
                "meta":{"labels":"{{labels}}","list":["{{decision}}",7,true,null]}},
        "kinds":["raise-andon","resolve-andon","create-incident","create-bug","create-card","reply"]})j");
}

} // namespace

class TestWebhook final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void configErrors_data();
    void configErrors();
    void kinds();
    void bodyIsFilledInsideTheJson();
    void pathPlaceholdersAreEncoded();
    void createdIdAndFailures();
    void acknowledgeAndRelease();

private:
    WriteOutcome write(const Connector &connector, const WriteAction &action);

    HttpClient m_http;
    std::unique_ptr<LoopbackHttpServer> m_server;
    QMutex m_mutex; // guards m_next, read on the server thread
    HttpServerResponse m_next = HttpServerResponse::json("{}");
    void answerWith(const HttpServerResponse &response) {
        QMutexLocker lock(&m_mutex);
        m_next = response;
    }
};

void TestWebhook::initTestCase() {
    prepareTestEnvironment();
    m_server = std::make_unique<LoopbackHttpServer>([this](const HttpServerRequest &) {
        QMutexLocker lock(&m_mutex);
        return m_next;
    });
    QVERIFY(m_server->start());
}

WriteOutcome TestWebhook::write(const Connector &connector, const WriteAction &action) {
    auto result = std::make_shared<std::optional<HttpResult>>();
    m_http.send(connector.writeRequest(action), this,
                [result](const HttpResult &r) { *result = r; });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, 10000))
        return {};
    return connector.parseWriteResult(action, **result);
}

void TestWebhook::configErrors_data() {
    QTest::addColumn<QByteArray>("write");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("start"); // of the message
    QTest::newRow("not object") << QByteArray(R"("http:\/\/hook")") << "/sources/1/write"
                                << "expected an object";
    QTest::newRow("GET") << QByteArray(R"({"method":"GET","path":"/h","body":{}})")
                         << "/sources/1/write/method"
                         << "expected \"POST\", \"PUT\" or \"PATCH\"";
    QTest::newRow("no path") << QByteArray(R"({"body":{}})") << "/sources/1/write/path"
                             << "expected a string";
    QTest::newRow("no body") << QByteArray(R"({"path":"/h"})") << "/sources/1/write/body"
                             << "expected a JSON object";
    QTest::newRow("text body") << QByteArray(R"({"path":"/h","body":"{{reason}}"})")
                               << "/sources/1/write/body"
                               << "expected a JSON object";
    QTest::newRow("unknown placeholder")
        << QByteArray(R"({"path":"/h","body":{"a/b":[1,{"t":"x {{ proj }}"}]}})")
        << "/sources/1/write/body/a~1b/1/t"
        << "{{proj}} is not a placeholder: expected one of kind, title";
    QTest::newRow("unclosed") << QByteArray(R"({"path":"/h","body":{"t":"{{reason"}})")
                              << "/sources/1/write/body/t"
                              << "expected \"}}\" after \"{{\"";
    QTest::newRow("path placeholder")
        << QByteArray(R"({"path":"/h/{{id}}","body":{}})") << "/sources/1/write/path"
        << "{{id}} is not a placeholder";
    QTest::newRow("header value") << QByteArray(R"({"path":"/h","body":{},"headers":{"X-A":1}})")
                                  << "/sources/1/write/headers/X-A"
                                  << "expected a string on one line";
    QTest::newRow("header name") << QByteArray(R"({"path":"/h","body":{},"headers":{"X A":"1"}})")
                                 << "/sources/1/write/headers/X A"
                                 << "expected a header name";
    QTest::newRow("header line break")
        << QByteArray(R"({"path":"/h","body":{},"headers":{"X-A":"1\r\nX-B: 2"}})")
        << "/sources/1/write/headers/X-A"
        << "expected a string on one line";
    QTest::newRow("unknown kind")
        << QByteArray(R"({"path":"/h","body":{},"kinds":["raise-andon","andon"]})")
        << "/sources/1/write/kinds/1"
        << "expected one of create-bug, create-incident";
    QTest::newRow("no kinds") << QByteArray(R"({"path":"/h","body":{},"kinds":[]})")
                              << "/sources/1/write/kinds"
                              << "expected a non-empty array";
    QTest::newRow("created pointer")
        << QByteArray(R"({"path":"/h","body":{},"created":{"id":"key"}})")
        << "/sources/1/write/created/id"
        << "expected a JSON pointer";
}

void TestWebhook::configErrors() {
    QFETCH(QByteArray, write);
    QFETCH(QString, pointer);
    QFETCH(QString, start);
    try {
        ConnectorRegistry::builtin().create(
            webhookConfig("http://127.0.0.1:1", json::parse(write)));
        QFAIL("no ConfigError");
    } catch (const ConfigError &e) {
        QCOMPARE(e.pointer(), pointer);
        QVERIFY2(e.message().startsWith(start), qPrintable(e.message()));
    }
}

void TestWebhook::kinds() {
    const auto connector =
        ConnectorRegistry::builtin().create(webhookConfig("http://127.0.0.1:1", exampleWrite()));
    QVERIFY(connector->supportsWrite(WriteKind::RaiseAndon));
    QVERIFY(connector->supportsWrite(WriteKind::CreateBug));
    QVERIFY(!connector->supportsWrite(WriteKind::React));
    QVERIFY(!connector->supportsWrite(WriteKind::CreateSilence));
    const auto readOnly =
        ConnectorRegistry::builtin().create(webhookConfig("http://127.0.0.1:1", json()));
    QVERIFY(!readOnly->supportsWrite(WriteKind::RaiseAndon));
    json all = exampleWrite();
    all.erase("kinds");
    const auto every =
        ConnectorRegistry::builtin().create(webhookConfig("http://127.0.0.1:1", all));
    QVERIFY(every->supportsWrite(WriteKind::React)); // no "kinds": every action…
    // …but "I'm on it", which a webhook takes only when it lists it.
    QVERIFY(!every->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(!every->supportsWrite(WriteKind::Release));
    all["kinds"] = {"acknowledge"};
    const auto acknowledging =
        ConnectorRegistry::builtin().create(webhookConfig("http://127.0.0.1:1", all));
    QVERIFY(acknowledging->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(!acknowledging->supportsWrite(WriteKind::Release));
    QVERIFY(!acknowledging->supportsWrite(WriteKind::RaiseAndon));
}

void TestWebhook::bodyIsFilledInsideTheJson() {
    const auto connector =
        ConnectorRegistry::builtin().create(webhookConfig(m_server->baseUrl(), exampleWrite()));
    WriteAction a;
    a.kind = WriteKind::RaiseAndon;
    a.project = QStringLiteral("sftp \"legacy\"");
    a.reason = QStringLiteral("no backups\nat all: C:\\data {{note}} </script> é");
    a.raisedBy = QStringLiteral("alice");
    a.labels = {QStringLiteral("storage"), QStringLiteral("p1")};
    a.decision = QStringLiteral("continue");
    answerWith(HttpServerResponse::json("{}", 201));
    const WriteOutcome outcome = write(*connector, a);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));

    const HttpServerRequest got = m_server->lastRequest();
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.target, QByteArray("/hooks/andon"));
    QCOMPARE(got.header("x-team"), QByteArray("sre"));
    QCOMPARE(got.header("content-type"), QByteArray("application/json"));
    QCOMPARE(got.header("authorization"), QByteArray("Bearer hook-token-5b2d4680"));
    const json body = json::parse(got.body.toStdString()); // valid JSON, whatever the text held
    QCOMPARE(body, json({{"text", "Andon on sftp \"legacy\": no backups\nat all: C:\\data {{note}} "
                                  "</script> \xC3\xA9 (alice)"},
                         {"kind", "raise-andon"},
                         {"meta",
                          {{"labels", "storage,p1"}, {"list", {"continue", 7, true, nullptr}}}}}));
}

void TestWebhook::pathPlaceholdersAreEncoded() {
    json w = exampleWrite();
    w["method"] = "put";
    w["path"] = "/issues/{{item_id}}/comments?by={{raised_by}}";
    w["headers"] = {{"Content-Type", "application/vnd.api+json"}};
    const auto connector =
        ConnectorRegistry::builtin().create(webhookConfig(m_server->baseUrl(), w));
    WriteAction a;
    a.kind = WriteKind::Reply;
    a.itemId = QStringLiteral("a/b c?");
    a.raisedBy = QStringLiteral("zoé&co");
    a.text = QStringLiteral("on it");
    answerWith(HttpServerResponse::json("{}"));
    QVERIFY(write(*connector, a).accepted);
    const HttpServerRequest got = m_server->lastRequest();
    QCOMPARE(got.method, QByteArray("PUT"));
    QCOMPARE(got.target, QByteArray("/issues/a%2Fb%20c%3F/comments?by=zo%C3%A9%26co"));
    QCOMPARE(got.header("content-type"), QByteArray("application/vnd.api+json"));
}

void TestWebhook::createdIdAndFailures() {
    json w = exampleWrite();
    w["path"] = "/api/bugs";
    w["body"] = {
        {"summary", "{{title}}"}, {"body", "{{description}}"}, {"key", "{{idempotency_key}}"}};
    w["created"] = {{"id", "/key"}, {"url", "/links/html"}};
    const auto connector =
        ConnectorRegistry::builtin().create(webhookConfig(m_server->baseUrl(), w));
    WriteAction bug;
    bug.kind = WriteKind::CreateBug;
    bug.title = QStringLiteral("Replica lag");
    bug.description = QStringLiteral("15 min spent");
    bug.idempotencyKey = QStringLiteral("esc-1");
    answerWith(HttpServerResponse::json(
        R"({"key":"BUG-7","links":{"html":"https:\/\/bugs.example\/BUG-7"}})", 201));
    WriteOutcome outcome = write(*connector, bug);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("BUG-7"));
    QCOMPARE(outcome.createdUrl, QStringLiteral("https://bugs.example/BUG-7"));
    QCOMPARE(json::parse(m_server->lastRequest().body.toStdString()),
             json({{"summary", "Replica lag"}, {"body", "15 min spent"}, {"key", "esc-1"}}));

    answerWith(HttpServerResponse::text("boom", 500));
    outcome = write(*connector, bug);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("HTTP 500 from the server"));

    HttpServerResponse limited = HttpServerResponse::json("{}", 429);
    limited.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("90")});
    answerWith(limited);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    outcome = write(*connector, bug);
    QVERIFY(!outcome.accepted);
    QVERIFY(qAbs(now.secsTo(outcome.retryAt) - 90) <= 2);
}

void TestWebhook::acknowledgeAndRelease() {
    const json w = {{"method", "PUT"},
                    {"path", "/hooks/owners/{{item_id}}"},
                    {"body",
                     {{"event", "{{kind}}"},
                      {"item", "{{item_id}}"},
                      {"by", "{{raised_by}}"},
                      {"title", "{{title}}"}}},
                    {"kinds", {"acknowledge", "release"}}};
    const auto connector =
        ConnectorRegistry::builtin().create(webhookConfig(m_server->baseUrl(), w));
    Item item;
    item.kind = ItemKind::Andon;
    item.source = QStringLiteral("hooks");
    item.id = QStringLiteral("h/7");
    item.title = QStringLiteral("Halt \"sftp\"");
    answerWith(HttpServerResponse::json("{}"));
    OutboxEntry row = deliverThroughOutbox(*connector, acknowledgeAction(item));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    HttpServerRequest got = m_server->lastRequest();
    QCOMPARE(got.method, QByteArray("PUT"));
    QCOMPARE(got.target, QByteArray("/hooks/owners/h%2F7"));
    QCOMPARE(got.header("authorization"), QByteArray("Bearer hook-token-5b2d4680"));
    QCOMPARE(got.header("content-type"), QByteArray("application/json"));
    QCOMPARE(json::parse(got.body.toStdString()), json({{"event", "acknowledge"},
                                                        {"item", "h/7"},
                                                        {"by", "victor"},
                                                        {"title", "Halt \"sftp\""}}));

    row = deliverThroughOutbox(*connector, releaseAction(item));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QCOMPARE(json::parse(m_server->lastRequest().body.toStdString()).at("event"), "release");

    answerWith(HttpServerResponse::text("no such andon", 404));
    row = deliverThroughOutbox(*connector, releaseAction(item));
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError, QStringLiteral("not found (HTTP 404): check the URL"));
}

QTEST_GUILESS_MAIN(TestWebhook)
#include "tst_webhook.moc"
