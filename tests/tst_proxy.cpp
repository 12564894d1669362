// SPDX-License-Identifier: MIT
// A per-source proxy is used: a tiny forward proxy on loopback sees the request in absolute
// form ("GET http://127.0.0.1:PORT/… HTTP/1.1") and answers it; the target never sees it.
#include "core/config/AppConfig.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

#include <cstdlib>
#include <memory>
#include <optional>

class TestProxy final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void perSourceProxyIsUsed();
    void environmentProxyIsHonoured();

private:
    HttpResult fetch(const HttpRequest &request);

    HttpClient m_http;
    // The "upstream" server: answers directly when asked directly.
    LoopbackHttpServer m_target{
        [](const HttpServerRequest &) { return HttpServerResponse::json(R"([])"); }};
    // The proxy answers itself (it does not forward), saying which absolute URL it was asked for.
    LoopbackHttpServer m_proxy{[](const HttpServerRequest &r) {
        if (!r.target.startsWith("http://"))
            return HttpServerResponse::text("not a proxy request\n", 400);
        return HttpServerResponse::json(
            R"([{"fingerprint":"via-proxy","labels":{"alertname":"ViaProxy"},"annotations":{"summary":")" +
            r.target + R"("}}])");
    }};
};

void TestProxy::initTestCase() {
    prepareTestEnvironment(); // clears http_proxy and friends
    for (const char *name : {"no_proxy", "NO_PROXY"})
        unsetenv(name);
    QVERIFY(m_target.start());
    QVERIFY(m_proxy.start());
}

HttpResult TestProxy::fetch(const HttpRequest &request) {
    auto result = std::make_shared<std::optional<HttpResult>>();
    m_http.send(request, this, [result](const HttpResult &r) { *result = r; });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, 10000))
        return {};
    return **result;
}

void TestProxy::perSourceProxyIsUsed() {
    const QByteArray config = R"({"sources":[{"name":"am","type":"alertmanager","panel":"incidents",
        "url":")" + m_target.baseUrl() +
                              R"(","proxy":")" + m_proxy.baseUrl() + R"("}]})";
    const auto connector = ConnectorRegistry::builtin().create(
        parseConfig(config, QStringLiteral("p.json")).sources.at(0));
    const HttpResult r = fetch(connector->firstRequest());
    QVERIFY2(r.ok(), qPrintable(r.errorText));
    const HttpServerRequest seen = m_proxy.lastRequest();
    QCOMPARE(seen.method, QByteArray("GET"));
    QCOMPARE(seen.target,
             m_target.baseUrl() + "/api/v2/alerts?active=true&silenced=true&inhibited=true");
    QCOMPARE(m_target.requestCount(), 0);
    const ParsedPage page = connector->parsePage(r);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.items.at(0).title, QString::fromUtf8(seen.target));

    // Without the key, the same source goes straight to the target.
    QByteArray direct = config;
    direct.replace(R"(,"proxy":")" + m_proxy.baseUrl() + '"', "");
    const HttpResult d =
        fetch(ConnectorRegistry::builtin()
                  .create(parseConfig(direct, QStringLiteral("d.json")).sources.at(0))
                  ->firstRequest());
    QVERIFY2(d.ok(), qPrintable(d.errorText));
    QCOMPARE(m_target.requestCount(), 1);
}

void TestProxy::environmentProxyIsHonoured() {
    const int before = m_proxy.requestCount();
    qputenv("http_proxy", m_proxy.baseUrl());
    HttpRequest request;
    request.url = m_target.baseUrl() + "/env";
    const HttpResult r = fetch(request);
    unsetenv("http_proxy");
    QVERIFY2(r.ok(), qPrintable(r.errorText));
    QCOMPARE(m_proxy.requestCount(), before + 1);
    QCOMPARE(m_proxy.lastRequest().target, m_target.baseUrl() + "/env");
}

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
