// SPDX-License-Identifier: MIT
#include "Store.h"

#include "core/store/StoreSchema.h"
#include "core/store/StoreWorker.h"
#include "core/time/Clock.h"

#include <QMetaObject>
#include <QPointer>
#include <QSqlQuery>
#include <QStandardPaths>

#include <condition_variable>
#include <mutex>

Store::Store(StoreLocation where, QObject *parent)
    : QObject(parent)
    , m_location(std::move(where))
    , m_worker(std::make_unique<StoreWorker>(m_location, this)) {}

Store::~Store() {
    m_worker.reset(); // runs what is queued, closes, joins
}

bool Store::open(QString *notice, Opening opening) {
    StoreWorker *worker = m_worker.get();
    struct Opened {
        bool ok;
        bool reachable;
        QString reason;
    };
    const Opened opened = runBlocking([worker, notice, opening](QSqlDatabase &) {
        const bool ok = worker->openDatabase(notice, opening == Opening::Wait);
        return Opened{ok, worker->reachable(), worker->unreachableReason()};
    });
    noteReachable(opened.reachable, opened.reason); // known when open() returns, not later
    return opened.ok;
}

void Store::addWriter(const QString &kind, Writer writer) {
    StoreWorker *worker = m_worker.get();
    m_worker->enqueue([worker, kind, writer = std::move(writer)](QSqlDatabase &) mutable {
        worker->addWriter(kind, std::move(writer));
    });
}

void Store::write(const QString &kind, nlohmann::json data) {
    post([worker = m_worker.get(), kind, data = std::move(data)](QSqlDatabase &) {
        writeOn(worker, kind, data);
    });
}

void Store::readJournal(const QString &kind, QObject *context,
                        std::function<void(std::vector<nlohmann::json>)> done) {
    post([worker = m_worker.get(), kind](QSqlDatabase &) { return worker->journaled(kind); },
         context, std::move(done));
}

StoreWrite Store::writeOn(StoreWorker *worker, const QString &kind, const nlohmann::json &data) {
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
