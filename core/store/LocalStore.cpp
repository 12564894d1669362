// SPDX-License-Identifier: MIT
#include "LocalStore.h"

#include "core/time/Clock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace {

std::atomic<int> connectionCounter{0};

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

} // namespace

// One thread, one connection, one queue: SQLite connections must stay on their thread.
class LocalStore::Worker {
public:
    explicit Worker(QString path)
        : m_path(std::move(path)) {
        m_connection = QStringLiteral("dutyboard-store-%1").arg(connectionCounter.fetch_add(1));
        m_thread = std::thread([this] { loop(); });
    }

    ~Worker() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

    void enqueue(std::function<void(QSqlDatabase &)> task) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_queue.push_back(std::move(task));
        }
        m_wake.notify_all();
    }

    // Runs on the worker thread.
    bool openDatabase(QString *notice) {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        if (openAndCheck())
            return true;
        // Not a usable database: keep it for a post-mortem, start fresh.
        closeDatabase();
        const QString aside =
            m_path + QStringLiteral(".corrupt-") +
            Clock::system().now().toString(QStringLiteral("yyyyMMddTHHmmss")); // a file name
        QFile::rename(m_path, aside);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        *notice = QStringLiteral(
                      "The local database %1 was unreadable; it was moved to %2 and a fresh one "
                      "was started (pending actions and history in it are not lost: they are in "
                      "the moved file).")
                      .arg(m_path, aside);
        return openAndCheck();
    }

private:
    bool openAndCheck() {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        m_db.setDatabaseName(m_path);
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

    void closeDatabase() {
        if (m_db.isValid())
            m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

    void loop() {
        for (;;) {
            std::function<void(QSqlDatabase &)> task;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty())
                    break; // stopping, and nothing left to do
                task = std::move(m_queue.front());
                m_queue.pop_front();
            }
            task(m_db);
        }
        closeDatabase();
    }

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void(QSqlDatabase &)>> m_queue;
    bool m_stopping = false;
};

LocalStore::LocalStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_worker(std::make_unique<Worker>(m_path)) {}

LocalStore::~LocalStore() = default;

bool LocalStore::open(QString *notice) {
    Worker *worker = m_worker.get();
    return runBlocking([worker, notice](QSqlDatabase &) { return worker->openDatabase(notice); });
}

void LocalStore::post(Job job) {
    m_worker->enqueue(std::move(job));
}

void LocalStore::postThen(Job job, QObject *context, std::function<void()> done) {
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

void LocalStore::runBlockingJob(const Job &job) {
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

QString LocalStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/dutyboard/state.sqlite");
}
