// SPDX-License-Identifier: MIT
#include "AppContext.h"

#include "core/attention/Notifier.h"
#include "core/attention/WallAcknowledgements.h"
#include "core/config/ConfigError.h"
#include "core/config/Keyring.h"
#include "core/config/StateConfig.h"
#include "core/lean/LeanController.h"
#include "core/lean/OnDutyByHand.h"
#include "core/sources/ConnectorRegistry.h"
#include "demo/DemoHistory.h"

#include <QSysInfo>

AppContext::AppContext(const AppConfig &config)
    : m_config(config)
    , m_http(std::make_unique<HttpClient>())
    , m_board(std::make_unique<Board>(Clock::system())) {
    const QString &file = m_config.file;
    m_board->setKanbanConfig(inConfigFile(file, [&] { return parseKanbanConfig(m_config.raw); }));
    m_objectives = inConfigFile(file, [&] { return parseObjectives(m_config.raw); });
    const Clock &clock = m_board->clock();
    inConfigFile(file, [&] {
        for (const SourceConfig &source : m_config.sources)
            m_sources.add(ConnectorRegistry::builtin().create(source, clock));
    });
    m_wall = inConfigFile(file, [&] { return parseWallConfig(m_config.raw); });
    m_stateLocation = inConfigFile(file, [&] { return parseStateConfig(m_config.raw); });
    const NotificationConfig notifications =
        inConfigFile(file, [&] { return parseNotificationConfig(m_config.raw); });
    m_lean = parseLeanConfig(m_config, m_sources.lookup());

    m_onDuty = std::make_unique<OnDuty>(m_lean.onDuty, clock);
    m_poller = std::make_unique<Poller>(m_board.get(), m_http.get());
    for (const auto &connector : m_sources.connectors())
        m_poller->addSource(*connector);
    if (m_lean.onDutySource)
        followSchedule(inConfigFile(file, [&] {
            return ConnectorRegistry::builtin().create(*m_lean.onDutySource, clock);
        }));
    m_notifier = std::make_unique<Notifier>(m_board.get(), notifications);
}

AppContext::~AppContext() = default;

void AppContext::followSchedule(std::unique_ptr<Connector> schedule) {
    m_onDutySource = std::move(schedule);
    m_poller->addFeed(*m_onDutySource, [onDuty = m_onDuty.get()](const FetchOutcome &outcome) {
        onDuty->apply(outcome);
    });
}

void AppContext::fetchOnDutyNow() {
    if (m_onDutySource)
        m_poller->fetchNow(m_onDutySource->config().name);
}

bool AppContext::openState(const QString &path, QString *notice, Store::Opening opening) {
    if (m_localStore)
        return true;
    const bool team = m_stateLocation && m_stateLocation->isShared();
    // --state names the local file; then the config's "state": {"path"}; then the default.
    QString localPath = path;
    if (localPath.isEmpty() && m_stateLocation && !team)
        localPath = m_stateLocation->path;
    if (localPath.isEmpty())
        localPath = Store::defaultPath();
    auto local = std::make_unique<Store>(localPath);
    if (!local->open(notice))
        return false;
    m_localStore = std::move(local);
    Store *leanStore = m_localStore.get();
    if (team) {
        StoreLocation team = *m_stateLocation;
        team.journalPath = localPath; // what is done while the team's store is away waits here
        if (!team.passwordKeyring.isEmpty()) {
            // Read once, before the window exists (a D-Bus round trip); never kept on disk.
            const KeyringRead read =
                readKeyring(team.passwordKeyring, 10000, QStringLiteral("password_file"));
            if (!read.error.isEmpty()) {
                *notice =
                    QStringLiteral("the team's store (%1): %2").arg(team.describe(), read.error);
                return false;
            }
            team.password = read.secret;
        }
        auto shared = std::make_unique<Store>(team);
        QString teamNotice;
        const bool opened = shared->open(&teamNotice, opening);
        if (!teamNotice.isEmpty())
            *notice = notice->isEmpty() ? teamNotice : *notice + QLatin1Char('\n') + teamNotice;
        if (!opened)
            return false;
        m_teamStore = std::move(shared);
        leanStore = m_teamStore.get();
    }
    m_leanState = std::make_unique<LeanState>(leanStore, m_http.get(), m_sources.lookup(),
                                              m_board->clock(), m_lean);
    // A source that answers again is reachable again: what waits for it goes now.
    Outbox *outbox = m_leanState->outbox();
    QObject::connect(m_board.get(), &Board::sourceRefreshed, outbox,
                     [outbox](const QString &name, bool ok) {
                         if (ok)
                             outbox->retryTarget(name);
                     });
    m_leanState->start();
    m_onDutyByHand = std::make_unique<OnDutyByHand>(leanStore, m_onDuty.get(), m_board->clock());
    const QString wallName = m_wall.name.isEmpty() ? QSysInfo::machineHostName() : m_wall.name;
    m_wallAcks = std::make_unique<WallAcknowledgements>(leanStore, wallName, m_board->clock());
    return true;
}

LeanController *AppContext::createLeanController(QObject *parent) const {
    auto *controller = new LeanController(m_board.get(), m_leanState.get(), m_sources.lookup(),
                                          m_lean, m_onDuty.get(), parent);
    controller->setOnDutyByHand(m_onDutyByHand.get());
    return controller;
}

QByteArray AppContext::startDemo(std::unique_ptr<DemoServer> *server) {
    auto demo = std::make_unique<DemoServer>();
    if (!demo->start())
        return {};
    QByteArray config = demo->config();
    *server = std::move(demo);
    return config;
}

SnapshotCache *AppContext::startSnapshotCache() {
    if (!m_snapshots && m_localStore) {
        m_snapshots =
            std::make_unique<SnapshotCache>(m_localStore.get(), m_board.get(), m_sources.lookup());
        m_snapshots->load();
    }
    return m_snapshots.get();
}

History *AppContext::startHistory() {
    if (m_history)
        return m_history.get();
    if (!m_localStore)
        return nullptr;
    // The history is the team's where the lean state is: one sample per period, whoever
    // records it.
    Store *store = this->store();
    m_history = std::make_unique<History>(store, m_board->clock(), HistoryLimits{});
    // The demo's two weeks go into a throwaway store, never into a team's.
    if (m_demo && !store->isShared()) {
        store->post([samples = demoHistory(m_board->clock().now())](QSqlDatabase &db) {
            db.transaction();
            for (const HistorySample &s : samples)
                HistorySql::insert(db, s);
            return QVariant(db.commit());
        });
    }
    m_history->follow(m_board.get());
    return m_history.get();
}
