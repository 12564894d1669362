// SPDX-License-Identifier: MIT
#include "AppConfig.h"

#include "core/config/ConfigError.h"
#include "core/config/DuplicateSources.h"
#include "core/config/Secrets.h"
#include "core/grouping/GroupBy.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>

namespace {

using json = nlohmann::json;

QString at(const QString &pointer, const char *key) {
    return pointer + QLatin1Char('/') + QLatin1String(key);
}

QString optionalString(const json &object, const char *key, const QString &pointer,
                       const QString &fallback = {}) {
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_string())
        throw ConfigError(at(pointer, key), QStringLiteral("expected a string"));
    return QString::fromStdString(it->get<std::string>());
}

QString requiredString(const json &object, const char *key, const QString &pointer) {
    const QString value = optionalString(object, key, pointer);
    if (value.isEmpty())
        throw ConfigError(at(pointer, key),
                          QStringLiteral("expected a non-empty string (required)"));
    return value;
}

int optionalInt(const json &object, const char *key, const QString &pointer, int fallback, int min,
                int max) {
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max)
        throw ConfigError(at(pointer, key),
                          QStringLiteral("expected an integer from %1 to %2").arg(min).arg(max));
    return static_cast<int>(it->get<long long>());
}

bool optionalBool(const json &object, const char *key, const QString &pointer, bool fallback) {
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_boolean())
        throw ConfigError(at(pointer, key), QStringLiteral("expected true or false"));
    return it->get<bool>();
}

AuthConfig parseAuth(const json &source, const QString &pointer) {
    AuthConfig auth;
    const auto it = source.find("auth");
    if (it == source.end())
        return auth;
    const QString authPointer = at(pointer, "auth");
    if (!it->is_object())
        throw ConfigError(authPointer, QStringLiteral("expected an object"));
    const json &a = *it;
    const bool hasToken = a.contains("token_env") || a.contains("token_file") ||
                          a.contains("token_keyring") || a.contains("token");
    auth.type = optionalString(a, "type", authPointer,
                               hasToken ? QStringLiteral("vendor") : QStringLiteral("none"));
    static const QSet<QString> types = {QStringLiteral("none"), QStringLiteral("bearer"),
                                        QStringLiteral("basic"), QStringLiteral("header"),
                                        QStringLiteral("vendor")};
    if (!types.contains(auth.type))
        throw ConfigError(at(authPointer, "type"),
                          QStringLiteral("expected one of none, bearer, basic, header, vendor"));
    if (auth.type == QLatin1String("basic")) {
        auth.user = requiredString(a, "user", authPointer);
        auth.secret = readSecret(a, authPointer, "password");
        if (auth.secret.isEmpty())
            auth.keyringEntry = secretKeyringEntry(a, authPointer, "password");
        if (auth.secret.isEmpty() && auth.keyringEntry.isEmpty())
            throw ConfigError(authPointer, QStringLiteral("basic auth needs password_env, "
                                                          "password_file or password_keyring"));
    } else if (auth.type != QLatin1String("none")) {
        if (auth.type == QLatin1String("header"))
            auth.headerName = requiredString(a, "header", authPointer).toUtf8();
        auth.secret = readSecret(a, authPointer, "token");
        if (auth.secret.isEmpty())
            auth.keyringEntry = secretKeyringEntry(a, authPointer, "token");
        if (auth.secret.isEmpty() && auth.keyringEntry.isEmpty())
            throw ConfigError(authPointer,
                              QStringLiteral("expected token_env, token_file or token_keyring"));
    }
    return auth;
}

TlsOptions parseTls(const json &source, const QString &pointer) {
    TlsOptions tls;
    const auto it = source.find("tls");
    if (it == source.end())
        return tls;
    const QString tlsPointer = at(pointer, "tls");
    if (!it->is_object())
        throw ConfigError(tlsPointer, QStringLiteral("expected an object"));
    tls.verify = optionalBool(*it, "verify", tlsPointer, true);
    tls.caFile = optionalString(*it, "ca_file", tlsPointer);
    tls.clientCert = optionalString(*it, "client_cert", tlsPointer);
    tls.clientKey = optionalString(*it, "client_key", tlsPointer);
    return tls;
}

QByteArray checkedUrl(const QString &url, const QString &pointer) {
    if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
        throw ConfigError(pointer, QStringLiteral("expected an http:// or https:// URL"));
    return url.toUtf8();
}

// A string, or (alertmanager: the replicas of a cluster, read as one source) a list of them.
QByteArrayList parseUrls(const json &source, const QString &pointer, const QString &type) {
    const auto it = source.find("url");
    const QString urlPointer = at(pointer, "url");
    if (it == source.end() || !it->is_array())
        return {checkedUrl(requiredString(source, "url", pointer), urlPointer)};
    if (type != QLatin1String("alertmanager"))
        throw ConfigError(urlPointer,
                          QStringLiteral("expected a string (a list of URLs is for the replicas "
                                         "of an alertmanager cluster)"));
    if (it->empty())
        throw ConfigError(urlPointer, QStringLiteral("expected a URL or a non-empty list of URLs"));
    QByteArrayList urls;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const QString itemPointer = urlPointer + QLatin1Char('/') + QString::number(i);
        if (!(*it)[i].is_string())
            throw ConfigError(itemPointer, QStringLiteral("expected a string"));
        const QByteArray url =
            checkedUrl(QString::fromStdString((*it)[i].get<std::string>()), itemPointer);
        if (urls.contains(url))
            throw ConfigError(itemPointer, QStringLiteral("this URL is listed twice"));
        urls.append(url);
    }
    return urls;
}

SourceConfig parseSource(const json &source, const QString &pointer) {
    if (!source.is_object())
        throw ConfigError(pointer, QStringLiteral("expected an object describing a source"));
    SourceConfig config;
    config.pointer = pointer;
    config.raw = source;
    config.name = requiredString(source, "name", pointer);
    config.type = requiredString(source, "type", pointer);
    config.urls = parseUrls(source, pointer, config.type);
    config.url = config.urls.front();
    const QString panel = requiredString(source, "panel", pointer);
    if (!itemKindFromPanelName(panel, &config.panel))
        throw ConfigError(
            at(pointer, "panel"),
            QStringLiteral("expected one of requests, bugs, incidents, andons, kanban"));
    config.intervalS = optionalInt(source, "interval_s", pointer, 30, 1, 86400);
    config.timeoutS = optionalInt(source, "timeout_s", pointer, 20, 1, 600);
    config.maxPages = optionalInt(source, "max_pages", pointer, 20, 1, 1000);
    config.maxBodyMb = optionalInt(source, "max_body_mb", pointer, 64, 1, 1024);
    config.proxy = optionalString(source, "proxy", pointer).toUtf8();
    config.tls = parseTls(source, pointer);
    config.auth = parseAuth(source, pointer);
    sourceGroupBy(config); // checked here; the panels read it when they group
    return config;
}

} // namespace

AppConfig parseConfig(const QByteArray &text, const QString &fileName) {
    try {
        json doc;
        try {
            doc = json::parse(text.constData(), text.constData() + text.size());
        } catch (const json::parse_error &e) {
            throw ConfigError(QString(), QStringLiteral("not valid JSON (byte %1): %2")
                                             .arg(e.byte)
                                             .arg(QString::fromUtf8(e.what())));
        } catch (const json::exception &e) {
            // Not only syntax: a number too large for a double is out_of_range (found by fuzzing).
            throw ConfigError(
                QString(), QStringLiteral("not usable JSON: %1").arg(QString::fromUtf8(e.what())));
        }
        if (!doc.is_object())
            throw ConfigError(QString(), QStringLiteral("expected a JSON object with \"sources\""));
        AppConfig config;
        config.file = fileName;
        const auto sources = doc.find("sources");
        if (sources == doc.end() || !sources->is_array())
            throw ConfigError(QStringLiteral("/sources"),
                              QStringLiteral("expected an array of sources"));
        QSet<QString> names;
        for (size_t i = 0; i < sources->size(); ++i) {
            const QString pointer = QStringLiteral("/sources/%1").arg(i);
            SourceConfig source = parseSource((*sources)[i], pointer);
            if (names.contains(source.name))
                throw ConfigError(
                    pointer + QStringLiteral("/name"),
                    QStringLiteral("source name \"%1\" is used twice").arg(source.name));
            names.insert(source.name);
            config.sources.push_back(std::move(source));
        }
        showEachAlertOnce(&config.sources);
        config.onDuty = optionalString(doc, "on_duty", QString());
        config.raw = std::move(doc);
        return config;
    } catch (ConfigError &e) {
        e.setFile(fileName);
        throw;
    }
}

AppConfig loadConfigFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigError error(QString(), QStringLiteral("cannot read: %1").arg(file.errorString()));
        error.setFile(path);
        throw error;
    }
    return parseConfig(file.readAll(), path);
}

QString defaultConfigPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/dutyboard/config.json");
}
