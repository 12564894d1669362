// SPDX-License-Identifier: MIT
// The secrets typed in the sources editor, kept before the config that names them is written.
// The keyring is asked without waiting; a secret it refuses (locked, or no keyring on this
// machine: a kiosk, CI) goes to a private file instead, and its source then names that file.
// The config file never holds a secret.
#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

class QObject;

struct TypedSecret {
    size_t source = 0; // its index in the document's "sources"
    QByteArray secret;
};

struct PrivateSecretFile {
    QString path;
    QByteArray secret;
};

using TypedSecretsKept =
    std::function<void(const nlohmann::ordered_json &document,
                       const std::vector<PrivateSecretFile> &files, const QString &notes)>;

// Keeps each secret where its source's auth says ("token_keyring", "token_file"…), the keyring's
// in the background. Then `done` (unless `context` is gone) gets the document as it must be
// written, the private files to write with it, and what a person should know ("filed: no keyring
// on this machine…; kept in the private file … instead"), empty when all went as asked.
void keepTypedSecrets(nlohmann::ordered_json document, const std::vector<TypedSecret> &secrets,
                      QObject *context, TypedSecretsKept done);

// Writes `secret` to `path`, readable by its owner only from the first byte. The error, or empty.
QString writePrivateSecretFile(const QString &path, const QByteArray &secret);
