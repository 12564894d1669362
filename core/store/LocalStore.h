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

class LocalStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalStore)
public:
    using Job = std::function<QVariant(QSqlDatabase &db)>;
    using Done = std::function<void(const QVariant &result)>;

    explicit LocalStore(QString path, QObject *parent = nullptr);
    ~LocalStore() override; // runs the jobs already queued, then closes

    // Opens (or creates) the database on the store's thread and waits for it: called once at
    // start-up. WAL mode, full sync (an action written is on disk before it is sent). A file
    // that is not a usable SQLite database is moved aside and a fresh one started; `notice`
    // then says so for the user. Returns false only when no database could be opened at all.
    bool open(QString *notice);

    // Queues a job; `done` runs later on `context`'s thread with the job's result (unless
    // `context` is gone). Jobs run one at a time, in order.
    void post(Job job, QObject *context = nullptr, Done done = {});
    // Runs a job and waits for its result: for the command line and tests, never the UI.
    QVariant runBlocking(Job job);

    QString path() const { return m_path; }
    // <user data dir>/dutyboard/state.sqlite
    static QString defaultPath();

private:
    class Worker;
    QString m_path;
    std::unique_ptr<Worker> m_worker;
};
