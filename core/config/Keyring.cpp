// SPDX-License-Identifier: MIT
#include "Keyring.h"

#include "core/config/Secrets.h"
#include "core/config/SourceConfig.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QEventLoop>
#include <QHash>
#include <QTimer>

namespace {

const QString service = QStringLiteral("dutyboard");

// Whether the session bus has a keyring to ask: the Secret Service (GNOME Keyring, KeePassXC…)
// or KWallet, running or startable.
bool keyringOnSessionBus() {
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const char *name : {"org.freedesktop.secrets", "org.kde.kwalletd6", "org.kde.kwalletd5"}) {
        const QString service = QLatin1String(name);
        if (activatable.contains(service) || bus.interface()->isServiceRegistered(service))
            return true;
    }
    return false;
}

// Whether the Secret Service's default collection (where QtKeychain keeps entries) is locked.
// A lookup in a locked collection, with no one to type the password, finds nothing: without
// this, a locked keyring would read as a missing entry.
bool defaultCollectionLocked() {
    QDBusInterface collection(QStringLiteral("org.freedesktop.secrets"),
                              QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                              QStringLiteral("org.freedesktop.Secret.Collection"),
                              QDBusConnection::sessionBus());
    return collection.isValid() && collection.property("Locked").toBool();
}

// Sentences a person can act on, from QtKeychain's error codes. The libsecret backend reports
// both a missing service and a locked keyring whose unlock prompt cannot be shown (a kiosk, a
// headless session) as "other": the session bus tells them apart.
QString describe(QKeychain::Error error, const QString &detail, const QString &entry,
                 const QString &fileKey) {
    if (error != QKeychain::NoError && error != QKeychain::EntryNotFound && !keyringOnSessionBus())
        error = QKeychain::NoBackendAvailable;
    if (error == QKeychain::EntryNotFound && defaultCollectionLocked())
        return QStringLiteral("keyring locked: unlock it or use %1 (its default collection is "
                              "locked, so %2 cannot be read)")
            .arg(fileKey, entry);
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QStringLiteral("the keyring has no entry %1: save it with \"dutyboard keyring set "
                              "%1\" or use %2")
            .arg(entry, fileKey);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QStringLiteral("no keyring on this machine (Secret Service or KWallet): use %1 (a "
                              "chmod 600 file) instead (%2)")
            .arg(fileKey, detail);
    default:
        return QStringLiteral("keyring locked: unlock it or use %1 (%2)").arg(fileKey, detail);
    }
}

// Runs `job` (deleted by itself when it finishes) and waits for it at most `timeoutMs`.
// Returns the error sentence, empty on success; `onSuccess` reads the job's answer.
template <typename Job, typename OnSuccess>
QString runJob(Job *job, const QString &entry, int timeoutMs, const QString &fileKey,
               OnSuccess onSuccess) {
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a clear-text file instead of the keyring
    job->setKey(entry);
    QEventLoop loop;
    QString error = QStringLiteral("keyring locked: unlock it or use %1 (no answer within %2 s)")
                        .arg(fileKey)
                        .arg(timeoutMs / 1000);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        error = describe(done->error(), done->errorString(), entry, fileKey);
        if (error.isEmpty())
            onSuccess(static_cast<Job *>(done));
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    // A job that did not answer in time finishes later and deletes itself; `loop` and the
    // connection to it are gone by then.
    return error;
}

} // namespace

KeyringRead readKeyring(const QString &entry, int timeoutMs, const QString &fileKey) {
    KeyringRead read;
    read.error = runJob(
        new QKeychain::ReadPasswordJob(service), entry, timeoutMs, fileKey,
        [&read](QKeychain::ReadPasswordJob *job) { read.secret = job->binaryData().trimmed(); });
    if (read.error.isEmpty() && read.secret.isEmpty())
        read.error = QStringLiteral("the keyring entry %1 is empty").arg(entry);
    rememberSecret(read.secret);
    return read;
}

QString writeKeyring(const QString &entry, const QByteArray &secret, int timeoutMs) {
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setBinaryData(secret);
    return runJob(job, entry, timeoutMs, QStringLiteral("token_file"),
                  [](QKeychain::WritePasswordJob *) {});
}

QString deleteKeyring(const QString &entry, int timeoutMs) {
    return runJob(new QKeychain::DeletePasswordJob(service), entry, timeoutMs,
                  QStringLiteral("token_file"), [](QKeychain::DeletePasswordJob *) {});
}

void writeKeyringInBackground(const QString &entry, const QByteArray &secret, QObject *context,
                              std::function<void(const QString &error)> done) {
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    job->setBinaryData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [entry, done = std::move(done)](QKeychain::Job *finished) {
                         done(describe(finished->error(), finished->errorString(), entry,
                                       QStringLiteral("token_file")));
                     });
    job->start();
}

void readKeyringSecrets(std::vector<SourceConfig> *sources) {
    QHash<QString, KeyringRead> reads;
    for (SourceConfig &source : *sources) {
        const QString &entry = source.auth.keyringEntry;
        if (entry.isEmpty())
            continue;
        auto it = reads.find(entry);
        if (it == reads.end())
            it = reads.insert(entry, readKeyring(entry, 10000,
                                                 source.auth.type == QLatin1String("basic")
                                                     ? QStringLiteral("password_file")
                                                     : QStringLiteral("token_file")));
        source.auth.secret = it->secret;
        source.auth.secretError = it->error;
    }
}
