// SPDX-License-Identifier: MIT
#include "SourceKeys.h"

#include "core/config/ConfigError.h"

#include <algorithm>

using nlohmann::json;

namespace {

const json *findKey(const SourceConfig &config, const char *key) {
    if (!config.raw.is_object())
        return nullptr;
    const auto it = config.raw.find(key);
    return it == config.raw.end() ? nullptr : &*it;
}

QString keyPointer(const SourceConfig &config, const char *key) {
    return config.pointer + QLatin1Char('/') + QLatin1String(key);
}

} // namespace

QString sourceString(const SourceConfig &config, const char *key, const QString &expected,
                     bool required) {
    const json *value = findKey(config, key);
    if (!value && !required)
        return {};
    if (!value || !value->is_string() ||
        (required && value->get_ref<const std::string &>().empty()))
        throw ConfigError(keyPointer(config, key), QStringLiteral("expected %1").arg(expected));
    return QString::fromStdString(value->get<std::string>());
}

QStringList sourceStringList(const SourceConfig &config, const char *key, const QString &expected,
                             const QString &forbidden) {
    const json *value = findKey(config, key);
    if (!value)
        return {};
    if (!value->is_array())
        throw ConfigError(keyPointer(config, key), QStringLiteral("expected %1").arg(expected));
    QStringList list;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json &entry = (*value)[i];
        const QString text =
            entry.is_string() ? QString::fromStdString(entry.get<std::string>()) : QString();
        const bool bad = std::any_of(forbidden.begin(), forbidden.end(),
                                     [&text](QChar c) { return text.contains(c); });
        if (text.trimmed().isEmpty() || bad) {
            QString what = QStringLiteral("a non-empty string");
            if (!forbidden.isEmpty())
                what += QStringLiteral(" without \"%1\"").arg(forbidden);
            throw ConfigError(keyPointer(config, key) + QLatin1Char('/') + QString::number(i),
                              QStringLiteral("expected %1").arg(what));
        }
        list.append(text);
    }
    return list;
}

bool sourceBool(const SourceConfig &config, const char *key, bool fallback) {
    const json *value = findKey(config, key);
    if (!value)
        return fallback;
    if (!value->is_boolean())
        throw ConfigError(keyPointer(config, key), QStringLiteral("expected true or false"));
    return value->get<bool>();
}

QHash<QString, QString> sourceStringMap(const SourceConfig &config, const char *key,
                                        const QString &expected) {
    QHash<QString, QString> map;
    const json *value = findKey(config, key);
    if (!value)
        return map;
    if (!value->is_object())
        throw ConfigError(keyPointer(config, key), QStringLiteral("expected %1").arg(expected));
    for (const auto &[name, entry] : value->items()) {
        if (!entry.is_string() || entry.get_ref<const std::string &>().empty())
            throw ConfigError(keyPointer(config, key) + QLatin1Char('/') +
                                  QString::fromStdString(name),
                              QStringLiteral("expected %1").arg(expected));
        map.insert(QString::fromStdString(name), QString::fromStdString(entry.get<std::string>()));
    }
    return map;
}
