// SPDX-License-Identifier: MIT
// The built-in demo: a loopback HTTP server answering like Alertmanager, a service desk and a
// bug tracker, so `--demo` exercises the real HTTP client and connectors end to end.
#pragma once

#include "demo/DemoSilences.h"
#include "demo/loopback/LoopbackHttpServer.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
    HttpServerResponse answer(const HttpServerRequest &request);
    // The lean workflow's writes, kept in memory (server thread; guarded by m_mutex): posted
    // alerts (andons, declared incidents) by label set, silences (acknowledgements), bugs and
    // cards created, replies.
    HttpServerResponse write(const HttpServerRequest &request, const QDateTime &now);
    QByteArray withPostedAlerts(const QByteArray &alerts, const QDateTime &now);
    QByteArray withCreatedBugs(const QByteArray &bugs);

    std::mutex m_mutex;
    std::map<std::string, nlohmann::json> m_alerts; // labels dump -> alert
    std::vector<nlohmann::json> m_bugs;
    DemoSilences m_silences;
    int m_nextKey = 312;

    QDateTime m_start;
    std::atomic<qint64> m_skipS{0};
    std::unique_ptr<LoopbackHttpServer> m_server;
};
