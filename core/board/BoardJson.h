// SPDX-License-Identifier: MIT
// The whole board as one JSON document: what `--print` writes for scripts and tests.
#pragma once

#include "core/board/Board.h"

#include <nlohmann/json.hpp>

// {"generated_at", "sources":[…], "requests":[…], "bugs":[…], "incidents":[…], "andons":[…]}
nlohmann::json boardToJson(const Board &board);
// ISO 8601 UTC with seconds, "2026-11-30T09:40:12Z"; null when invalid.
nlohmann::json isoUtc(const QDateTime &t);
