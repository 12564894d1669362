// SPDX-License-Identifier: MIT
// HttpClient against LoopbackHttpServer: answers, failures of every class, caps, ETags, threads.
#include "HttpClient.h"
#include "LoopbackHttpServer.h"
#include "TestEnvironment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <optional>

namespace {

constexpr int kWaitMs = 5000;

// Runs one request and waits for its callback (on this thread); nullopt if it never came.
std::optional<HttpResult> fetchAndWait(HttpClient &client, const HttpRequest &request) {
    std::optional<HttpResult> got;
    QObject context;
    client.fetch(request, &context, [&got](const HttpResult &r) { got = r; });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, kWaitMs))
        return std::nullopt;
    return got;
}

HttpRequest get(const LoopbackHttpServer &server, const QByteArray &path) {
    HttpRequest request;
    request.url = server.baseUrl() + path;
    request.timeoutMs = 3000;
    return request;
}

quint32 crc32(const QByteArray &data) {
    quint32 crc = 0xffffffffu;
    for (const char c : data) {
        crc ^= static_cast<quint8>(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendLe32(QByteArray &out, quint32 value) {
    for (int i = 0; i < 4; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xffu));
}

// Real gzip without linking zlib: qCompress gives [4-byte size][zlib header][deflate][adler32];
// gzip wants [10-byte header][the same deflate][crc32][size].
QByteArray gzip(const QByteArray &data) {
    const QByteArray zlib = qCompress(data, 9);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += zlib.mid(6, zlib.size() - 10);
    appendLe32(out, crc32(data));
    appendLe32(out, static_cast<quint32>(data.size()));
    return out;
}

} // namespace

class TestHttpClient final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void jsonWithHeaders() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::json(QByteArrayLiteral("{\"ok\":true}"));
            r.headers.append({QByteArrayLiteral("X-Request-Id"), QByteArrayLiteral("abc-1")});
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = fetchAndWait(client, get(server, "/api/items?x=1"));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->errorText));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArrayLiteral("{\"ok\":true}"));
        QCOMPARE(r->header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(r->header("x-request-id"), QByteArrayLiteral("abc-1"));
        QVERIFY(r->totalMs > 0);
        QVERIFY(r->firstByteMs <= r->totalMs);
        QCOMPARE(server.lastRequest().path, QByteArrayLiteral("/api/items"));
        QCOMPARE(server.lastRequest().query, QByteArrayLiteral("x=1"));
    }

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
        const auto r = fetchAndWait(client, get(server, "/missing"));
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
        HttpRequest request = get(server, "/slow");
        request.timeoutMs = 300;
        request.headers.append(
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer s3cr3t-t0ken")});
        QElapsedTimer clock;
        clock.start();
        const auto r = fetchAndWait(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Timeout);
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY(!r->errorText.isEmpty());
        QVERIFY(!r->errorText.contains(QLatin1String("s3cr3t")));
        QCOMPARE(server.lastRequest().header("authorization"),
                 QByteArrayLiteral("Bearer s3cr3t-t0ken"));
    }

    void slowBodyCompletes() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::text(QByteArray(1000, 'a'));
            r.chunkBytes = 100;
            r.chunkDelayMs = 20;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = get(server, "/drip");
        request.timeoutMs = 2000;
        const auto r = fetchAndWait(client, request);
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->errorText));
        QCOMPARE(r->body, QByteArray(1000, 'a'));
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
        HttpRequest request = get(server, "/big");
        request.maxBodyBytes = 1000;
        const auto r = fetchAndWait(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::BodyTooLarge);
        QCOMPARE(r->errorText, QStringLiteral("more than 1000 bytes"));
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
        HttpRequest request = get(server, "/huge");
        request.maxBodyBytes = 1024 * 1024;
        QElapsedTimer clock;
        clock.start();
        const auto r = fetchAndWait(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::BodyTooLarge);
        QCOMPARE(r->errorText, QStringLiteral("more than 1 MiB"));
        QVERIFY(clock.elapsed() < 2000);
    }

    void streamedBodyArrivesWhole() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::text(QByteArrayLiteral("head:"));
            r.filler = QByteArrayLiteral("0123456789");
            r.fillerBytes = 5 * 1000 * 1000 + 3;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = fetchAndWait(client, get(server, "/stream"));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->errorText));
        QCOMPARE(r->body.size(), 5 + 5 * 1000 * 1000 + 3);
        QVERIFY(r->body.startsWith("head:0123456789"));
        QVERIFY(r->body.endsWith("789012"));
    }

    void etagThenNotModified() {
        LoopbackHttpServer server([](const HttpServerRequest &request) {
            if (request.header("if-none-match") == "\"v1\"")
                return HttpServerResponse::json({}, 304);
            HttpServerResponse r = HttpServerResponse::json(QByteArrayLiteral("[1,2,3]"));
            r.headers.append({QByteArrayLiteral("ETag"), QByteArrayLiteral("\"v1\"")});
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto first = fetchAndWait(client, get(server, "/list"));
        QVERIFY(first && first->ok());
        QVERIFY(!first->notModified);
        QVERIFY(server.lastRequest().header("if-none-match").isEmpty());

        const auto second = fetchAndWait(client, get(server, "/list"));
        QVERIFY(second);
        QVERIFY2(second->ok(), qPrintable(second->errorText));
        QCOMPARE(server.lastRequest().header("if-none-match"), QByteArrayLiteral("\"v1\""));
        QCOMPARE(second->status, 304);
        QVERIFY(second->notModified);
        QCOMPARE(second->body, first->body);

        HttpRequest plain = get(server, "/list");
        plain.conditional = false;
        const auto third = fetchAndWait(client, plain);
        QVERIFY(third && third->ok());
        QVERIFY(server.lastRequest().header("if-none-match").isEmpty());
        QCOMPARE(third->status, 200);
        QCOMPARE(server.connectionCount(), 1); // keep-alive: one connection for all three
    }

    void connectionRefused() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost)));
        const quint16 port = probe.serverPort();
        probe.close();
        HttpClient client;
        HttpRequest request;
        request.url = "http://127.0.0.1:" + QByteArray::number(port) + "/";
        const auto r = fetchAndWait(client, request);
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Connect);
    }

    void unknownHost() {
        HttpClient client;
        HttpRequest request;
        request.url = QByteArrayLiteral("http://no-such-host.invalid/");
        const auto r = fetchAndWait(client, request);
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
        const auto r = fetchAndWait(client, request);
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
        const auto r = fetchAndWait(client, get(server, "/cut"));
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
        const auto r = fetchAndWait(client, get(server, "/a"));
        QVERIFY(r);
        QCOMPARE(r->error, HttpError::Other);
        QVERIFY(r->errorText.contains(QLatin1String("redirect"), Qt::CaseInsensitive));
        QCOMPARE(server.requestCount(), 6); // the first plus five followed
    }

    void redirectFollowed() {
        LoopbackHttpServer server([](const HttpServerRequest &request) {
            if (request.path == "/new")
                return HttpServerResponse::json(QByteArrayLiteral("{}"));
            HttpServerResponse r = HttpServerResponse::text(QByteArrayLiteral("moved"), 301);
            r.headers.append({QByteArrayLiteral("Location"), QByteArrayLiteral("/new")});
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = fetchAndWait(client, get(server, "/old"));
        QVERIFY(r && r->ok());
        QCOMPARE(r->body, QByteArrayLiteral("{}"));
        QCOMPARE(r->header("content-type"), QByteArrayLiteral("application/json"));
    }

    void postBodyAndHeaders() {
        LoopbackHttpServer server(
            [](const HttpServerRequest &) { return HttpServerResponse::json("{}", 201); });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = get(server, "/ack");
        request.method = "POST";
        request.body = QByteArray("{\"id\":\"x\0y\"}", 12);
        request.headers = {{"Content-Type", "application/json"}, {"X-Custom", "one two"}};
        const auto r = fetchAndWait(client, request);
        QVERIFY(r && r->ok());
        QCOMPARE(r->status, 201);
        const HttpServerRequest seen = server.lastRequest();
        QCOMPARE(seen.method, QByteArrayLiteral("POST"));
        QCOMPARE(seen.body, request.body);
        QCOMPARE(seen.header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(seen.header("x-custom"), QByteArrayLiteral("one two"));
        QVERIFY(seen.header("expect").isEmpty());
    }

    void gzipIsDecoded() {
        const QByteArray plain = QByteArray("{\"items\":[") + QByteArray(5000, '7') + "]}";
        LoopbackHttpServer server([plain](const HttpServerRequest &request) {
            HttpServerResponse r = HttpServerResponse::json(plain);
            if (request.header("accept-encoding").contains("gzip")) {
                r.body = gzip(plain);
                r.headers.append(
                    {QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip")});
            }
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        const auto r = fetchAndWait(client, get(server, "/z"));
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->errorText));
        QVERIFY(server.lastRequest().header("accept-encoding").contains("gzip"));
        QCOMPARE(r->body, plain);
    }

    void callbackOnCallersThread() {
        LoopbackHttpServer server(
            [](const HttpServerRequest &) { return HttpServerResponse::json("{}"); });
        QVERIFY(server.start());
        HttpClient client;
        QThread *seen = nullptr;
        client.fetch(get(server, "/"), this,
                     [&seen](const HttpResult &) { seen = QThread::currentThread(); });
        QCOMPARE(client.inFlight(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(seen != nullptr, kWaitMs);
        QCOMPARE(seen, QCoreApplication::instance()->thread());
        QCOMPARE(client.inFlight(), 0);
    }

    void goneContextIsNotCalled() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::json("{}");
            r.delayMs = 100;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        bool called = false;
        auto *context = new QObject();
        client.fetch(get(server, "/"), context, [&called](const HttpResult &) { called = true; });
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(client.inFlight(), 0, kWaitMs);
        QCOMPARE(server.requestCount(), 1);
        QVERIFY(!called);
    }

    void destroyedClientDropsPending() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r;
            r.silence = true;
            return r;
        });
        QVERIFY(server.start());
        bool called = false;
        auto *client = new HttpClient();
        for (int i = 0; i < 3; ++i)
            client->fetch(get(server, "/"), this, [&called](const HttpResult &) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 3, kWaitMs);
        delete client; // must neither hang nor call back
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void manyConcurrent() {
        LoopbackHttpServer server([](const HttpServerRequest &request) {
            HttpServerResponse r = HttpServerResponse::json("{\"q\":\"" + request.query + "\"}");
            r.delayMs = 50;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        constexpr int count = 50;
        QList<QByteArray> bodies;
        int failures = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < count; ++i) {
            client.fetch(get(server, "/n?" + QByteArray::number(i)), this,
                         [&](const HttpResult &r) {
                             failures += r.ok() ? 0 : 1;
                             bodies.append(r.body);
                         });
        }
        QCOMPARE(client.inFlight(), count);
        QTRY_COMPARE_WITH_TIMEOUT(bodies.size(), count, kWaitMs);
        QCOMPARE(failures, 0);
        QVERIFY(bodies.contains("{\"q\":\"49\"}"));
        QCOMPARE(client.inFlight(), 0);
        QVERIFY(clock.elapsed() < 2000); // in parallel, not 50 × 50 ms
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
