// SPDX-License-Identifier: MIT
#include "ConnectorRegistry.h"

#include "core/config/ConfigError.h"
#include "core/sources/connectors/AlertmanagerConnector.h"
#include "core/sources/connectors/GenericConnector.h"
#include "core/sources/connectors/GitHubConnector.h"
#include "core/sources/connectors/GitLabConnector.h"
#include "core/sources/connectors/IncidentIoConnector.h"
#include "core/sources/connectors/JiraConnector.h"
#include "core/sources/connectors/OpsgenieConnector.h"
#include "core/sources/connectors/PagerDutyConnector.h"
#include "core/sources/connectors/SlackConnector.h"

namespace {

template <typename T> ConnectorRegistry::Factory factoryOf() {
    return [](const SourceConfig &config) { return std::make_unique<T>(config); };
}

} // namespace

const ConnectorRegistry &ConnectorRegistry::builtin() {
    static const ConnectorRegistry registry = [] {
        ConnectorRegistry r;
        r.add(QStringLiteral("alertmanager"), factoryOf<AlertmanagerConnector>());
        r.add(QStringLiteral("generic"), factoryOf<GenericConnector>());
        r.add(QStringLiteral("incidentio"), factoryOf<IncidentIoConnector>());
        r.add(QStringLiteral("opsgenie"), factoryOf<OpsgenieConnector>());
        r.add(QStringLiteral("pagerduty"), factoryOf<PagerDutyConnector>());
        r.add(QStringLiteral("slack"), factoryOf<SlackConnector>());
        r.add(QStringLiteral("github"), factoryOf<GitHubConnector>());
        r.add(QStringLiteral("gitlab"), factoryOf<GitLabConnector>());
        r.add(QStringLiteral("jira"), factoryOf<JiraConnector>());
        return r;
    }();
    return registry;
}

void ConnectorRegistry::add(const QString &type, Factory factory) {
    m_factories[type] = std::move(factory);
}

bool ConnectorRegistry::has(const QString &type) const {
    return m_factories.count(type) != 0;
}

QStringList ConnectorRegistry::types() const {
    QStringList names;
    for (const auto &entry : m_factories)
        names.append(entry.first);
    return names;
}

std::unique_ptr<Connector> ConnectorRegistry::create(const SourceConfig &config,
                                                     const Clock &clock) const {
    const auto it = m_factories.find(config.type);
    if (it == m_factories.end()) {
        throw ConfigError(config.pointer + QStringLiteral("/type"),
                          QStringLiteral("unknown source type \"%1\": expected one of %2")
                              .arg(config.type, types().join(QStringLiteral(", "))));
    }
    std::unique_ptr<Connector> connector = it->second(config);
    connector->setClock(clock);
    return connector;
}
