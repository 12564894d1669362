// SPDX-License-Identifier: MIT
#include "SourceKeyPath.h"

using ordered_json = nlohmann::ordered_json;

namespace {

// "fields/id" -> {"fields", "id"}; "url" -> {"url"}.
std::pair<std::string, std::string> splitKey(const std::string &name) {
    const auto slash = name.find('/');
    if (slash == std::string::npos)
        return {name, {}};
    return {name.substr(0, slash), name.substr(slash + 1)};
}

} // namespace

const ordered_json *keyAt(const ordered_json &object, const std::string &name) {
    const auto [outer, inner] = splitKey(name);
    const auto it = object.find(outer);
    if (it == object.end())
        return nullptr;
    if (inner.empty())
        return &*it;
    if (!it->is_object())
        return nullptr;
    const auto in = it->find(inner);
    return in == it->end() ? nullptr : &*in;
}

void setKeyAt(ordered_json *object, const std::string &name, const ordered_json &value) {
    const auto [outer, inner] = splitKey(name);
    if (inner.empty()) {
        if (value.is_null())
            object->erase(outer);
        else
            (*object)[outer] = value;
        return;
    }
    if (value.is_null()) {
        if (object->contains(outer) && (*object)[outer].is_object()) {
            (*object)[outer].erase(inner);
            if ((*object)[outer].empty())
                object->erase(outer);
        }
        return;
    }
    if (!object->contains(outer) || !(*object)[outer].is_object())
        (*object)[outer] = ordered_json::object();
    (*object)[outer][inner] = value;
}

QStringList splitTypedList(const QString &text) {
    QStringList parts;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == QLatin1Char(',') && !quoted) {
            parts.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    parts.append(current.trimmed());
    parts.removeAll(QString());
    return parts;
}

QString typedText(const ordered_json *value) {
    if (!value)
        return {};
    if (value->is_string())
        return QString::fromStdString(value->get<std::string>());
    if (value->is_array()) {
        QStringList items;
        for (const auto &item : *value)
            items.append(item.is_string() ? QString::fromStdString(item.get<std::string>())
                                          : QString::fromStdString(item.dump()));
        return items.join(QStringLiteral(", "));
    }
    return QString::fromStdString(value->dump());
}
