// SPDX-License-Identifier: MIT
#include "Secrets.h"

#include "core/config/ConfigError.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>

#include <cstdlib>

namespace {

QMutex secretsMutex;
QSet<QByteArray> &knownSecrets() {
    static QSet<QByteArray> secrets;
    return secrets;
}

QString keyString(const nlohmann::json &auth, const std::string &key, const QString &pointer) {
    const auto it = auth.find(key);
    if (it == auth.end())
        return {};
    if (!it->is_string() || it->get_ref<const std::string &>().empty())
        throw ConfigError(pointer + QLatin1Char('/') + QString::fromStdString(key),
                          QStringLiteral("expected a non-empty string"));
    return QString::fromStdString(it->get<std::string>());
}

QByteArray readSecretFile(const QString &path, const QString &pointer) {
    const QFileInfo info(path);
    if (!info.exists())
        throw ConfigError(pointer, QStringLiteral("secret file %1 does not exist").arg(path));
    const QFile::Permissions perms = info.permissions();
    if (perms & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther))
        throw ConfigError(pointer, QStringLiteral("secret file %1 is readable by group or others: "
                                                  "run chmod 600 on it")
                                       .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ConfigError(
            pointer,
            QStringLiteral("cannot read secret file %1: %2").arg(path, file.errorString()));
    return file.readAll().trimmed();
}

} // namespace

QByteArray readSecret(const nlohmann::json &auth, const QString &pointer, const char *base) {
    const std::string name(base);
    if (auth.contains(name))
        throw ConfigError(pointer + QLatin1Char('/') + QString::fromStdString(name),
                          QStringLiteral("secrets never go in the config file: use %1_keyring (the "
                                         "desktop keyring: dutyboard keyring set NAME), %1_env "
                                         "(an environment variable) or %1_file (a chmod 600 file)")
                              .arg(QLatin1String(base)));
    QByteArray secret;
    const QString envName = keyString(auth, name + "_env", pointer);
    const QString filePath = keyString(auth, name + "_file", pointer);
    if (!envName.isEmpty()) {
        const char *value = std::getenv(envName.toLocal8Bit().constData());
        if (value == nullptr || *value == '\0')
            throw ConfigError(pointer + QStringLiteral("/%1_env").arg(QLatin1String(base)),
                              QStringLiteral("environment variable %1 is not set").arg(envName));
        secret = QByteArray(value);
    } else if (!filePath.isEmpty()) {
        secret =
            readSecretFile(filePath, pointer + QStringLiteral("/%1_file").arg(QLatin1String(base)));
    }
    rememberSecret(secret);
    return secret;
}

QString secretKeyringEntry(const nlohmann::json &auth, const QString &pointer, const char *base) {
    return keyString(auth, std::string(base) + "_keyring", pointer);
}

void rememberSecret(const QByteArray &secret) {
    if (secret.size() < 4)
        return; // too short to redact without mangling ordinary text
    QMutexLocker lock(&secretsMutex);
    knownSecrets().insert(secret);
}

QString redactSecrets(QString text) {
    QMutexLocker lock(&secretsMutex);
    for (const QByteArray &secret : std::as_const(knownSecrets())) {
        text.replace(QString::fromUtf8(secret), QStringLiteral("[redacted]"));
    }
    return text;
}

bool containsSecret(const QByteArray &bytes) {
    QMutexLocker lock(&secretsMutex);
    for (const QByteArray &secret : std::as_const(knownSecrets())) {
        if (bytes.contains(secret))
            return true;
    }
    return false;
}
