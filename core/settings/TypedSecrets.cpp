// SPDX-License-Identifier: MIT
#include "TypedSecrets.h"

#include "core/config/Keyring.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <memory>

namespace {

using ordered_json = nlohmann::ordered_json;

// Where a source's secret goes when the keyring cannot keep it.
QString fallbackPath(QString sourceName) {
    sourceName.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/dutyboard/secrets/%1.secret").arg(sourceName);
}

// The auth key naming where the secret is kept ("token_keyring", "password_file"…), or empty.
std::string secretKey(const ordered_json &auth) {
    for (const char *base : {"token", "password"})
        for (const char *kind : {"_keyring", "_file", "_env"})
            if (auth.contains(std::string(base) + kind))
                return std::string(base) + kind;
    return {};
}

struct Keeping {
    ordered_json document;
    std::vector<PrivateSecretFile> files;
    QStringList notes;
    int pending = 1; // released after the loop: a keyring may answer before it ends
    TypedSecretsKept done;

    void oneDone() {
        if (--pending == 0)
            done(document, files, notes.join(QLatin1Char(' ')));
    }
};

} // namespace

void keepTypedSecrets(ordered_json document, const std::vector<TypedSecret> &secrets,
                      QObject *context, TypedSecretsKept done) {
    auto keeping = std::make_shared<Keeping>();
    keeping->document = std::move(document);
    keeping->done = std::move(done);
    for (const TypedSecret &typed : secrets) {
        ordered_json &source = keeping->document["sources"][typed.source];
        const std::string key = secretKey(source.value("auth", ordered_json::object()));
        if (key.empty())
            continue; // no secret to keep: the form says "none"
        const QString where = QString::fromStdString(source["auth"][key].get<std::string>());
        if (key.find("_file") != std::string::npos) {
            keeping->files.push_back({where, typed.secret});
            continue;
        }
        if (key.find("_keyring") == std::string::npos)
            continue; // an environment variable is set outside dutyboard
        ++keeping->pending;
        const size_t index = typed.source;
        writeKeyringInBackground(
            where, typed.secret, context,
            [keeping, index, key, secret = typed.secret](const QString &failed) {
                if (!failed.isEmpty()) {
                    ordered_json &refused = keeping->document["sources"][index];
                    const QString name = QString::fromStdString(refused.value("name", ""));
                    const QString file = fallbackPath(name);
                    const std::string base = key.substr(0, key.find('_'));
                    refused["auth"].erase(key);
                    refused["auth"][base + "_file"] = file.toStdString();
                    keeping->files.push_back({file, secret});
                    keeping->notes.append(
                        QStringLiteral("%1: %2; kept in the private file %3 instead.")
                            .arg(name, failed, file));
                }
                keeping->oneDone();
            });
    }
    keeping->oneDone();
}

QString writePrivateSecretFile(const QString &path, const QByteArray &secret) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly, QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(secret + '\n') != secret.size() + 1)
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}
