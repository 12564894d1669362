// SPDX-License-Identifier: MIT
// The configured sources: one connector per source, owned here (the application context makes
// them from the config). The poller schedules their fetches, the board keeps their health, and
// the outbox and the lean config find their write calls here by name.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/ConnectorLookup.h"

#include <memory>
#include <vector>

class SourceSet final {
public:
    SourceSet() = default;
    SourceSet(const SourceSet &) = delete;
    SourceSet &operator=(const SourceSet &) = delete;

    const Connector &add(std::unique_ptr<Connector> connector);
    // Takes the connector of that source out (a live reload); nullptr when there is none. The
    // caller keeps it alive until nothing uses it any more (a fetch or a write in flight).
    std::unique_ptr<Connector> take(const QString &name);
    // The connector of the source of that name, or of one replica of a cluster source
    // ("prod@am-1:9093", an outbox row's target), or nullptr.
    const Connector *connector(const QString &name) const;
    // connector() as a function, for what must not know this class; valid while this lives.
    ConnectorLookup lookup() const;
    const std::vector<std::unique_ptr<Connector>> &connectors() const { return m_connectors; }

private:
    std::vector<std::unique_ptr<Connector>> m_connectors;
};
