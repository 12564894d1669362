// SPDX-License-Identifier: MIT
#include "LeanState.h"

#include "core/handover/HandoverStore.h"

#include "core/config/LeanConfig.h"
#include "core/store/Store.h"

LeanState::LeanState(Store *store, HttpClient *http, ConnectorLookup connectors, const Clock &clock,
                     const LeanConfig &config)
    : m_escalations(std::make_unique<Escalations>(store))
    , m_triage(std::make_unique<TriageStore>(store, clock))
    , m_clocks(std::make_unique<InvestigationClocks>(store, clock, config.amberMin, config.redMin))
    , m_ownerships(std::make_unique<Ownerships>(store))
    , m_outbox(std::make_unique<Outbox>(store, http, std::move(connectors), clock)) {
    // An acknowledgement accepted records what the source made (OutboxTable::markDelivered):
    // read it here too (another instance hears "ownership").
    QObject::connect(m_outbox.get(), &Outbox::delivered, m_ownerships.get(),
                     [this](const OutboxEntry &entry) {
                         if (entry.action.kind == WriteKind::Acknowledge)
                             m_ownerships->load();
                     });
    // The handover's writes (its notes, each handover done) go where the lean state is.
    HandoverStore::addWriters(store);
    // Another instance sharing the store changed something: read that part again.
    QObject::connect(store, &Store::changedElsewhere, m_outbox.get(),
                     [this](const QString &topic) { reload(topic); });
}

LeanState::~LeanState() = default;

void LeanState::reload(const QString &topic) {
    const bool all = topic.isEmpty();
    if (all || topic == QLatin1String("clocks"))
        m_clocks->load();
    if (all || topic == QLatin1String("triage"))
        m_triage->load();
    if (all || topic == QLatin1String("outbox"))
        m_outbox->rescan();
    // A bug delivered elsewhere finishes its escalation here too (the reply is queued once).
    if (m_escalations->isLoaded() &&
        (all || topic == QLatin1String("escalations") || topic == QLatin1String("outbox")))
        m_escalations->load();
}

void LeanState::start() {
    m_outbox->start();
    m_clocks->load();
    m_triage->load();
    m_ownerships->load();
}
