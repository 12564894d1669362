// SPDX-License-Identifier: MIT
// A WriteAction as JSON: the outbox stores actions in this form and reads them back as they were.
#pragma once

#include "core/lean/WriteAction.h"

#include <nlohmann/json.hpp>

// Inverse of writeKindName(); false for an unknown name.
bool writeKindFromName(const QString &name, WriteKind *kind);

nlohmann::json writeActionToJson(const WriteAction &action);
// False (with `error` said for a person) when the JSON is not a stored action.
bool writeActionFromJson(const nlohmann::json &json, WriteAction *action, QString *error);
