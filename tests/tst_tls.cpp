// SPDX-License-Identifier: MIT
// TLS per source over real handshakes: a custom CA bundle, verification off (and the permanent
// warning the poller sets for it), and a client certificate that the server requires.
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/http/HttpClient.h"
#include "core/http/ResponseCheck.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TlsTestServer.h"

#include <QtTest>

#include <memory>
#include <optional>

class TestTls final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void customCaVerifies();
    void withoutTheCaIsATlsError();
    void verifyOffWorksAndWarns();
    void clientCertificateGiven();
    void clientCertificateMissing();
    void opensslServerWantsTheCertificate();
    void configReachesTheRequest();

private:
    HttpResult get(const QByteArray &url, const TlsOptions &tls);

    HttpClient m_http;
    TlsTestServer m_server;       // no client certificate asked
    TlsTestServer m_strictServer; // client certificate required and verified
};

void TestTls::initTestCase() {
    prepareTestEnvironment();
    QVERIFY2(m_server.start(false), qPrintable(m_server.failure()));
    QVERIFY2(m_strictServer.start(true), qPrintable(m_strictServer.failure()));
}

HttpResult TestTls::get(const QByteArray &url, const TlsOptions &tls) {
    HttpRequest request;
    request.url = url + "/api/v2/alerts";
    request.tls = tls;
    request.timeoutMs = 5000;
    request.conditional = false;
    auto result = std::make_shared<std::optional<HttpResult>>();
    m_http.send(request, this, [result](const HttpResult &r) { *result = r; });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, 10000)) {
        HttpResult none;
        none.errorText = QStringLiteral("no answer within 10 s");
        none.error = HttpError::Timeout;
        return none;
    }
    return **result;
}

void TestTls::customCaVerifies() {
    TlsOptions tls;
    tls.caFile = m_server.caFile();
    const HttpResult r = get(m_server.baseUrl(), tls);
    QVERIFY2(r.ok(), qPrintable(r.errorText));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("\"client\":\"none\""));
}

void TestTls::withoutTheCaIsATlsError() {
    const int served = m_server.requestsServed();
    const HttpResult r = get(m_server.baseUrl(), TlsOptions());
    QCOMPARE(r.error, HttpError::Tls);
    QVERIFY2(r.errorText.contains(QLatin1String("certificate")), qPrintable(r.errorText));
    const QString said = describeHttpFailure(r);
    QVERIFY2(said.startsWith(QLatin1String("TLS error (SSL certificate problem: ")),
             qPrintable(said));
    QVERIFY2(said.endsWith(QLatin1String(": set tls.ca_file to the CA that signed the server's "
                                         "certificate")),
             qPrintable(said));
    QCOMPARE(m_server.requestsServed(), served); // nothing was sent to an unverified server
}

void TestTls::verifyOffWorksAndWarns() {
    TlsOptions off;
    off.verify = false;
    const HttpResult r = get(m_server.baseUrl(), off);
    QVERIFY2(r.ok(), qPrintable(r.errorText));
    QCOMPARE(r.status, 200);

    // Through the poller: the source works, and its health carries the permanent warning.
    const QByteArray config = R"({"sources":[
        {"name":"lax","type":"alertmanager","panel":"incidents","url":")" +
                              m_server.baseUrl() +
                              R"(","tls":{"verify":false}},
        {"name":"strict","type":"alertmanager","panel":"incidents","url":")" +
                              m_server.baseUrl() + R"(","tls":{"ca_file":")" +
                              m_server.caFile().toUtf8() + R"("}}]})";
    const AppConfig app = parseConfig(config, QStringLiteral("tls.json"));
    Board board;
    SourceSet sources; // outlives the poller
    Poller poller(&board, &m_http);
    for (const SourceConfig &source : app.sources)
        poller.addSource(sources.add(ConnectorRegistry::builtin().create(source)));
    QSignalSpy answered(&board, &Board::allAnswered);
    poller.fetchAllOnce();
    QVERIFY(answered.wait(10000));
    const SourceInfo *lax = board.health()->source(QStringLiteral("lax"));
    const SourceInfo *strict = board.health()->source(QStringLiteral("strict"));
    QVERIFY(lax && strict);
    QCOMPARE(lax->health.state, HealthState::Ok);
    QVERIFY(lax->health.tlsVerifyOff);
    QCOMPARE(strict->health.state, HealthState::Ok);
    QVERIFY(!strict->health.tlsVerifyOff);
    QVERIFY(board.health()
                ->data(board.health()->index(0), SourceHealthModel::TlsVerifyOffRole)
                .toBool());
}

void TestTls::clientCertificateGiven() {
    TlsOptions tls;
    tls.caFile = m_strictServer.caFile();
    tls.clientCert = m_strictServer.clientCertFile();
    tls.clientKey = m_strictServer.clientKeyFile();
    const HttpResult r = get(m_strictServer.baseUrl(), tls);
    QVERIFY2(r.ok(), qPrintable(r.errorText));
    QVERIFY2(r.body.contains("\"client\":\"dutyboard-client\""), r.body.constData());
}

void TestTls::clientCertificateMissing() {
    TlsOptions tls;
    tls.caFile = m_strictServer.caFile();
    const int served = m_strictServer.requestsServed();
    const HttpResult r = get(m_strictServer.baseUrl(), tls);
    QVERIFY(!r.ok());
    // Qt's server closes without a TLS alert once the handshake shows no certificate.
    QCOMPARE(r.errorText, QStringLiteral("Empty reply from server"));
    QCOMPARE(m_strictServer.requestsServed(), served);
    QVERIFY2(m_strictServer.lastHandshakeError().contains(QLatin1String("certificate")),
             qPrintable(m_strictServer.lastHandshakeError()));

    tls.clientCert = QStringLiteral("/nonexistent/client.pem");
    const HttpResult missingFile = get(m_strictServer.baseUrl(), tls);
    QCOMPARE(missingFile.error, HttpError::Tls);
    QVERIFY2(describeHttpFailure(missingFile).startsWith(QLatin1String("TLS error (")),
             qPrintable(describeHttpFailure(missingFile)));
}

void TestTls::opensslServerWantsTheCertificate() {
    const QByteArray url = m_strictServer.startOpensslServer();
    QVERIFY2(!url.isEmpty(), qPrintable(m_strictServer.failure()));
    TlsOptions tls;
    tls.caFile = m_strictServer.caFile();
    const HttpResult refused = get(url, tls);
    QCOMPARE(refused.error, HttpError::Tls); // the TLS 1.3 alert comes while reading
    const QString said = describeHttpFailure(refused);
    QVERIFY2(said.contains(QLatin1String("alert certificate required")), qPrintable(said));
    QVERIFY2(said.endsWith(QLatin1String(": the server wants a client certificate "
                                         "(tls.client_cert, tls.client_key)")),
             qPrintable(said));

    tls.clientCert = m_strictServer.clientCertFile();
    tls.clientKey = m_strictServer.clientKeyFile();
    const HttpResult accepted = get(url, tls);
    QVERIFY2(accepted.ok(), qPrintable(accepted.errorText));
    QCOMPARE(accepted.status, 200);
    QVERIFY2(accepted.body.contains("dutyboard-client"), accepted.body.left(2000).constData());
}

void TestTls::configReachesTheRequest() {
    const AppConfig app = parseConfig(R"({"sources":[{"name":"a","type":"alertmanager",
        "panel":"incidents","url":"https:\/\/am.example","proxy":"http:\/\/proxy.example:3128",
        "tls":{"verify":false,"ca_file":"/etc/ca.pem","client_cert":"/c.pem","client_key":"/c.key"}}]})",
                                      QStringLiteral("c.json"));
    const HttpRequest r = ConnectorRegistry::builtin().create(app.sources.at(0))->firstRequest();
    QVERIFY(!r.tls.verify);
    QCOMPARE(r.tls.caFile, QStringLiteral("/etc/ca.pem"));
    QCOMPARE(r.tls.clientCert, QStringLiteral("/c.pem"));
    QCOMPARE(r.tls.clientKey, QStringLiteral("/c.key"));
    QCOMPARE(r.proxy, QByteArray("http://proxy.example:3128"));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
