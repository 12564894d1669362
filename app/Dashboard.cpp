// SPDX-License-Identifier: MIT
#include "Dashboard.h"

#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"
#include "demo/DemoHistory.h"

Dashboard::Dashboard(const AppConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_http(new HttpClient(this))
    , m_board(new Board(Clock::system(), this))
    , m_poller(new Poller(m_board, m_http, this)) {
    try {
        m_board->setKanbanConfig(parseKanbanConfig(m_config.raw));
        m_objectives = parseObjectives(m_config.raw);
    } catch (ConfigError &e) {
        e.setFile(m_config.file);
        throw;
    }
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
    NotificationConfig notifications;
    try {
        m_wall = parseWallConfig(m_config.raw);
        notifications = parseNotificationConfig(m_config.raw);
    } catch (ConfigError &e) {
        e.setFile(m_config.file);
        throw;
    }
    m_notifier = new Notifier(m_board, notifications, this);
    for (auto &connector : connectors)
        m_poller->addSource(std::move(connector));
    m_lean = parseLeanConfig(m_config,
                             [this](const QString &name) { return m_poller->connector(name); });
    if (m_lean.onDutySource) {
        m_onDuty = new OnDutySchedule(*m_lean.onDutySource, m_lean.onDuty, m_http, this);
        connect(m_onDuty, &OnDutySchedule::changed, this, [this]() {
            m_lean.onDuty = m_onDuty->person();
            Q_EMIT onDutyChanged();
        });
    }
}

void Dashboard::startOnDuty() {
    if (!m_onDuty || m_onDutyStarted)
        return;
    m_onDutyStarted = true;
    m_onDuty->start();
}

bool Dashboard::openState(const QString &path, QString *notice) {
    if (m_store)
        return true;
    auto store = std::make_unique<LocalStore>(path.isEmpty() ? LocalStore::defaultPath() : path);
    if (!store->open(notice))
        return false;
    m_store = std::move(store);
    m_outbox = new Outbox(
        m_store.get(), m_http, [this](const QString &name) { return m_poller->connector(name); },
        m_board->clock(), this);
    m_clocks = new InvestigationClocks(m_store.get(), m_board->clock(), m_lean.amberMin,
                                       m_lean.redMin, this);
    m_triage = new TriageStore(m_store.get(), m_board->clock(), this);
    // A source that answers again is reachable again: what waits for it goes now.
    connect(m_poller, &Poller::sourceAnswered, m_outbox, [this](const QString &name, bool ok) {
        if (ok)
            m_outbox->retryTarget(name);
    });
    m_outbox->start();
    m_clocks->load();
    m_triage->load();
    return true;
}

QString Dashboard::actingPerson() const {
    return ::actingPerson(m_lean.onDuty);
}

Dashboard::~Dashboard() {
    // The last items go to disk with the writes still queued.
    if (m_snapshots)
        m_snapshots->saveNow();
    // The lean objects post to the store and the HTTP client: they go first.
    delete m_outbox;
    delete m_clocks;
    delete m_triage;
    delete m_onDuty;
    // The poller waits for parses in flight; the HTTP worker stops before the demo server.
    delete m_poller;
    delete m_http;
    m_store.reset(); // runs the writes still queued
}

QByteArray Dashboard::startDemo(std::unique_ptr<DemoServer> *server) {
    auto demo = std::make_unique<DemoServer>();
    if (!demo->start())
        return {};
    QByteArray config = demo->config();
    *server = std::move(demo);
    return config;
}

SnapshotCache *Dashboard::startSnapshotCache() {
    if (!m_snapshots && m_store) {
        m_snapshots = new SnapshotCache(m_store.get(), m_board, m_poller, this);
        m_snapshots->load();
    }
    return m_snapshots;
}

History *Dashboard::startHistory() {
    if (m_history)
        return m_history;
    if (!m_store)
        return nullptr;
    m_history = new History(m_store.get(), m_board->clock(), HistoryLimits{}, this);
    if (m_demo) {
        m_store->post([samples = demoHistory(m_board->clock().now())](QSqlDatabase &db) {
            db.transaction();
            for (const HistorySample &s : samples)
                HistorySql::insert(db, s);
            return QVariant(db.commit());
        });
    }
    m_history->follow(m_poller, m_board);
    if (m_triage)
        m_history->followTriage(m_triage);
    return m_history;
}
