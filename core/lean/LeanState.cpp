// SPDX-License-Identifier: MIT
#include "LeanState.h"

#include "core/config/LeanConfig.h"

LeanState::LeanState(LocalStore *store, HttpClient *http, ConnectorLookup connectors,
                     const Clock &clock, const LeanConfig &config)
    : m_escalations(std::make_unique<Escalations>(store))
    , m_triage(std::make_unique<TriageStore>(store, clock))
    , m_clocks(std::make_unique<InvestigationClocks>(store, clock, config.amberMin, config.redMin))
    , m_outbox(std::make_unique<Outbox>(store, http, std::move(connectors), clock)) {}

LeanState::~LeanState() = default;

void LeanState::start() {
    m_outbox->start();
    m_clocks->load();
    m_triage->load();
}
