// SPDX-License-Identifier: MIT
#include "JsonFields.h"

using nlohmann::json;

const json *jsonMember(const json *object, std::string_view key) {
    if (!object || !object->is_object())
        return nullptr;
    const auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

const std::string *jsonString(const json *object, std::string_view key) {
    const json *value = jsonMember(object, key);
    return value && value->is_string() ? &value->get_ref<const std::string &>() : nullptr;
}

QString utf8ToQString(const std::string *text) {
    return text ? utf8ToQString(std::string_view(*text)) : QString();
}

QString utf8ToQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
