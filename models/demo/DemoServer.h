// SPDX-License-Identifier: MIT
// The built-in demo: a loopback HTTP server answering like Alertmanager, a service desk and a
// bug tracker, so `--demo` exercises the real HTTP client and connectors end to end.
#pragma once

#include "LoopbackHttpServer.h"

#include <QDateTime>

#include <atomic>
#include <memory>

class DemoServer final {
public:
    DemoServer();
    ~DemoServer();
    DemoServer(const DemoServer &) = delete;
    DemoServer &operator=(const DemoServer &) = delete;

    bool start();
    QByteArray baseUrl() const;
    // The dashboard config for this server (parse it with parseConfig()).
    QByteArray config() const;
    // Moves the demo's time forward: the evolving story plays faster (tests).
    void skipSeconds(qint64 seconds) { m_skipS += seconds; }

private:
    HttpServerResponse answer(const HttpServerRequest &request) const;

    QDateTime m_start;
    std::atomic<qint64> m_skipS{0};
    std::unique_ptr<LoopbackHttpServer> m_server;
};
