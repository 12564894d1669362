// SPDX-License-Identifier: MIT
// Reading one optional section of the config document ("wall", "notifications"): the section
// itself, its flags, and a precise error for a key it does not know.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <initializer_list>

// `pointer` + "/" + `key`: the JSON pointer of a key inside an object.
QString jsonPointerAt(const QString &pointer, const QString &key);

// The document's object `name`, or nullptr when absent. Throws ConfigError at "/name" when it is
// not an object.
const nlohmann::json *configSection(const nlohmann::json &document, const char *name);

// `object[key]` as a boolean, `fallback` when absent; throws ConfigError when not a boolean.
bool configFlag(const nlohmann::json &object, const char *key, const QString &pointer,
                bool fallback);

// Throws ConfigError at the first key of `object` not in `known`: a typo
// ("page_intervall_s") would otherwise be silently ignored.
void rejectUnknownKeys(const nlohmann::json &object, const QString &pointer,
                       std::initializer_list<const char *> known);
