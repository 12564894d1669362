// SPDX-License-Identifier: MIT
#include "ConfigReloader.h"

#include "app/AppContext.h"
#include "core/config/ConfigError.h"
#include "core/config/Keyring.h"
#include "core/config/Objectives.h"
#include "core/config/StateConfig.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#include <map>

namespace {

constexpr int settleMs = 300;

} // namespace

ConfigReloader::ConfigReloader(AppContext *context, const QString &path, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_path(QFileInfo(path).absoluteFilePath()) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, &ConfigReloader::read);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this]() { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this]() {
        watch(); // a file renamed over the old one is a new file: watch it again
        m_settle.start();
    });
    watch();
}

void ConfigReloader::watch() {
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher.directories().contains(folder))
        m_watcher.addPath(folder);
    if (QFileInfo::exists(m_path) && !m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
}

void ConfigReloader::reloadNow() {
    m_settle.stop();
    read();
}

void ConfigReloader::read() {
    if (m_reading) { // one read at a time; the latest change is read after it
        m_readAgain = true;
        return;
    }
    m_reading = true;
    // The running sources, to read the keyring only for those that changed.
    std::map<QString, std::pair<nlohmann::json, AuthConfig>> running;
    for (const SourceConfig &source : m_context->config().sources)
        running[source.name] = {source.raw, source.auth};
    QPointer<ConfigReloader> self(this);
    const QString path = m_path;
    QThreadPool::globalInstance()->start([self, path, running]() {
        AppConfig next;
        QString error;
        try {
            next = loadConfigFile(path);
            // Applied only at the next start, but checked now (here: a password file is read),
            // so a mistake is said now, not then.
            inConfigFile(path, [&] { return parseStateConfig(next.raw); });
            inConfigFile(path, [&] { return parseObjectives(next.raw); });
            std::vector<SourceConfig> toRead;
            for (SourceConfig &source : next.sources) {
                const auto it = running.find(source.name);
                if (it != running.end() && it->second.first == source.raw &&
                    !source.auth.keyringEntry.isEmpty())
                    source.auth = it->second.second; // unchanged: the secret it runs on
                else if (!source.auth.keyringEntry.isEmpty())
                    toRead.push_back(source);
            }
            readKeyringSecrets(&toRead);
            for (const SourceConfig &read : toRead) {
                for (SourceConfig &source : next.sources) {
                    if (source.name == read.name)
                        source.auth = read.auth;
                }
            }
        } catch (const ConfigError &e) {
            error = e.describe();
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, next, error]() {
                if (self)
                    self->apply(next, error);
            },
            Qt::QueuedConnection);
    });
}

void ConfigReloader::apply(const AppConfig &next, const QString &error) {
    m_reading = false;
    if (m_readAgain) {
        m_readAgain = false;
        read();
        return;
    }
    if (!error.isEmpty()) {
        m_lastFailed = true;
        Q_EMIT failed(error);
        return;
    }
    // Another file written in the folder (state.ini, at every filter typed), or the file saved
    // as it was: nothing to apply, and no repaint of a 50,000-row board. After a failure the
    // running file, written back, is news: its banner goes.
    if (!m_lastFailed && sameAsRunning(next, m_context->config()))
        return;
    try {
        const ConfigChange change = m_context->applyConfig(next);
        m_lastFailed = false;
        Q_EMIT applied(change.what, change.notApplied, change.sections);
    } catch (const ConfigError &e) {
        m_lastFailed = true;
        Q_EMIT failed(e.describe());
    }
}

bool ConfigReloader::sameAsRunning(const AppConfig &next, const AppConfig &running) {
    if (next.raw != running.raw || next.sources.size() != running.sources.size())
        return false;
    // The same file can mean new secrets: a token file rotated, a keyring entry saved.
    for (size_t i = 0; i < next.sources.size(); ++i) {
        const AuthConfig &a = next.sources[i].auth;
        const AuthConfig &b = running.sources[i].auth;
        if (a.secret != b.secret || a.secretError != b.secretError)
            return false;
    }
    return true;
}
