// SPDX-License-Identifier: MIT
// The state's database on its own thread: SQLite for one desk, PostgreSQL for a team. The UI
// thread posts jobs and gets answers later; it never waits on the disk or the network.
//
// PostgreSQL is shared: a job that changes shared tables announces it (announce()), and every
// other instance on the same schema hears it at commit (LISTEN/NOTIFY) as changedElsewhere().
// The connection is checked every few seconds; a lost one is reopened, re-subscribed and
// followed by changedElsewhere("") (read everything again: what was said meanwhile is lost).
#pragma once

#include "core/store/StoreLocation.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

class StoreWorker;
#include <optional>
#include <type_traits>

// What became of a write (Store::write).
struct StoreWrite {
    enum class Status { Applied, Journaled, Refused, Failed };
    Status status = Status::Applied;
    QString reason;        // Refused, Failed: why
    nlohmann::json answer; // Applied: what the writer returned (new row ids…)

    static StoreWrite applied(nlohmann::json answer = nullptr) {
        return {Status::Applied, QString(), std::move(answer)};
    }
    static StoreWrite refused(const QString &why) { return {Status::Refused, why, nullptr}; }
    static StoreWrite failed(const QString &why) { return {Status::Failed, why, nullptr}; }
};

class Store final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)
public:
    using Job = std::function<void(QSqlDatabase &db)>;
    // Applies one write described by data (so it can be journaled and replayed): Applied,
    // Refused (the store said no: a claim someone else holds) or Failed. Replays must be
    // harmless: writers use upserts and unique keys.
    using Writer = std::function<StoreWrite(QSqlDatabase &db, const nlohmann::json &data)>;

    explicit Store(StoreLocation where, QObject *parent = nullptr);
    explicit Store(const QString &sqlitePath, QObject *parent = nullptr)
        : Store(StoreLocation::sqlite(sqlitePath), parent) {}
    ~Store() override; // runs the jobs already queued, then closes

    // Opens the database on the store's thread and waits for it: called once at start-up, then
    // brings its tables to this binary's schema (StoreSchema).
    // SQLite: WAL mode, full sync (an action written is on disk before it is sent). A file that
    // is not a usable SQLite database is moved aside and a fresh one started; `notice` then says
    // so. False only when no database could be opened at all.
    // PostgreSQL: an unreachable server is not a failure: `notice` says so, the store keeps
    // trying, and reachabilityChanged() follows when it answers. False when the server answers
    // and refuses (a schema newer than this binary, missing privileges): `notice` says why.
    // InBackground (the window: a server that does not answer must not hold its start): returns
    // at once and connects on the store's thread; a refusal then shows as unreachable, with
    // its reason, and is tried again like a lost connection.
    enum class Opening { Wait, InBackground };
    bool open(QString *notice, Opening opening = Opening::Wait);

    // Queues a job whose result nobody waits for (a write; what it returns is dropped). Jobs
    // run one at a time, in order.
    void post(Job job);
    // Queues `read`; `done` runs later on `context`'s thread with what it returned, moved (unless
    // `context` is gone): post([](QSqlDatabase &db) { return rows(db); }, this,
    // [this](Rows rows) { … }).
    template <typename Read, typename Done> void post(Read read, QObject *context, Done done) {
        using Result = std::invoke_result_t<Read &, QSqlDatabase &>;
        auto result = std::make_shared<std::optional<Result>>();
        postThen([read = std::move(read),
                  result](QSqlDatabase &db) mutable { result->emplace(read(db)); },
                 context,
                 [result, done = std::move(done)]() mutable { done(std::move(**result)); });
    }
    // Runs `read` and waits for what it returns: for the command line and tests, never the UI.
    template <typename Read> auto runBlocking(Read read) {
        std::optional<std::invoke_result_t<Read &, QSqlDatabase &>> result;
        runBlockingJob([&read, &result](QSqlDatabase &db) { result.emplace(read(db)); });
        return std::move(*result);
    }

    // Registers the writer of `kind` (before the first write of that kind, and before a journal
    // left by an earlier run can be replayed: at start-up).
    void addWriter(const QString &kind, Writer writer);
    // Writes `data` with the writer of `kind`, in order with the jobs. On a shared store that
    // does not answer (or while older writes wait in the journal) the write goes to the journal
    // instead, and is replayed in order when the store answers: Journaled.
    void write(const QString &kind, nlohmann::json data);
    template <typename Done>
    void write(const QString &kind, nlohmann::json data, QObject *context, Done done) {
        post([worker = m_worker.get(), kind,
              data = std::move(data)](QSqlDatabase &) { return writeOn(worker, kind, data); },
             context, std::move(done));
    }
    // The same, waiting for the outcome: for the command line and tests, never the UI.
    StoreWrite writeAndWait(const QString &kind, const nlohmann::json &data) {
        return runBlocking([worker = m_worker.get(), &kind, &data](QSqlDatabase &) {
            return writeOn(worker, kind, data);
        });
    }
    // Writes waiting in the journal for the shared store to answer.
    int journalSize() const { return m_journalSize; }
    // The data of the writes of `kind` waiting in the journal, oldest first (none on SQLite);
    // `done` runs on `context`'s thread. What this machine did while the store was away shows
    // before it is replayed, after a restart too.
    void readJournal(const QString &kind, QObject *context,
                     std::function<void(std::vector<nlohmann::json>)> done);

    // Inside a job: tells every other instance sharing this store that `topic` changed. On
    // PostgreSQL it is delivered when the job's transaction commits (never after a rollback);
    // on SQLite there is nobody to tell.
    static void announce(QSqlDatabase &db, const QString &topic);

    // Calls `reread` (on `context`'s thread) when another instance changed `topic`, or anything.
    template <typename Reread>
    void whenChangedElsewhere(const QString &topic, QObject *context, Reread reread) {
        connect(this, &Store::changedElsewhere, context,
                [topic, reread = std::move(reread)](const QString &changed) mutable {
                    if (changed.isEmpty() || changed == topic)
                        reread();
                });
    }

    const StoreLocation &location() const { return m_location; }
    bool isShared() const { return m_location.isShared(); }
    QString path() const { return m_location.path; }
    // Whether the last use of the connection worked; since when and why not otherwise.
    bool isReachable() const { return m_reachable; }
    QDateTime unreachableSince() const { return m_unreachableSince; }
    QString unreachableReason() const { return m_unreachableReason; }

    // <user data dir>/dutyboard/state.sqlite
    static QString defaultPath();

Q_SIGNALS:
    // Another instance changed `topic` ("clocks", "triage", "escalations", "outbox"); empty:
    // anything may have changed (the connection came back, or the periodic re-read is due).
    void changedElsewhere(const QString &topic);
    void reachabilityChanged(bool reachable);
    void journalChanged(int size);
    // A journaled write of `kind` that the store refused when it was replayed (someone else
    // claimed the same escalation meanwhile): `reason` says what happened, for whoever did it.
    void journalRefused(const QString &kind, const nlohmann::json &data, const QString &reason);

private:
    // Runs `job` on the store's thread, then `done` on `context`'s (this object's when null).
    void postThen(Job job, QObject *context, std::function<void()> done);
    void runBlockingJob(const Job &job);
    void noteReachable(bool reachable, const QString &reason);
    friend class StoreWorker; // tells this object what happened on the store's thread
    // On the worker's thread (a job may outlive the unique_ptr's value while the store goes).
    static StoreWrite writeOn(StoreWorker *worker, const QString &kind, const nlohmann::json &data);
    void noteJournal(int size);

    StoreLocation m_location;
    std::unique_ptr<StoreWorker> m_worker;
    bool m_reachable = true;
    QDateTime m_unreachableSince;
    QString m_unreachableReason;
    int m_journalSize = 0;
};
