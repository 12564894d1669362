// SPDX-License-Identifier: MIT
// Secrets kept in the desktop keyring (Secret Service, KWallet) through QtKeychain, so a token
// typed once never sits on the disk in clear. Entries are stored under the service "dutyboard"
// with the entry's name as the key ("dutyboard/prod-alerts").
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

class QObject;
struct SourceConfig;

struct KeyringRead {
    QByteArray secret;
    QString error; // for a person, naming the way out; empty when the secret was read
};

// These wait for the keyring's answer (a D-Bus round trip) in a local event loop, at most
// `timeoutMs`: call them before the window exists, or from the command line.
// `fileKey` names the way out in the errors: "token_file", "password_file".
KeyringRead readKeyring(const QString &entry, int timeoutMs = 10000,
                        const QString &fileKey = QStringLiteral("token_file"));
QString writeKeyring(const QString &entry, const QByteArray &secret, int timeoutMs = 10000);
QString deleteKeyring(const QString &entry, int timeoutMs = 10000);

// The same write without waiting, for the window: `done` gets the error (empty when stored),
// unless `context` is gone by then.
void writeKeyringInBackground(const QString &entry, const QByteArray &secret, QObject *context,
                              std::function<void(const QString &error)> done);

// Fills the secret of every source whose auth names a keyring entry (each entry read once).
// An entry that cannot be read becomes that source's error: the others run as usual.
void readKeyringSecrets(std::vector<SourceConfig> *sources);
