// SPDX-License-Identifier: MIT
// The lean workflow's state, kept in a store: the outbox, the investigation clocks (the
// 15-minute rule), the triage decisions, the escalation links and who owns what. What the lean
// controller, the lean screens and the action commands share.
#pragma once

#include "core/lean/Escalations.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/Outbox.h"
#include "core/lean/TriageStore.h"
#include "core/ownership/Ownerships.h"
#include "core/sources/ConnectorLookup.h"
#include "core/time/Clock.h"

#include <memory>

class HttpClient;
class Store;
struct LeanConfig;

class LeanState final {
public:
    // `store` must be open; everything given must outlive this object. When the store is
    // shared, what other instances change is read again as they announce it.
    LeanState(Store *store, HttpClient *http, ConnectorLookup connectors, const Clock &clock,
              const LeanConfig &config);
    ~LeanState(); // the outbox first: its sends post to the store
    LeanState(const LeanState &) = delete;
    LeanState &operator=(const LeanState &) = delete;

    // Loads what earlier runs left: the outbox sends what is pending, clocks and triage load.
    // The escalations are loaded by whoever finishes them (LeanController).
    void start();

    Outbox *outbox() const { return m_outbox.get(); }
    InvestigationClocks *clocks() const { return m_clocks.get(); }
    TriageStore *triage() const { return m_triage.get(); }
    Escalations *escalations() const { return m_escalations.get(); }
    Ownerships *ownerships() const { return m_ownerships.get(); }

private:
    // What another instance changed: "clocks", "triage", "escalations", "outbox"; empty: all
    // (the ownerships follow "ownership" themselves).
    void reload(const QString &topic);

    std::unique_ptr<Escalations> m_escalations;
    std::unique_ptr<TriageStore> m_triage;
    std::unique_ptr<InvestigationClocks> m_clocks;
    std::unique_ptr<Ownerships> m_ownerships;
    std::unique_ptr<Outbox> m_outbox;
};
