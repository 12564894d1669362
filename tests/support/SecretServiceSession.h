// SPDX-License-Identifier: MIT
// A private Secret Service for tests: its own D-Bus session bus (no service activation, so
// nothing starts behind the test's back) and a real gnome-keyring-daemon on it, keeping its
// keyrings in a temporary folder. The user's keyring is never touched.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

class SecretServiceSession final {
public:
    SecretServiceSession() = default;
    ~SecretServiceSession(); // stops the keyring daemon, then the bus
    SecretServiceSession(const SecretServiceSession &) = delete;
    SecretServiceSession &operator=(const SecretServiceSession &) = delete;

    // Starts the bus. False with errorString() when dbus-daemon is missing or did not start.
    bool startBus();
    // Starts gnome-keyring-daemon on the bus and waits until it owns org.freedesktop.secrets.
    // `unlocked`: the login keyring is unlocked with a password (created on first start);
    // otherwise it stays locked, as after a reboot with no one to type the password.
    bool startKeyring(bool unlocked);
    void stopKeyring();

    // The environment a dutyboard run needs to reach this keyring (and only this one).
    QProcessEnvironment environment() const;
    // The keyring daemon's files: what a test searches for a secret in clear.
    QString folder() const { return m_dir.path(); }
    QString errorString() const { return m_error; }

private:
    bool keyringOwnsItsName() const;

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    QString m_error;
};
