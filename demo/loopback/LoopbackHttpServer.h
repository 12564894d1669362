// SPDX-License-Identifier: MIT
// A small HTTP/1.1 server on 127.0.0.1 only, running on its own thread: it serves the built-in
// demo and the tests, and misbehaves on request (delays, silence, resets, huge bodies) for
// fault tests. Not a general web server: no TLS, no chunked request bodies.
#pragma once

#include "core/http/HttpRequest.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

struct HttpServerRequest {
    QByteArray method;
    QByteArray target; // path and query, as sent
    QByteArray path;
    QByteArray query;    // after '?', still percent-encoded
    HttpHeaders headers; // names lower-cased
    QByteArray body;

    // First header of that (lower-case) name, or empty.
    QByteArray header(const QByteArray &lowerName) const;
};

struct HttpServerResponse {
    int status = 200;
    // Content-Length is the server's business (see declaredLength); "Connection: close" here
    // closes the connection after this response.
    HttpHeaders headers;
    QByteArray body;
    // Streamed after `body` as the socket drains, never held in memory: `fillerBytes` bytes of
    // `filler` repeated. Lets a test serve gigabytes.
    qint64 fillerBytes = 0;
    QByteArray filler = QByteArrayLiteral("x");

    // Deliberate misbehaviour, for fault tests:
    int delayMs = 0;      // wait before sending anything
    int chunkDelayMs = 0; // send the body in chunks of chunkBytes (max 64 KiB) with pauses
    int chunkBytes = 1024;
    bool silence = false;        // read the request, never answer, keep the connection open
    bool resetMidBody = false;   // send the headers and half the body, then reset the connection
    qint64 declaredLength = -1;  // Content-Length to claim; more than sent: the connection hangs
    bool closeDelimited = false; // no Content-Length: the body ends when the connection closes

    static HttpServerResponse json(const QByteArray &body, int status = 200);
    static HttpServerResponse text(const QByteArray &body, int status = 200);
};

class LoopbackHttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackHttpServer)
public:
    // Called on the server thread, one request at a time. Whatever it shares with other threads
    // (a test's expectations, the demo's data) it must protect itself. An exception becomes a 500.
    using Handler = std::function<HttpServerResponse(const HttpServerRequest &)>;

    explicit LoopbackHttpServer(Handler handler, QObject *parent = nullptr);
    ~LoopbackHttpServer() override; // stops the thread

    // Listens on 127.0.0.1:`port` (0: a free port). Blocks only while the server thread binds.
    // start() and stop() belong to the thread that owns this object.
    bool start(quint16 port = 0);
    // Closes the listener and every connection, and ends the thread. Safe to call twice; never
    // from the handler (it would wait for its own thread).
    void stop();

    bool isRunning() const;
    quint16 port() const;
    QByteArray baseUrl() const; // "http://127.0.0.1:PORT"

    // Thread-safe counters and the last complete request, for tests.
    int requestCount() const;
    int connectionCount() const; // accepted so far
    HttpServerRequest lastRequest() const;

private:
    class Engine;
    struct Shared;

    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    Engine *m_engine = nullptr;
    std::atomic<quint16> m_port{0}; // read by handlers on the server thread (baseUrl())
};
