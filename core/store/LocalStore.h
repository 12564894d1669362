// SPDX-License-Identifier: MIT
// Local state in SQLite (outbox, investigation clocks, history, last snapshot), on its own
// thread: the UI thread posts jobs and gets answers later, it never waits on the disk.
#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class LocalStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalStore)
public:
    using Job = std::function<void(QSqlDatabase &db)>;

    explicit LocalStore(QString path, QObject *parent = nullptr);
    ~LocalStore() override; // runs the jobs already queued, then closes

    // Opens (or creates) the database on the store's thread and waits for it: called once at
    // start-up. WAL mode, full sync (an action written is on disk before it is sent). A file
    // that is not a usable SQLite database is moved aside and a fresh one started; `notice`
    // then says so for the user. Returns false only when no database could be opened at all.
    bool open(QString *notice);

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

    QString path() const { return m_path; }
    // <user data dir>/dutyboard/state.sqlite
    static QString defaultPath();

private:
    // Runs `job` on the store's thread, then `done` on `context`'s (this object's when null).
    void postThen(Job job, QObject *context, std::function<void()> done);
    void runBlockingJob(const Job &job);

    class Worker;
    QString m_path;
    std::unique_ptr<Worker> m_worker;
};
