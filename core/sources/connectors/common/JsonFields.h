// SPDX-License-Identifier: MIT
// Reading optional fields of a vendor's JSON without exceptions or copies: a field of another
// type counts as absent, so a surprise in an optional field never fails a whole page.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <string>
#include <string_view>

// A member of an object, or nullptr (also when `object` is null or not an object).
const nlohmann::json *jsonMember(const nlohmann::json *object, std::string_view key);
// A string member, or nullptr when absent or of another type.
const std::string *jsonString(const nlohmann::json *object, std::string_view key);
// Empty for nullptr.
QString utf8ToQString(const std::string *text);
QString utf8ToQString(std::string_view text);
