// SPDX-License-Identifier: MIT
#include "JsonPath.h"

namespace {

// An array index per RFC 6901: digits without a leading zero.
bool arrayIndex(const std::string &token, std::size_t *index) {
    if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0'))
        return false;
    std::size_t value = 0;
    for (const char c : token) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    *index = value;
    return true;
}

} // namespace

bool JsonPath::parse(std::string_view text, JsonPath *out) {
    JsonPath path;
    path.m_text = std::string(text);
    if (text.empty()) {
        *out = std::move(path);
        return true;
    }
    if (text.front() != '/')
        return false;
    std::string token;
    for (std::size_t i = 1; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '/') {
            path.m_tokens.push_back(std::move(token));
            token.clear();
        } else if (text[i] == '~') {
            if (i + 1 >= text.size() || (text[i + 1] != '0' && text[i + 1] != '1'))
                return false;
            token += text[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            token += text[i];
        }
    }
    *out = std::move(path);
    return true;
}

const nlohmann::json *JsonPath::resolve(const nlohmann::json &root) const {
    const nlohmann::json *node = &root;
    for (const std::string &token : m_tokens) {
        if (node->is_object()) {
            const auto it = node->find(token);
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (node->is_array()) {
            std::size_t index = 0;
            if (!arrayIndex(token, &index) || index >= node->size())
                return nullptr;
            node = &(*node)[index];
        } else {
            return nullptr;
        }
    }
    return node;
}
