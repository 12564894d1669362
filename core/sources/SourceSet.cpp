// SPDX-License-Identifier: MIT
#include "SourceSet.h"

const Connector &SourceSet::add(std::unique_ptr<Connector> connector) {
    m_connectors.push_back(std::move(connector));
    return *m_connectors.back();
}

std::unique_ptr<Connector> SourceSet::take(const QString &name) {
    for (auto it = m_connectors.begin(); it != m_connectors.end(); ++it) {
        if ((*it)->config().name != name)
            continue;
        std::unique_ptr<Connector> taken = std::move(*it);
        m_connectors.erase(it);
        return taken;
    }
    return nullptr;
}

const Connector *SourceSet::connector(const QString &name) const {
    for (const auto &connector : m_connectors) {
        if (connector->config().name == name)
            return connector.get();
    }
    // A replica of a cluster source: "prod@am-1:9093" (Connector::writeTargets()).
    const int at = name.indexOf(QLatin1Char('@'));
    if (at > 0) {
        if (const Connector *cluster = connector(name.left(at)))
            return cluster->replica(name);
    }
    return nullptr;
}

ConnectorLookup SourceSet::lookup() const {
    return [this](const QString &name) { return connector(name); };
}
