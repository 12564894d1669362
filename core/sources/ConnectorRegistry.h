// SPDX-License-Identifier: MIT
// Connectors by type name ("alertmanager", "generic", "jira"…): the config says a type, this makes
// it.
#pragma once

#include "core/sources/Connector.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

class ConnectorRegistry final {
public:
    using Factory = std::function<std::unique_ptr<Connector>(const SourceConfig &)>;

    // Every connector shipped with dutyboard. Registered explicitly: self-registering statics
    // in a static library are dropped by the linker when nothing references them.
    static const ConnectorRegistry &builtin();

    // Adds or replaces a type (tests, extra connectors): copy builtin() first to extend it.
    void add(const QString &type, Factory factory);
    bool has(const QString &type) const;
    QStringList types() const; // sorted

    // Throws ConfigError at config.pointer + "/type" listing the known types when the type is
    // unknown; the connector's own constructor throws ConfigError for its keys.
    // The connector reads the time from `clock` (which must outlive it).
    std::unique_ptr<Connector> create(const SourceConfig &config,
                                      const Clock &clock = Clock::system()) const;

private:
    std::map<QString, Factory> m_factories;
};
