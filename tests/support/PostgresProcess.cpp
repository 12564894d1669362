// SPDX-License-Identifier: MIT
#include "PostgresProcess.h"

#include "tests/support/FreePort.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

namespace {

const QLatin1String superuser("postgres");
const QLatin1String systemUser("postgres"); // the account initdb and pg_ctl run as under root
constexpr int pgCtlWaitS = 30;
constexpr int connectTimeoutS = 5;
// A Unix socket path must fit sockaddr_un::sun_path (108 bytes with its terminating zero).
constexpr int maxSocketPath = 107;

QString randomPassword() {
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

bool runningAsRoot() {
    return ::geteuid() == 0;
}

QString runuserPath() {
    const QString inPath = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    if (!inPath.isEmpty())
        return inPath;
    for (const QString &candidate :
         {QStringLiteral("/usr/sbin/runuser"), QStringLiteral("/sbin/runuser")}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

// Hands `path` to the postgres system user with `mode`; a no-op when not root.
bool handToPostgres(const QString &path, mode_t mode, QString *error) {
    const QByteArray native = QFile::encodeName(path);
    if (runningAsRoot()) {
        const passwd *account = ::getpwnam(systemUser.data());
        if (!account) {
            *error = QStringLiteral("running as root but there is no '%1' system user to run "
                                    "initdb and pg_ctl as (initdb refuses root)")
                         .arg(systemUser);
            return false;
        }
        if (::chown(native.constData(), account->pw_uid, account->pw_gid) != 0) {
            *error = QStringLiteral("cannot chown %1 to %2").arg(path, systemUser);
            return false;
        }
    }
    if (::chmod(native.constData(), mode) != 0) {
        *error = QStringLiteral("cannot chmod %1").arg(path);
        return false;
    }
    return true;
}

// A string literal for postgresql.conf.
QString confQuoted(const QString &value) {
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

PostgresProcess::PostgresProcess()
    : m_dir(QDir::tempPath() + QStringLiteral("/dutyboard-pg-XXXXXX"))
    , m_superPassword(randomPassword())
    , m_password(randomPassword()) {
    static std::atomic<int> instances{0};
    m_connectionPrefix = QStringLiteral("PostgresProcess-%1-%2-")
                             .arg(QCoreApplication::applicationPid())
                             .arg(instances.fetch_add(1));
}

PostgresProcess::~PostgresProcess() {
    stop();
}

QString PostgresProcess::binDir() {
    const QString debian = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (QFileInfo(debian + QStringLiteral("/initdb")).isExecutable())
        return debian;
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (pgConfig.isEmpty())
        return {};
    QProcess probe;
    probe.start(pgConfig, {QStringLiteral("--bindir")});
    if (!probe.waitForFinished(5000) || probe.exitCode() != 0)
        return {};
    const QString dir = QString::fromLocal8Bit(probe.readAllStandardOutput()).trimmed();
    return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() ? dir : QString();
}

QString PostgresProcess::clusterDir() const {
    return m_dir.filePath(QStringLiteral("pg"));
}

QString PostgresProcess::dataDir() const {
    return clusterDir() + QStringLiteral("/data");
}

QString PostgresProcess::logFilePath() const {
    return clusterDir() + QStringLiteral("/postgres.log");
}

QString PostgresProcess::logTail(qint64 from) const {
    QFile log(logFilePath());
    if (!log.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log at %1)").arg(log.fileName());
    log.seek(qMin(from, log.size()));
    return QString::fromLocal8Bit(log.readAll()).right(3000);
}

bool PostgresProcess::runTool(const QString &tool, const QStringList &arguments, int timeoutMs,
                              QString *output) {
    const QString program = m_bin + QLatin1Char('/') + tool;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // Inside the cluster's directory: the postgres user may not enter the caller's one.
    process.setWorkingDirectory(clusterDir());
    // PGDATA, PGPORT, PGHOST and the like of the caller must not redirect the tools.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    process.setProcessEnvironment(environment);
    if (runningAsRoot()) {
        const QString runuser = runuserPath();
        if (runuser.isEmpty()) {
            *output = QStringLiteral("running as root but runuser (util-linux) is not found");
            return false;
        }
        process.start(runuser,
                      QStringList{QStringLiteral("-u"), systemUser, QStringLiteral("--"), program} +
                          arguments);
    } else {
        process.start(program, arguments);
    }
    if (!process.waitForStarted(5000)) {
        *output = QStringLiteral("cannot run %1: %2").arg(program, process.errorString());
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *output =
            QStringLiteral("%1 did not finish within %2 s").arg(program).arg(timeoutMs / 1000);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll()).right(3000);
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PostgresProcess::initialize() {
    m_bin = binDir();
    if (m_bin.isEmpty()) {
        m_error = QStringLiteral("PostgreSQL not found in /usr/lib/postgresql/15/bin nor through "
                                 "pg_config: install the Debian package postgresql");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error =
            QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    const QString socket = clusterDir() + QStringLiteral("/.s.PGSQL.65535");
    if (QFile::encodeName(socket).size() > maxSocketPath) {
        m_error = QStringLiteral("the socket path %1 is too long for a Unix socket: set TMPDIR "
                                 "to a shorter directory")
                      .arg(socket);
        return false;
    }
    // QTemporaryDir makes it 0700: the postgres user must at least pass through it (0711, so
    // it still cannot list it) to reach its own subdirectory.
    if (runningAsRoot() && ::chmod(QFile::encodeName(m_dir.path()).constData(), 0711) != 0) {
        m_error = QStringLiteral("cannot chmod %1").arg(m_dir.path());
        return false;
    }
    if (!QDir().mkpath(clusterDir()) || !handToPostgres(clusterDir(), 0700, &m_error)) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("cannot create %1").arg(clusterDir());
        return false;
    }

    const QString passwordFile = clusterDir() + QStringLiteral("/superuser-password");
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_superPassword.toLatin1() + '\n') < 0) {
            m_error = QStringLiteral("cannot write %1").arg(passwordFile);
            return false;
        }
    }
    if (!handToPostgres(passwordFile, 0600, &m_error))
        return false;
    QString output;
    // scram-sha-256 for the socket as well as for TCP: no connection gets in without a
    // password. --no-sync: a throwaway cluster need not wait for the disk.
    const bool created = runTool(
        QStringLiteral("initdb"),
        {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), superuser,
         QStringLiteral("--pwfile=") + passwordFile, QStringLiteral("--auth-local=scram-sha-256"),
         QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--encoding=UTF8"),
         QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
        120000, &output);
    QFile::remove(passwordFile);
    if (!created) {
        m_error = QStringLiteral("initdb failed:\n%1").arg(output);
        return false;
    }

    // Last setting wins in postgresql.conf. Only loopback TCP and a socket in the private
    // directory (never /var/run/postgresql, the system cluster's); durability is not needed
    // (a clean stop still checkpoints, so data survives stop() and restart()).
    QFile conf(dataDir() + QStringLiteral("/postgresql.conf"));
    const QString settings = QStringLiteral("\n# PostgresProcess (dutyboard tests)\n"
                                            "listen_addresses = '127.0.0.1'\n"
                                            "unix_socket_directories = %1\n"
                                            "max_connections = 40\n"
                                            "fsync = off\n"
                                            "synchronous_commit = off\n"
                                            "full_page_writes = off\n")
                                 .arg(confQuoted(clusterDir()));
    if (!conf.open(QIODevice::Append) || conf.write(settings.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot append to %1").arg(conf.fileName());
        return false;
    }
    m_initialized = true;
    return true;
}

bool PostgresProcess::start() {
    if (m_running)
        return true;
    if (m_initialized)
        return restart();
    m_error.clear();
    if (!initialize())
        return false;
    bool started = false;
    for (int attempt = 0; attempt < 3 && !started; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0) {
            m_error = QStringLiteral("no free port on 127.0.0.1");
            return false;
        }
        bool portTaken = false;
        started = startOnce(&portTaken);
        if (!started && !portTaken)
            return false;
    }
    return started && createRoleAndDatabase();
}

bool PostgresProcess::restart() {
    if (!m_initialized) {
        m_error = QStringLiteral("restart() before start()");
        return false;
    }
    if (m_running && !stop())
        return false;
    m_error.clear();
    bool portTaken = false;
    if (startOnce(&portTaken))
        return true;
    if (portTaken)
        m_error.prepend(
            QStringLiteral("port %1 was taken while the server was stopped; ").arg(m_port));
    return false;
}

bool PostgresProcess::startOnce(bool *portTaken) {
    const qint64 logStart = QFileInfo(logFilePath()).size();
    QString output;
    // The port is the only option given on the command line: it may change between attempts.
    if (runTool(QStringLiteral("pg_ctl"),
                {QStringLiteral("start"), QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                 logFilePath(), QStringLiteral("-w"), QStringLiteral("-t"),
                 QString::number(pgCtlWaitS), QStringLiteral("-s"), QStringLiteral("-o"),
                 QStringLiteral("-p %1").arg(m_port)},
                (pgCtlWaitS + 30) * 1000, &output)) {
        m_running = true;
        return true;
    }
    const QString log = logTail(logStart);
    *portTaken = log.contains(QLatin1String("Address already in use"));
    m_error =
        QStringLiteral("PostgreSQL did not start on 127.0.0.1:%1 (pg_ctl waits %2 s at most).\n"
                       "pg_ctl: %3\nserver log:\n%4")
            .arg(m_port)
            .arg(pgCtlWaitS)
            .arg(output.trimmed(), log);
    // pg_ctl gives up waiting but leaves a slow server running.
    QString ignored;
    runTool(QStringLiteral("pg_ctl"),
            {QStringLiteral("stop"), QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-s")},
            (pgCtlWaitS + 30) * 1000, &ignored);
    return false;
}

bool PostgresProcess::stop() {
    if (!m_running)
        return true;
    QString output;
    const QStringList common{
        QStringLiteral("stop"), QStringLiteral("-D"), dataDir(),
        QStringLiteral("-w"),   QStringLiteral("-t"), QString::number(pgCtlWaitS),
        QStringLiteral("-s"),   QStringLiteral("-m")};
    if (runTool(QStringLiteral("pg_ctl"), common + QStringList{QStringLiteral("fast")},
                (pgCtlWaitS + 30) * 1000, &output)) {
        m_running = false;
        return true;
    }
    m_error = QStringLiteral("pg_ctl stop -m fast failed: %1").arg(output.trimmed());
    // Do not leave a server behind a test run.
    QString ignored;
    if (runTool(QStringLiteral("pg_ctl"), common + QStringList{QStringLiteral("immediate")},
                (pgCtlWaitS + 30) * 1000, &ignored))
        m_running = false;
    return false;
}

QSqlDatabase PostgresProcess::connect(const QString &connectionName) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host());
    db.setPort(m_port);
    db.setDatabaseName(database());
    db.setUserName(user());
    db.setPassword(m_password);
    db.setConnectOptions(QStringLiteral("connect_timeout=%1").arg(connectTimeoutS));
    db.open();
    return db;
}

bool PostgresProcess::exec(const QString &sql, const QString &database) {
    static std::atomic<int> calls{0};
    const QString name = m_connectionPrefix + QString::number(calls.fetch_add(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host());
        db.setPort(m_port);
        db.setDatabaseName(database.isEmpty() ? this->database() : database);
        db.setUserName(superuser);
        db.setPassword(m_superPassword);
        db.setConnectOptions(QStringLiteral("connect_timeout=%1").arg(connectTimeoutS));
        if (!db.open()) {
            m_error = QStringLiteral("cannot connect as %1 to %2: %3")
                          .arg(superuser, db.databaseName(), db.lastError().text());
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                m_error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool PostgresProcess::createRoleAndDatabase() {
    const QString postgresDb = QStringLiteral("postgres");
    // The role can log in and own its database, and nothing more: no superuser, no CREATEDB,
    // no CREATEROLE (the defaults, spelt out). The password is hex, so it needs no escaping.
    // CREATE DATABASE cannot run in a transaction block: exec() runs each statement alone.
    return exec(QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                               "NOREPLICATION PASSWORD '%2'")
                    .arg(user(), m_password),
                postgresDb) &&
           exec(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(database(), user()), postgresDb);
}

StoreLocation PostgresProcess::storeLocation(const QString &schema) const {
    StoreLocation where;
    where.backend = StoreLocation::Backend::Postgres;
    where.host = host();
    where.port = port();
    where.database = database();
    where.user = user();
    where.password = password().toUtf8();
    where.sslmode = QStringLiteral("disable");
    where.schema = schema;
    return where;
}

nlohmann::json PostgresProcess::stateConfig(const QString &schema,
                                            const char *passwordVariable) const {
    return {{"state",
             {{"type", "postgres"},
              {"host", host().toStdString()},
              {"port", port()},
              {"database", database().toStdString()},
              {"user", user().toStdString()},
              {"password_env", passwordVariable},
              {"sslmode", "disable"},
              {"schema", schema.toStdString()}}}};
}
