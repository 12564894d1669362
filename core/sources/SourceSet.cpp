// SPDX-License-Identifier: MIT
#include "SourceSet.h"

#include "core/sources/ConnectorRegistry.h"

SourceSet::SourceSet(const std::vector<SourceConfig> &sources, const Clock &clock) {
    const ConnectorRegistry &registry = ConnectorRegistry::builtin();
    for (const SourceConfig &source : sources)
        add(registry.create(source, clock));
}

const Connector &SourceSet::add(std::unique_ptr<Connector> connector) {
    m_connectors.push_back(std::move(connector));
    return *m_connectors.back();
}

const Connector *SourceSet::connector(const QString &name) const {
    for (const auto &connector : m_connectors) {
        if (connector->config().name == name)
            return connector.get();
    }
    return nullptr;
}

ConnectorLookup SourceSet::lookup() const {
    return [this](const QString &name) { return connector(name); };
}
