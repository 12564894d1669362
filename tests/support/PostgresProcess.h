// SPDX-License-Identifier: MIT
// A private PostgreSQL 15 for integration tests: a throwaway cluster on a free 127.0.0.1 port
// with password authentication, a non-superuser role and its database, stopped when this goes.
#pragma once

#include "core/store/StoreLocation.h"

#include <nlohmann/json.hpp>

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Authentication: the cluster is created with scram-sha-256 for every connection, the local
// socket included (no "trust" anywhere), so tests use passwords as production does. Two roles:
// the bootstrap superuser "postgres" (used only by exec()) and the login role "dutyboard"
// (not a superuser, cannot create roles or databases) which owns the database "dutyboard".
// Both passwords are random per instance.
//
// When the test runs as root (as in CI), initdb and pg_ctl run as the "postgres" system user
// through runuser, since initdb refuses root; the cluster then lives in a subdirectory owned
// by that user inside the root-owned temporary directory.
class PostgresProcess final {
public:
    PostgresProcess();
    ~PostgresProcess(); // stops the server (fast shutdown); the temporary directory goes too
    PostgresProcess(const PostgresProcess &) = delete;
    PostgresProcess &operator=(const PostgresProcess &) = delete;

    // The first call creates the cluster, starts it on a free port (retried on another port if
    // that one was taken meanwhile) and creates the role and its database; a later call on a
    // stopped server is restart(). False with errorString() when PostgreSQL is not installed
    // or did not come up: tests must then fail, not skip, so that a CI image without the
    // package is noticed.
    bool start();
    // pg_ctl stop -m fast: open connections are cut, the data directory stays. True when the
    // server was not running.
    bool stop();
    // Starts it again on the same data directory and the same port (stopping it first if it
    // runs); false when that port has been taken in between.
    bool restart();
    bool isRunning() const { return m_running; }

    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString database() const { return QStringLiteral("dutyboard"); }
    QString user() const { return QStringLiteral("dutyboard"); }
    QString password() const { return m_password; }
    QString logFilePath() const; // the server's log, for diagnosing a failure

    // The dutyboard store for `schema` on this server, as user() with password() (no TLS on
    // loopback).
    StoreLocation storeLocation(const QString &schema) const;
    // The same as a config's "state" section ({"state": {"type": "postgres", …}}), the password
    // read from the environment variable `passwordVariable` (which the caller sets).
    nlohmann::json stateConfig(const QString &schema, const char *passwordVariable) const;

    // A QPSQL connection as user() to database(), registered under `connectionName` and
    // already opened (check isOpen() and lastError()); the caller removes it with
    // QSqlDatabase::removeDatabase. Connecting gives up after 5 s.
    QSqlDatabase connect(const QString &connectionName) const;

    // Runs one SQL statement as the superuser in `database` (database() when empty) through a
    // QPSQL connection of its own, outside any transaction; for test setup. False with
    // errorString() on failure.
    bool exec(const QString &sql, const QString &database = QString());

    // /usr/lib/postgresql/15/bin when initdb is there, else the bindir of pg_config in PATH;
    // empty when PostgreSQL is not installed.
    static QString binDir();

private:
    bool initialize();
    bool startOnce(bool *portTaken);
    bool createRoleAndDatabase();
    // Runs a PostgreSQL tool from binDir() (as the postgres user when root); its merged output
    // goes to `output`.
    bool runTool(const QString &tool, const QStringList &arguments, int timeoutMs, QString *output);
    QString clusterDir() const;
    QString dataDir() const;
    QString logTail(qint64 from) const;

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_superPassword;
    QString m_password;
    QString m_connectionPrefix; // unique per instance, for exec()'s own connections
    quint16 m_port = 0;
    bool m_initialized = false;
    bool m_running = false;
    QString m_error;
};
