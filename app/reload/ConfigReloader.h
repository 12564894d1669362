// SPDX-License-Identifier: MIT
// Live reload: the window watches its config file (and its folder, since editors save by
// renaming a new file over the old one) and listens for SIGHUP (systemd's ExecReload). A
// change is read and checked off the UI thread, with the keyring entries of new or changed
// sources, then applied to the running context (AppContext::applyConfig). A file that does not
// parse, a source its connector refuses or a lean action naming no source changes nothing:
// failed() says what and where, in the words of a start.
#pragma once

#include "core/config/AppConfig.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

class AppContext;

class ConfigReloader final : public QObject {
    Q_OBJECT
public:
    ConfigReloader(AppContext *context, const QString &path, QObject *parent = nullptr);

    // Reads the file again now (SIGHUP, a save from the sources editor).
    void reloadNow();

Q_SIGNALS:
    // Applied: `what` changed, for a person ("1 source added; wall applied"; empty: nothing);
    // `notApplied` names the keys that need a restart (empty: none); `sections`: the top-level
    // keys applied besides the sources ("wall", "wip_limit"…), for the windows to follow.
    void applied(const QString &what, const QString &notApplied, const QStringList &sections);
    void failed(const QString &error);

private:
    void watch();
    void read();
    void apply(const AppConfig &next, const QString &error);
    // The same file and the same secrets as the running config: nothing to apply.
    static bool sameAsRunning(const AppConfig &next, const AppConfig &running);

    AppContext *m_context;
    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; // an editor writes in several steps: read once they are done
    bool m_reading = false;
    bool m_readAgain = false;
    bool m_lastFailed = false; // its banner is up: the next good read clears it
};
