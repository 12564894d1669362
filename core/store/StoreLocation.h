// SPDX-License-Identifier: MIT
// Where a Store keeps its tables: a SQLite file (one desk) or a PostgreSQL schema (a team).
#pragma once

#include <QByteArray>
#include <QString>

struct StoreLocation {
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;

    QString path; // SQLite: the file

    // PostgreSQL: passed to libpq as given. The password is never printed (describe()).
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QByteArray password;
    // "password_keyring": the desktop keyring's entry the password is read from when the store
    // is opened (AppContext::openState); empty: not configured.
    QString passwordKeyring;
    QString sslmode;     // empty: libpq's default
    QString sslrootcert; // empty: libpq's default
    QString schema = QStringLiteral("public");
    // A SQLite file that keeps the writes made while the server does not answer (the journal),
    // replayed in order when it answers again; empty: such writes fail.
    QString journalPath;

    static StoreLocation sqlite(const QString &path) {
        StoreLocation where;
        where.path = path;
        return where;
    }
    bool isShared() const { return backend == Backend::Postgres; }
    // "sqlite:/path" or "postgres://user@host:port/database?schema=…": for messages and logs.
    QString describe() const {
        if (!isShared())
            return QStringLiteral("sqlite:") + path;
        return QStringLiteral("postgres://%1@%2:%3/%4?schema=%5")
            .arg(user, host)
            .arg(port)
            .arg(database, schema);
    }
};
