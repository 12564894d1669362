// SPDX-License-Identifier: MIT
#include "LoopbackHttpServer.h"

#include "demo/loopback/LoopbackHttpConnection.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <exception>
#include <mutex>

QByteArray HttpServerRequest::header(const QByteArray &lowerName) const {
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

HttpServerResponse HttpServerResponse::json(const QByteArray &body, int status) {
    HttpServerResponse response;
    response.status = status;
    response.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    response.body = body;
    return response;
}

HttpServerResponse HttpServerResponse::text(const QByteArray &body, int status) {
    HttpServerResponse response;
    response.status = status;
    response.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}};
    response.body = body;
    return response;
}

// What both threads see: the handler (called on the server thread only) and the counters.
struct LoopbackHttpServer::Shared {
    Handler handler;
    std::atomic<int> requests{0};
    std::atomic<int> connections{0};
    mutable std::mutex mutex; // guards `last`
    HttpServerRequest last;

    HttpServerResponse serve(const HttpServerRequest &request) {
        ++requests;
        {
            std::lock_guard<std::mutex> lock(mutex);
            last = request;
        }
        if (!handler)
            return HttpServerResponse::text(QByteArrayLiteral("no handler\n"), 404);
        try {
            return handler(request);
        } catch (const std::exception &e) {
            return HttpServerResponse::text(QByteArray("handler failed: ") + e.what() + '\n', 500);
        } catch (...) {
            return HttpServerResponse::text(QByteArrayLiteral("handler failed\n"), 500);
        }
    }
};

// Lives on the server thread: the listening socket and, as children, the connections.
class LoopbackHttpServer::Engine final : public QObject {
public:
    explicit Engine(std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared))
        , m_server(new QTcpServer(this)) {
        connect(m_server, &QTcpServer::newConnection, this, &Engine::accept);
    }

    // 0 when the port cannot be bound.
    quint16 listen(quint16 port) {
        return m_server->listen(QHostAddress(QHostAddress::LocalHost), port)
                   ? m_server->serverPort()
                   : 0;
    }

private:
    void accept() {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_shared->connections;
            const std::shared_ptr<Shared> shared = m_shared;
            new LoopbackHttpConnection(
                socket, [shared](const HttpServerRequest &r) { return shared->serve(r); }, this);
        }
    }

    std::shared_ptr<Shared> m_shared;
    QTcpServer *m_server;
};

LoopbackHttpServer::LoopbackHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>()) {
    m_shared->handler = std::move(handler);
}

LoopbackHttpServer::~LoopbackHttpServer() {
    stop();
}

bool LoopbackHttpServer::start(quint16 port) {
    if (m_thread)
        return false;
    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("LoopbackHttpServer"));
    m_engine = new Engine(m_shared);
    m_engine->moveToThread(m_thread);
    // The engine, its listener and connections die on their own thread when it finishes.
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();

    // The port is stored on the server thread before any connection is accepted, so a handler
    // calling baseUrl() always sees it.
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [this, engine, port] { m_port = engine->listen(port); },
        Qt::BlockingQueuedConnection);
    if (m_port == 0) {
        stop();
        return false;
    }
    return true;
}

void LoopbackHttpServer::stop() {
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_engine = nullptr; // deleted on its thread's way out
    m_port = 0;
}

bool LoopbackHttpServer::isRunning() const {
    return m_thread != nullptr;
}

quint16 LoopbackHttpServer::port() const {
    return m_port;
}

QByteArray LoopbackHttpServer::baseUrl() const {
    return "http://127.0.0.1:" + QByteArray::number(m_port.load());
}

int LoopbackHttpServer::requestCount() const {
    return m_shared->requests.load();
}

int LoopbackHttpServer::connectionCount() const {
    return m_shared->connections.load();
}

HttpServerRequest LoopbackHttpServer::lastRequest() const {
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->last;
}
