// SPDX-License-Identifier: MIT
// The one JSON configuration file: read whole and checked before anything starts,
// so the app never runs half-configured.
#pragma once

#include "core/config/SourceConfig.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <vector>

struct AppConfig {
    QString file; // where it was read from; empty for the built-in demo
    std::vector<SourceConfig> sources;
    QString onDuty;     // the person on duty, carried by actions and shown in the header
    nlohmann::json raw; // the whole document, for sections later features read
};

// Throws ConfigError (with the file name set) on any mistake.
AppConfig loadConfigFile(const QString &path);
// Parses a document; `fileName` only names it in errors. Throws ConfigError.
AppConfig parseConfig(const QByteArray &json, const QString &fileName);
// <user config dir>/dutyboard/config.json
QString defaultConfigPath();
