// SPDX-License-Identifier: MIT
#include "Store.h"

#include "core/store/StoreJournal.h"
#include "core/store/StoreSchema.h"
#include "core/time/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>

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

// One thread with an event loop, one connection: the connection stays on its thread, and
// PostgreSQL's notices arrive through that loop. Jobs are queued calls, so they run in order.
class Store::Worker final : public QObject {
public:
    Worker(StoreLocation where, Store *owner)
        : m_where(std::move(where))
        , m_owner(owner) {
        m_connection = QStringLiteral("dutyboard-store-%1").arg(connectionCounter.fetch_add(1));
        moveToThread(&m_thread);
        m_thread.start();
    }

    ~Worker() override {
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

    void addWriter(const QString &kind, Writer writer) { m_writers[kind] = std::move(writer); }

    // On the worker thread: the write now, or into the journal when the shared store does not
    // answer (or older writes wait there: order is kept).
    StoreWrite write(const QString &kind, const nlohmann::json &data) {
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

    // On the worker thread: whether the last use of the connection worked, and why not.
    bool reachable() const { return m_reachable; }
    QString unreachableReason() const { return m_reason; }

    void enqueue(std::function<void(QSqlDatabase &)> task) {
        QMetaObject::invokeMethod(
            this, [this, task = std::move(task)] { task(m_db); }, Qt::QueuedConnection);
    }

    // Runs on the worker thread. Returns false when nothing usable could be opened.
    bool openDatabase(QString *notice) {
        if (m_where.isShared())
            return openShared(notice);
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

private:
    bool openSqlite() {
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

    bool openShared(QString *notice) {
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

    enum class Connect { Ok, Unreachable, Refused };

    // Connects, selects the schema (creating it when missing), migrates and listens.
    Connect connectShared(QString *reason) {
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
        q.prepare(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"));
        q.addBindValue(m_where.schema);
        const bool exists = q.exec() && q.next();
        // The schema is an identifier the config checked (lowercase letters, digits, '_'),
        // quoted all the same: "check" or "user" are reserved words.
        if ((!exists && !q.exec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(m_where.schema))) ||
            !q.exec(QStringLiteral("SET search_path TO \"%1\"").arg(m_where.schema))) {
            *reason = QStringLiteral("schema \"%1\": %2")
                          .arg(m_where.schema, q.lastError().text().trimmed());
            return Connect::Refused;
        }
        if (!StoreSchema::migrate(m_db, reason))
            return Connect::Refused;
        QSqlDriver *driver = m_db.driver();
        QObject::connect(driver, &QSqlDriver::notification, this,
                         [this](const QString &, QSqlDriver::NotificationSource source,
                                const QVariant &payload) {
                             if (source == QSqlDriver::OtherSource)
                                 tellOwnerChanged(payload.toString());
                         });
        if (!driver->subscribeToNotification(channelOf(m_where.schema))) {
            *reason = QStringLiteral("LISTEN refused: %1").arg(driver->lastError().text());
            return Connect::Refused;
        }
        return Connect::Ok;
    }

    bool answers() { return m_db.isOpen() && exec(m_db, QStringLiteral("SELECT 1")); }

    void checkHealth() {
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

    void openJournal() {
        if (m_where.journalPath.isEmpty())
            return;
        auto journal = std::make_unique<StoreJournal>(m_where.journalPath, m_where.describe(),
                                                      m_connection + QStringLiteral("-journal"));
        QString error;
        if (!journal->open(&error)) {
            qWarning("dutyboard: the journal %s cannot be used: %s",
                     qPrintable(m_where.journalPath), qPrintable(error));
            return;
        }
        m_journal = std::move(journal);
        tellOwnerJournalSize();
    }

    StoreWrite keepForLater(const QString &kind, const nlohmann::json &data) {
        if (!m_journal)
            return StoreWrite::failed(
                QStringLiteral("the team state does not answer and no journal is kept"));
        QString error;
        if (!m_journal->append(kind, data, &error))
            return StoreWrite::failed(QStringLiteral("the journal did not take it: %1").arg(error));
        tellOwnerJournalSize();
        return {StoreWrite::Status::Journaled, QString(), nullptr};
    }

    // Replays the journal in order while the store answers. True when something was replayed.
    bool replayJournal() {
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

    int journalSize() const { return m_journal ? m_journal->size() : 0; }

    void tellOwnerJournalSize() {
        Store *owner = m_owner;
        QMetaObject::invokeMethod(
            owner, [owner, size = journalSize()] { owner->noteJournal(size); },
            Qt::QueuedConnection);
    }

    void tellOwnerRefused(const QString &kind, const nlohmann::json &data, const QString &reason) {
        Store *owner = m_owner;
        QMetaObject::invokeMethod(
            owner,
            [owner, kind, data, reason] { Q_EMIT owner->journalRefused(kind, data, reason); },
            Qt::QueuedConnection);
    }

    void tellOwnerReachable(bool reachable, const QString &reason) {
        m_reachable = reachable;
        m_reason = reason;
        Store *owner = m_owner;
        QMetaObject::invokeMethod(
            owner, [owner, reachable, reason] { owner->noteReachable(reachable, reason); },
            Qt::QueuedConnection);
    }

    void tellOwnerChanged(const QString &topic) {
        Store *owner = m_owner;
        QMetaObject::invokeMethod(
            owner, [owner, topic] { Q_EMIT owner->changedElsewhere(topic); }, Qt::QueuedConnection);
    }

    void closeDatabase() {
        if (m_db.isValid()) {
            if (m_db.driver())
                QObject::disconnect(m_db.driver(), nullptr, this, nullptr);
            m_db.close();
        }
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

    QThread m_thread;
    StoreLocation m_where;
    Store *m_owner;
    QString m_connection;
    QSqlDatabase m_db;
    QTimer *m_health = nullptr;
    QTimer *m_reread = nullptr;
    bool m_reachable = true;
    QString m_reason;
    std::unique_ptr<StoreJournal> m_journal; // shared stores with a journal path
    std::map<QString, Writer> m_writers;
};

Store::Store(StoreLocation where, QObject *parent)
    : QObject(parent)
    , m_location(std::move(where))
    , m_worker(std::make_unique<Worker>(m_location, this)) {}

Store::~Store() {
    m_worker.reset(); // runs what is queued, closes, joins
}

bool Store::open(QString *notice) {
    Worker *worker = m_worker.get();
    struct Opened {
        bool ok;
        bool reachable;
        QString reason;
    };
    const Opened opened = runBlocking([worker, notice](QSqlDatabase &) {
        const bool ok = worker->openDatabase(notice);
        return Opened{ok, worker->reachable(), worker->unreachableReason()};
    });
    noteReachable(opened.reachable, opened.reason); // known when open() returns, not later
    return opened.ok;
}

void Store::addWriter(const QString &kind, Writer writer) {
    Worker *worker = m_worker.get();
    m_worker->enqueue([worker, kind, writer = std::move(writer)](QSqlDatabase &) mutable {
        worker->addWriter(kind, std::move(writer));
    });
}

void Store::write(const QString &kind, nlohmann::json data) {
    post([worker = m_worker.get(), kind, data = std::move(data)](QSqlDatabase &) {
        writeOn(worker, kind, data);
    });
}

StoreWrite Store::writeOn(Worker *worker, const QString &kind, const nlohmann::json &data) {
    return worker->write(kind, data);
}

void Store::noteJournal(int size) {
    if (size == m_journalSize)
        return;
    m_journalSize = size;
    Q_EMIT journalChanged(size);
}

void Store::post(Job job) {
    m_worker->enqueue(std::move(job));
}

void Store::postThen(Job job, QObject *context, std::function<void()> done) {
    // The answer hops through this object (it outlives its worker) to the caller's context.
    QPointer<QObject> guard(context ? context : this);
    m_worker->enqueue(
        [this, job = std::move(job), guard, done = std::move(done)](QSqlDatabase &db) {
            job(db);
            QMetaObject::invokeMethod(
                this,
                [guard, done]() {
                    if (guard)
                        done();
                },
                Qt::QueuedConnection);
        });
}

void Store::runBlockingJob(const Job &job) {
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    m_worker->enqueue([&](QSqlDatabase &db) {
        job(db);
        std::lock_guard<std::mutex> lock(mutex);
        done = true;
        finished.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return done; });
}

void Store::announce(QSqlDatabase &db, const QString &topic) {
    if (!StoreSchema::isPostgres(db))
        return;
    QSqlQuery q(db);
    // current_schema() is the store's schema (search_path), so its channel.
    q.prepare(QStringLiteral("SELECT pg_notify('dutyboard_' || current_schema(), ?)"));
    q.addBindValue(topic);
    q.exec();
}

void Store::noteReachable(bool reachable, const QString &reason) {
    const bool changed = reachable != m_reachable;
    m_reachable = reachable;
    m_unreachableReason = reason;
    if (!reachable && changed)
        m_unreachableSince = Clock::system().now();
    if (reachable)
        m_unreachableSince = QDateTime();
    if (changed)
        Q_EMIT reachabilityChanged(reachable);
}

QString Store::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/dutyboard/state.sqlite");
}
