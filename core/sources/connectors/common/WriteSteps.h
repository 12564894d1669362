// SPDX-License-Identifier: MIT
// Writes that look something up first (the token's own user, then assign the issue to it):
// the lookup's answer carries what it found into the next step of the same attempt, through
// WriteAction::lookups, so the connector keeps no state between the calls.
#pragma once

#include "core/http/HttpRequest.h"
#include "core/lean/WriteAction.h"

#include <memory>
#include <string_view>

// `action` with `found` appended to its lookups: the step after it.
std::shared_ptr<const WriteAction> withLookup(const WriteAction &action, const QString &found);

// Judges a lookup's answer: `checked` (the connector's judgement of the HTTP answer) when it
// failed; else the string or integer member `key` of the JSON object answered goes to the next
// step. An answer without it fails, said for a person: "<what> has no \"<key>\"".
WriteOutcome lookupStep(WriteOutcome checked, const WriteAction &action, const HttpResult &result,
                        std::string_view key, const QString &what);
