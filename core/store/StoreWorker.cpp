// SPDX-License-Identifier: MIT
#include "StoreWorker.h"

#include "core/store/StoreSchema.h"
#include "core/time/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <atomic>

namespace {

std::atomic<int> connectionCounter{0};

// How often a shared store's connection is checked (a dead server, a restarted one whose
// LISTEN went deaf), and how often everything is read again in case a notice was missed.
constexpr int healthCheckMs = 2000;
constexpr int rereadMs = 30000;
constexpr int connectTimeoutS = 3;

bool exec(QSqlDatabase &db, const QString &sql) {
    QSqlQuery query(db);
    return query.exec(sql);
}

// True when the file opens as SQLite and passes a quick integrity check.
bool usable(QSqlDatabase &db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next())
        return false;
    return query.value(0).toString() == QLatin1String("ok");
}

QString channelOf(const QString &schema) {
    return QStringLiteral("dutyboard_") + schema;
}

// libpq's "key=value" options; Qt joins them with spaces (a value may not hold ';').
QString postgresOptions(const StoreLocation &where) {
    // A server that vanishes without a word (a cut network) must not hang the store's thread
    // for the kernel's quarter of an hour: keepalives, and a bound on unacknowledged writes.
    QStringList options{QStringLiteral("connect_timeout=%1").arg(connectTimeoutS),
                        QStringLiteral("application_name=dutyboard"),
                        QStringLiteral("keepalives_idle=10"),
                        QStringLiteral("keepalives_interval=5"),
                        QStringLiteral("keepalives_count=3"),
                        QStringLiteral("tcp_user_timeout=10000")};
    if (!where.sslmode.isEmpty())
        options.append(QStringLiteral("sslmode=") + where.sslmode);
    if (!where.sslrootcert.isEmpty())
        options.append(QStringLiteral("sslrootcert=") + where.sslrootcert);
    return options.join(QLatin1Char(';'));
}

} // namespace

StoreWorker::StoreWorker(StoreLocation where, Store *owner)
    : m_where(std::move(where))
    , m_owner(owner) {
    m_connection = QStringLiteral("dutyboard-store-%1").arg(connectionCounter.fetch_add(1));
    moveToThread(&m_thread);
    m_thread.start();
}

StoreWorker::~StoreWorker() {
    // Queued last, so it runs after every job already posted.
    QMetaObject::invokeMethod(
        this,
        [this] {
            delete m_health;
            delete m_reread;
            closeDatabase();
            m_journal.reset();
            m_thread.quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

StoreWrite StoreWorker::write(const QString &kind, const nlohmann::json &data) {
    const auto writer = m_writers.find(kind);
    if (writer == m_writers.end())
        return StoreWrite::failed(QStringLiteral("no writer for \"%1\"").arg(kind));
    if (m_where.isShared() && (!m_reachable || journalSize() > 0))
        return keepForLater(kind, data);
    const StoreWrite outcome = writer->second(m_db, data);
    if (outcome.status == StoreWrite::Status::Failed && m_where.isShared() && !answers()) {
        tellOwnerReachable(false, outcome.reason);
        return keepForLater(kind, data);
    }
    return outcome;
}

void StoreWorker::enqueue(std::function<void(QSqlDatabase &)> task) {
    QMetaObject::invokeMethod(
        this, [this, task = std::move(task)] { task(m_db); }, Qt::QueuedConnection);
}

bool StoreWorker::openDatabase(QString *notice, bool waitForServer) {
    if (m_where.isShared())
        return openShared(notice, waitForServer);
    QDir().mkpath(QFileInfo(m_where.path).absolutePath());
    if (!openSqlite()) {
        // Not a usable database: keep it for a post-mortem, start fresh.
        closeDatabase();
        const QString aside =
            m_where.path + QStringLiteral(".corrupt-") +
            Clock::system().now().toString(QStringLiteral("yyyyMMddTHHmmss")); // a file name
        QFile::rename(m_where.path, aside);
        QFile::remove(m_where.path + QStringLiteral("-wal"));
        QFile::remove(m_where.path + QStringLiteral("-shm"));
        *notice = QStringLiteral("The local database %1 was unreadable; it was moved to %2 and "
                                 "a fresh one was started (pending actions and history in it "
                                 "are not lost: they are in the moved file).")
                      .arg(m_where.path, aside);
        if (!openSqlite())
            return false;
    }
    QString error;
    if (!StoreSchema::migrate(m_db, &error)) {
        *notice = QStringLiteral("The local database %1: %2").arg(m_where.path, error);
        return false;
    }
    return true;
}

bool StoreWorker::openSqlite() {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_where.path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return false;
    if (!usable(m_db))
        return false;
    // A small page cache: the tables are small and written far more than read, and a
    // dashboard left on for weeks should not hold SQLite's default 2 MiB for nothing.
    return exec(m_db, QStringLiteral("PRAGMA journal_mode=WAL")) &&
           exec(m_db, QStringLiteral("PRAGMA synchronous=FULL")) &&
           exec(m_db, QStringLiteral("PRAGMA cache_size=-256"));
}

bool StoreWorker::openShared(QString *notice, bool waitForServer) {
    openJournal();
    m_health = new QTimer(this);
    m_health->setInterval(healthCheckMs);
    QObject::connect(m_health, &QTimer::timeout, this, [this] { checkHealth(); });
    m_health->start();
    m_reread = new QTimer(this);
    m_reread->setInterval(rereadMs);
    QObject::connect(m_reread, &QTimer::timeout, this, [this] {
        if (m_reachable)
            tellOwnerChanged(QString());
    });
    m_reread->start();
    if (!waitForServer) {
        // Connected first thing on this thread; meanwhile writes go to the journal.
        QMetaObject::invokeMethod(
            this, [this] { checkHealth(); }, Qt::QueuedConnection);
        return true;
    }
    QString reason;
    const Connect result = connectShared(&reason);
    if (result == Connect::Refused) {
        *notice = QStringLiteral("Team state %1 refused: %2").arg(m_where.describe(), reason);
        m_health->stop();
        m_reread->stop();
        closeDatabase();
        return false;
    }
    if (result == Connect::Unreachable) {
        *notice = QStringLiteral("Team state %1 unreachable: %2 (retrying every %3 s)")
                      .arg(m_where.describe(), reason)
                      .arg(healthCheckMs / 1000);
        tellOwnerReachable(false, reason);
    }
    return true;
}

StoreWorker::Connect StoreWorker::connectShared(QString *reason) {
    closeDatabase();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    m_db.setHostName(m_where.host);
    m_db.setPort(m_where.port);
    m_db.setDatabaseName(m_where.database);
    m_db.setUserName(m_where.user);
    m_db.setPassword(QString::fromUtf8(m_where.password));
    m_db.setConnectOptions(postgresOptions(m_where));
    if (!m_db.open()) {
        *reason = m_db.lastError().text().trimmed();
        closeDatabase();
        return Connect::Unreachable;
    }
    QSqlQuery q(m_db);
    const auto schemaExists = [this] {
        QSqlQuery exists(m_db);
        exists.prepare(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"));
        exists.addBindValue(m_where.schema);
        return exists.exec() && exists.next();
    };
    // The schema is an identifier the config checked (lowercase letters, digits, '_'),
    // quoted all the same: "check" or "user" are reserved words. Instances starting together
    // race to create it: one that lost finds it made.
    const bool made = schemaExists() ||
                      q.exec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(m_where.schema)) ||
                      schemaExists();
    if (!made || !q.exec(QStringLiteral("SET search_path TO \"%1\"").arg(m_where.schema))) {
        *reason =
            QStringLiteral("schema \"%1\": %2").arg(m_where.schema, q.lastError().text().trimmed());
        return Connect::Refused;
    }
    if (!StoreSchema::migrate(m_db, reason))
        return Connect::Refused;
    QSqlDriver *driver = m_db.driver();
    QObject::connect(
        driver, &QSqlDriver::notification, this,
        [this](const QString &, QSqlDriver::NotificationSource source, const QVariant &payload) {
            if (source == QSqlDriver::OtherSource)
                tellOwnerChanged(payload.toString());
        });
    if (!driver->subscribeToNotification(channelOf(m_where.schema))) {
        *reason = QStringLiteral("LISTEN refused: %1").arg(driver->lastError().text());
        return Connect::Refused;
    }
    return Connect::Ok;
}

void StoreWorker::checkHealth() {
    if (answers()) {
        if (!m_reachable)
            tellOwnerReachable(true, QString());
        if (journalSize() > 0 && replayJournal())
            tellOwnerChanged(QString());
        return;
    }
    QString reason;
    const Connect result = connectShared(&reason);
    if (result == Connect::Ok) {
        tellOwnerReachable(true, QString());
        replayJournal();
        tellOwnerChanged(QString()); // notices sent while away are lost: read everything
        return;
    }
    if (result == Connect::Refused)
        closeDatabase();
    tellOwnerReachable(false, reason);
}

void StoreWorker::openJournal() {
    if (m_where.journalPath.isEmpty())
        return;
    auto journal = std::make_unique<StoreJournal>(m_where.journalPath, m_where.describe(),
                                                  m_connection + QStringLiteral("-journal"));
    QString error;
    if (!journal->open(&error)) {
        qWarning("dutyboard: the journal %s cannot be used: %s", qPrintable(m_where.journalPath),
                 qPrintable(error));
        return;
    }
    m_journal = std::move(journal);
    tellOwnerJournalSize();
}

StoreWrite StoreWorker::keepForLater(const QString &kind, const nlohmann::json &data) {
    if (!m_journal)
        return StoreWrite::failed(
            QStringLiteral("the team state does not answer and no journal is kept"));
    QString error;
    if (!m_journal->append(kind, data, &error))
        return StoreWrite::failed(QStringLiteral("the journal did not take it: %1").arg(error));
    tellOwnerJournalSize();
    return {StoreWrite::Status::Journaled, QString(), nullptr};
}

bool StoreWorker::replayJournal() {
    bool replayed = false;
    while (m_journal) {
        const std::optional<StoreJournal::Entry> entry = m_journal->first();
        if (!entry)
            break;
        const auto writer = m_writers.find(entry->kind);
        if (writer == m_writers.end())
            break; // registered soon after start-up: the next check replays it
        const StoreWrite outcome = writer->second(m_db, entry->data);
        if (outcome.status == StoreWrite::Status::Failed && !answers()) {
            tellOwnerReachable(false, outcome.reason);
            break; // gone again: the rest waits, in order
        }
        if (outcome.status == StoreWrite::Status::Refused)
            tellOwnerRefused(entry->kind, entry->data, outcome.reason);
        else if (outcome.status == StoreWrite::Status::Failed)
            qWarning("dutyboard: a journaled %s was refused by the team state and dropped: %s",
                     qPrintable(entry->kind), qPrintable(outcome.reason));
        m_journal->remove(entry->id);
        tellOwnerJournalSize();
        replayed = true;
    }
    return replayed;
}

void StoreWorker::tellOwnerJournalSize() {
    Store *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, size = journalSize()] { owner->noteJournal(size); }, Qt::QueuedConnection);
}

void StoreWorker::tellOwnerRefused(const QString &kind, const nlohmann::json &data,
                                   const QString &reason) {
    Store *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, kind, data, reason] { Q_EMIT owner->journalRefused(kind, data, reason); },
        Qt::QueuedConnection);
}

void StoreWorker::tellOwnerReachable(bool reachable, const QString &reason) {
    m_reachable = reachable;
    m_reason = reason;
    Store *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, reachable, reason] { owner->noteReachable(reachable, reason); },
        Qt::QueuedConnection);
}

void StoreWorker::tellOwnerChanged(const QString &topic) {
    Store *owner = m_owner;
    QMetaObject::invokeMethod(
        owner, [owner, topic] { Q_EMIT owner->changedElsewhere(topic); }, Qt::QueuedConnection);
}

void StoreWorker::closeDatabase() {
    if (m_db.isValid()) {
        if (m_db.driver())
            QObject::disconnect(m_db.driver(), nullptr, this, nullptr);
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

bool StoreWorker::answers() {
    return m_db.isOpen() && exec(m_db, QStringLiteral("SELECT 1"));
}
