// SPDX-License-Identifier: MIT
#include "SecretServiceSession.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

namespace {

const QString secretsName = QStringLiteral("org.freedesktop.secrets");
const QByteArray keyringPassword = "test-login-password";

} // namespace

SecretServiceSession::~SecretServiceSession() {
    stopKeyring();
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(5000))
            m_bus.kill();
        m_bus.waitForFinished(5000);
    }
}

bool SecretServiceSession::startBus() {
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("dbus-daemon is not installed (package dbus-daemon)");
        return false;
    }
    // A session bus of our own: any name may be owned, and no <servicedir>, so a name nobody
    // owns stays unowned (no keyring daemon activated behind the test's back).
    const QString socket = m_dir.filePath(QStringLiteral("bus"));
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write(QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus "
                              "Configuration 1.0//EN\" "
                              "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                              "<busconfig><type>session</type><listen>unix:path=%1</listen>"
                              "<auth>EXTERNAL</auth><policy context=\"default\">"
                              "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                              "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
                              "</busconfig>\n")
                   .arg(socket)
                   .toUtf8());
    file.close();
    m_bus.setProgram(binary);
    m_bus.setArguments({QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                        QStringLiteral("--print-address=1")});
    m_bus.start();
    if (!m_bus.waitForStarted(5000)) {
        m_error = QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_bus.canReadLine() && !deadline.hasExpired())
        m_bus.waitForReadyRead(200);
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    if (m_address.isEmpty()) {
        m_error = QStringLiteral("dbus-daemon printed no address: ") +
                  QString::fromUtf8(m_bus.readAllStandardError());
        return false;
    }
    return true;
}

bool SecretServiceSession::startKeyring(bool unlocked) {
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("gnome-keyring-daemon is not installed (package gnome-keyring)");
        return false;
    }
    QDir(m_dir.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_keyring.setProcessEnvironment(environment());
    m_keyring.setProgram(binary);
    QStringList arguments = {QStringLiteral("--foreground"),
                             QStringLiteral("--components=secrets")};
    if (unlocked)
        arguments.append(QStringLiteral("--unlock")); // the password comes on stdin
    m_keyring.setArguments(arguments);
    m_keyring.start();
    if (!m_keyring.waitForStarted(5000)) {
        m_error = QStringLiteral("gnome-keyring-daemon did not start: ") + m_keyring.errorString();
        return false;
    }
    if (unlocked) { // written now: no event loop runs while this waits for the daemon
        m_keyring.write(keyringPassword);
        m_keyring.waitForBytesWritten(5000);
    }
    m_keyring.closeWriteChannel(); // it reads the password until the end of its input
    QDeadlineTimer deadline(15000);
    while (!keyringOwnsItsName()) {
        if (deadline.hasExpired() || m_keyring.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("gnome-keyring-daemon did not take %1: %2")
                          .arg(secretsName, QString::fromUtf8(m_keyring.readAllStandardError()));
            return false;
        }
        QThread::msleep(50);
    }
    return true;
}

void SecretServiceSession::stopKeyring() {
    if (m_keyring.state() == QProcess::NotRunning)
        return;
    m_keyring.terminate();
    if (!m_keyring.waitForFinished(5000))
        m_keyring.kill();
    m_keyring.waitForFinished(5000);
    // The name is released with the process: wait for the bus to say so.
    QDeadlineTimer deadline(5000);
    while (keyringOwnsItsName() && !deadline.hasExpired())
        QThread::msleep(50);
}

bool SecretServiceSession::keyringOwnsItsName() const {
    const QString connectionName = QStringLiteral("secret-service-session-probe");
    bool owned = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, connectionName);
        owned = bus.isConnected() && bus.interface()->isServiceRegistered(secretsName).value();
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return owned;
}

QProcessEnvironment SecretServiceSession::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    // The keyring's files and sockets under the temporary folder, never the user's.
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
    env.remove(QStringLiteral("DISPLAY")); // no prompt can be shown: a locked keyring stays so
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}
