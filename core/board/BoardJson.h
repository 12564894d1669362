// SPDX-License-Identifier: MIT
// The whole board as one JSON document: what `--print` writes for scripts and tests.
#pragma once

#include "core/board/Board.h"

#include <nlohmann/json.hpp>

class Ownerships;

// {"generated_at", "sources":[…], "requests":[…], "bugs":[…], "incidents":[…], "andons":[…]}
// Every item says who owns it: "owner" (through dutyboard, else as its source says; null when
// nobody), "owned_since" (dutyboard's; null otherwise) and "acknowledged" (the source records
// it: dutyboard's acknowledgement was accepted there, or the source names an owner).
nlohmann::json boardToJson(const Board &board, const Ownerships *ownerships = nullptr);
// ISO 8601 UTC with seconds, "2026-11-30T09:40:12Z"; null when invalid.
nlohmann::json isoUtc(const QDateTime &t);
