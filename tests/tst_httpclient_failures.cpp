// SPDX-License-Identifier: MIT
// HttpClient against LoopbackHttpServer, when things go wrong: error statuses keep their body,
// timeouts (without the token in the text), body caps (quick even on 2 GB), refused
// connections, unknown hosts, TLS to a plain server, resets mid-body and redirect loops.
#include "tests/support/LoopbackFetch.h"
#include "tests/support/TestEnvironment.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

class TestHttpClientFailures final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void errorStatusKeepsBody_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("404") << 404;
        QTest::newRow("500") << 500;
    }
    void errorStatusKeepsBody() {
        QFETCH(int, status);
        LoopbackHttpServer server([status](const HttpServerRequest &) {
            return HttpServerResponse::json(QByteArrayLiteral("{\"error\":\"nope\"}"), status);
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = tryFetch(client, loopbackGet(server, "/missing"));
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::HttpStatus);
        QCOMPARE(r->status, status);
        QCOMPARE(r->body, QByteArrayLiteral("{\"error\":\"nope\"}"));
    }

    void silenceTimesOut() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r;
            r.silence = true;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = loopbackGet(server, "/slow");
        request.timeoutMs = 300;
        request.headers.append(
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer s3cr3t-t0ken")});
        QElapsedTimer clock;
        clock.start();
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Timeout);
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY(!r->errorText.isEmpty());
        QVERIFY(!r->errorText.contains(QLatin1String("s3cr3t")));
        QCOMPARE(server.lastRequest().header("authorization"),
                 QByteArrayLiteral("Bearer s3cr3t-t0ken"));
    }

    void bodyCap_data() {
        QTest::addColumn<bool>("closeDelimited");
        QTest::newRow("content-length") << false; // refused from the headers
        QTest::newRow("no length") << true;       // refused in the write callback
    }
    void bodyCap() {
        QFETCH(bool, closeDelimited);
        LoopbackHttpServer server([closeDelimited](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::text(QByteArray(10 * 1024, 'b'));
            r.closeDelimited = closeDelimited;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = loopbackGet(server, "/big");
        request.maxBodyBytes = 1000;
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::BodyTooLarge);
        QCOMPARE(r->errorText, QStringLiteral("larger than 1000 bytes"));
        QVERIFY(r->body.isEmpty());
    }

    void hugeStreamedBodyIsCutQuickly_data() {
        QTest::addColumn<bool>("closeDelimited");
        QTest::newRow("declared 2 GB") << false;
        QTest::newRow("2 GB until close") << true;
    }
    void hugeStreamedBodyIsCutQuickly() {
        QFETCH(bool, closeDelimited);
        LoopbackHttpServer server([closeDelimited](const HttpServerRequest &) {
            HttpServerResponse r;
            r.fillerBytes = 2LL * 1024 * 1024 * 1024;
            r.closeDelimited = closeDelimited;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = loopbackGet(server, "/huge");
        request.maxBodyBytes = 1024 * 1024;
        QElapsedTimer clock;
        clock.start();
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::BodyTooLarge);
        QCOMPARE(r->errorText, QStringLiteral("larger than 1 MiB"));
        QVERIFY(clock.elapsed() < 2000);
    }

    void connectionRefused() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost)));
        const quint16 port = probe.serverPort();
        probe.close();
        HttpClient client;
        HttpRequest request;
        request.url = "http://127.0.0.1:" + QByteArray::number(port) + "/";
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Connect);
    }

    void unknownHost() {
        HttpClient client;
        HttpRequest request;
        request.url = QByteArrayLiteral("http://no-such-host.invalid/");
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Dns);
    }

    void tlsToPlainServer() {
        LoopbackHttpServer server([](const HttpServerRequest &) { return HttpServerResponse(); });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request;
        request.url = "https://127.0.0.1:" + QByteArray::number(server.port()) + "/";
        request.timeoutMs = 3000;
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Tls);
    }

    void resetMidBody() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::text(QByteArray(20000, 'r'));
            r.resetMidBody = true;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = tryFetch(client, loopbackGet(server, "/cut"));
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Other);
        QVERIFY(!r->errorText.isEmpty());
        QVERIFY(r->body.isEmpty());
    }

    void redirectLoop() {
        LoopbackHttpServer server([](const HttpServerRequest &request) {
            HttpServerResponse r;
            r.status = 302;
            r.headers.append({QByteArrayLiteral("Location"), request.path == "/a"
                                                                 ? QByteArrayLiteral("/b")
                                                                 : QByteArrayLiteral("/a")});
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = tryFetch(client, loopbackGet(server, "/a"));
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Other);
        QVERIFY(r->errorText.contains(QLatin1String("redirect"), Qt::CaseInsensitive));
        QCOMPARE(server.requestCount(), 6); // the first plus five followed
    }
};

QTEST_GUILESS_MAIN(TestHttpClientFailures)
#include "tst_httpclient_failures.moc"
