// SPDX-License-Identifier: MIT
#include "Dashboard.h"

#include "ConfigError.h"
#include "ConnectorRegistry.h"

Dashboard::Dashboard(const AppConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_http(new HttpClient(this))
    , m_board(new Board(Clock::system(), this))
    , m_poller(new Poller(m_board, m_http, this)) {
    const ConnectorRegistry &registry = ConnectorRegistry::builtin();
    std::vector<std::unique_ptr<Connector>> connectors;
    for (const SourceConfig &source : m_config.sources) {
        try {
            connectors.push_back(registry.create(source));
        } catch (ConfigError &e) {
            e.setFile(m_config.file);
            throw;
        }
    }
    for (auto &connector : connectors)
        m_poller->addSource(std::move(connector));
}

Dashboard::~Dashboard() {
    // The poller waits for parses in flight; the HTTP worker stops before the demo server.
    delete m_poller;
    delete m_http;
}

QByteArray Dashboard::startDemo(std::unique_ptr<DemoServer> *server) {
    auto demo = std::make_unique<DemoServer>();
    if (!demo->start())
        return {};
    QByteArray config = demo->config();
    *server = std::move(demo);
    return config;
}
