// SPDX-License-Identifier: MIT
// Table-driven expectations on connector output: items and pages compared with a JSON object
// that names only the fields a row cares about.
#pragma once

#include "core/sources/Connector.h"

#include <nlohmann/json.hpp>

#include <QString>

// kind (panel name), source, id, title, state, created ("…Z" with ms, or null), people, owner,
// url,
// severity (name), severity_label, severity_raw, project, reason, raised_by, column, due
// ("…Z", or null).
nlohmann::json itemToTestJson(const Item &item);

// Empty when the items match: same count, and every key given in each expected object equal.
QString matchItems(const Items &actual, const nlohmann::json &expected);

// `expected` may hold "items" (array), "error" (exact), "error_prefix", "unreadable" (the items
// left out, as unreadableText() says it) and "next" (the next request's URL, or null for the last
// page). An absent "error" or "unreadable" means none expected.
QString matchPage(const ParsedPage &page, const nlohmann::json &expected);
