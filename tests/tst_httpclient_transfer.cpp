// SPDX-License-Identifier: MIT
// HttpClient against LoopbackHttpServer, when things go right: answers with their headers,
// slow and streamed bodies, ETags, redirects, POST bodies, gzip, callbacks on the caller's
// thread (never for a gone context or client) and many requests in parallel.
#include "tests/support/LoopbackFetch.h"
#include "tests/support/TestEnvironment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

namespace {

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

class TestHttpClientTransfer final : public QObject {
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
        const auto r = tryFetch(client, loopbackGet(server, "/api/items?x=1"));
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

    void slowBodyCompletes() {
        LoopbackHttpServer server([](const HttpServerRequest &) {
            HttpServerResponse r = HttpServerResponse::text(QByteArray(1000, 'a'));
            r.chunkBytes = 100;
            r.chunkDelayMs = 20;
            return r;
        });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = loopbackGet(server, "/drip");
        request.timeoutMs = 2000;
        const auto r = tryFetch(client, request);
        QVERIFY(r);
        QVERIFY2(r->ok(), qPrintable(r->errorText));
        QCOMPARE(r->body, QByteArray(1000, 'a'));
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
        const auto r = tryFetch(client, loopbackGet(server, "/stream"));
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
        const auto first = tryFetch(client, loopbackGet(server, "/list"));
        QVERIFY(first && first->ok());
        QVERIFY(!first->notModified);
        QVERIFY(server.lastRequest().header("if-none-match").isEmpty());

        const auto second = tryFetch(client, loopbackGet(server, "/list"));
        QVERIFY(second);
        QVERIFY2(second->ok(), qPrintable(second->errorText));
        QCOMPARE(server.lastRequest().header("if-none-match"), QByteArrayLiteral("\"v1\""));
        QCOMPARE(second->status, 304);
        QVERIFY(second->notModified);
        QCOMPARE(second->body, first->body);

        HttpRequest plain = loopbackGet(server, "/list");
        plain.conditional = false;
        const auto third = tryFetch(client, plain);
        QVERIFY(third && third->ok());
        QVERIFY(server.lastRequest().header("if-none-match").isEmpty());
        QCOMPARE(third->status, 200);
        QCOMPARE(server.connectionCount(), 1); // keep-alive: one connection for all three
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
        const auto r = tryFetch(client, loopbackGet(server, "/old"));
        QVERIFY(r && r->ok());
        QCOMPARE(r->body, QByteArrayLiteral("{}"));
        QCOMPARE(r->header("content-type"), QByteArrayLiteral("application/json"));
    }

    void postBodyAndHeaders() {
        LoopbackHttpServer server(
            [](const HttpServerRequest &) { return HttpServerResponse::json("{}", 201); });
        QVERIFY(server.start());
        HttpClient client;
        HttpRequest request = loopbackGet(server, "/ack");
        request.method = "POST";
        request.body = QByteArray("{\"id\":\"x\0y\"}", 12);
        request.headers = {{"Content-Type", "application/json"}, {"X-Custom", "one two"}};
        const auto r = tryFetch(client, request);
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
        const auto r = tryFetch(client, loopbackGet(server, "/z"));
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
        client.send(loopbackGet(server, "/"), this,
                    [&seen](const HttpResult &) { seen = QThread::currentThread(); });
        QCOMPARE(client.inFlight(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(seen != nullptr, kFetchWaitMs);
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
        client.send(loopbackGet(server, "/"), context,
                    [&called](const HttpResult &) { called = true; });
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(client.inFlight(), 0, kFetchWaitMs);
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
            client->send(loopbackGet(server, "/"), this,
                         [&called](const HttpResult &) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 3, kFetchWaitMs);
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
            client.send(loopbackGet(server, "/n?" + QByteArray::number(i)), this,
                        [&](const HttpResult &r) {
                            failures += r.ok() ? 0 : 1;
                            bodies.append(r.body);
                        });
        }
        QCOMPARE(client.inFlight(), count);
        QTRY_COMPARE_WITH_TIMEOUT(bodies.size(), count, kFetchWaitMs);
        QCOMPARE(failures, 0);
        QVERIFY(bodies.contains("{\"q\":\"49\"}"));
        QCOMPARE(client.inFlight(), 0);
        QVERIFY(clock.elapsed() < 2000); // in parallel, not 50 × 50 ms
    }
};

QTEST_GUILESS_MAIN(TestHttpClientTransfer)
#include "tst_httpclient_transfer.moc"
