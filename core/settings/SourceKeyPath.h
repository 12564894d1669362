// SPDX-License-Identifier: MIT
// A source's config object as the sources editor reads and writes it: keys by path ("url",
// "fields/id" for "id" in its "fields" object), and list values as a person types them.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

// The value at `path`, or nullptr.
const nlohmann::ordered_json *keyAt(const nlohmann::ordered_json &source, const std::string &path);
// Sets the value at `path` (in place: the key keeps its position), or removes it when `value` is
// null; a nested object left empty goes too.
void setKeyAt(nlohmann::ordered_json *source, const std::string &path,
              const nlohmann::ordered_json &value);

// "a, b" -> ["a", "b"]; commas inside double quotes are kept (team=~"a,b").
QStringList splitTypedList(const QString &text);
// A value as a person types it: a string as is, a list joined by ", ", anything else as JSON;
// empty for nullptr.
QString typedText(const nlohmann::ordered_json *value);
