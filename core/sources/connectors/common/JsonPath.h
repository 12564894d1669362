// SPDX-License-Identifier: MIT
// A JSON pointer (RFC 6901) compiled once from config and resolved per item without
// exceptions or copies: nlohmann's json_pointer throws on a missing key, too slow per item.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <string>
#include <string_view>
#include <vector>

class JsonPath final {
public:
    JsonPath() = default; // "": the whole document

    // False when `text` is not a JSON pointer: it must be "" or start with '/', and '~' may
    // only appear as "~0" or "~1".
    static bool parse(std::string_view text, JsonPath *out);

    // The value at this path, or nullptr when a step is missing or of the wrong kind.
    const nlohmann::json *resolve(const nlohmann::json &root) const;

    QString text() const { return QString::fromStdString(m_text); }
    bool isRoot() const { return m_tokens.empty(); }

private:
    std::string m_text;
    std::vector<std::string> m_tokens; // unescaped
};
