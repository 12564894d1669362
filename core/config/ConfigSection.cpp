// SPDX-License-Identifier: MIT
#include "ConfigSection.h"

#include "core/config/ConfigError.h"

#include <QStringList>

using json = nlohmann::json;

QString jsonPointerAt(const QString &pointer, const QString &key) {
    return pointer + QLatin1Char('/') + key;
}

const json *configSection(const json &document, const char *name) {
    if (!document.is_object())
        return nullptr;
    const auto it = document.find(name);
    if (it == document.end())
        return nullptr;
    if (!it->is_object())
        throw ConfigError(QStringLiteral("/") + QLatin1String(name),
                          QStringLiteral("expected an object"));
    return &*it;
}

bool configFlag(const json &object, const char *key, const QString &pointer, bool fallback) {
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_boolean())
        throw ConfigError(jsonPointerAt(pointer, QLatin1String(key)),
                          QStringLiteral("expected true or false"));
    return it->get<bool>();
}

void rejectUnknownKeys(const json &object, const QString &pointer,
                       std::initializer_list<const char *> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        for (const char *k : known)
            ok = ok || it.key() == k;
        if (!ok) {
            QStringList names;
            for (const char *k : known)
                names.append(QLatin1String(k));
            throw ConfigError(jsonPointerAt(pointer, QString::fromStdString(it.key())),
                              QStringLiteral("unknown key; expected one of %1")
                                  .arg(names.join(QStringLiteral(", "))));
        }
    }
}
