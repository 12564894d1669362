// SPDX-License-Identifier: MIT
// The "state" section of the config: where the lean state lives. Absent, or "type": "sqlite":
// this desk's SQLite file. "type": "postgres": a PostgreSQL schema the team shares.
#pragma once

#include "core/store/StoreLocation.h"

#include <nlohmann/json.hpp>

#include <optional>

// Read from the whole config document (AppConfig::raw). Empty when there is no "state" section
// (or its "path" is not set): the caller's SQLite default. The password comes from
// "password_env" or "password_file", never from the file itself. Throws ConfigError with the
// JSON pointer of the bad value.
std::optional<StoreLocation> parseStateConfig(const nlohmann::json &document);
