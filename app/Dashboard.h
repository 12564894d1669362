// SPDX-License-Identifier: MIT
// Everything a running dashboard holds, built from a config: the HTTP client, the board,
// the poller with one connector per source, and (for --demo) the demo server.
#pragma once

#include "AppConfig.h"
#include "Board.h"
#include "DemoServer.h"
#include "HttpClient.h"
#include "Poller.h"

#include <QObject>

#include <memory>

class Dashboard final : public QObject {
    Q_OBJECT
public:
    // Builds every connector first: a config error throws ConfigError before anything starts.
    explicit Dashboard(const AppConfig &config, QObject *parent = nullptr);
    ~Dashboard() override;

    // Starts the built-in demo server and returns its config; empty on failure.
    static QByteArray startDemo(std::unique_ptr<DemoServer> *server);

    Board *board() const { return m_board; }
    Poller *poller() const { return m_poller; }
    const AppConfig &config() const { return m_config; }
    void keepDemoServer(std::unique_ptr<DemoServer> server) { m_demo = std::move(server); }

private:
    AppConfig m_config;
    std::unique_ptr<DemoServer> m_demo; // declared first among owners: outlives the poller
    HttpClient *m_http;
    Board *m_board;
    Poller *m_poller;
};
