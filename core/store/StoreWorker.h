// SPDX-License-Identifier: MIT
// The store's thread and its one connection, behind Store (nothing else uses it). One thread
// with an event loop: the connection stays on its thread, and PostgreSQL's notices arrive
// through that loop. Jobs are queued calls, so they run in order. A shared store's connection
// is checked every few seconds, reopened and re-subscribed; writes made while it does not
// answer go to the journal and are replayed in order when it does.
#pragma once

#include "core/store/Store.h"
#include "core/store/StoreJournal.h"
#include "core/store/StoreLocation.h"

#include <QSqlDatabase>
#include <QThread>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QTimer;

class StoreWorker final : public QObject {
public:
    // Starts the thread; `owner` hears of reachability, the journal and changes elsewhere.
    StoreWorker(StoreLocation where, Store *owner);
    // Runs the jobs already queued, closes, and joins the thread.
    ~StoreWorker() override;

    void addWriter(const QString &kind, Store::Writer writer) {
        m_writers[kind] = std::move(writer);
    }

    // On the worker thread: the write now, or into the journal when the shared store does not
    // answer (or older writes wait there: order is kept).
    StoreWrite write(const QString &kind, const nlohmann::json &data);

    // On the worker thread: whether the last use of the connection worked, and why not.
    bool reachable() const { return m_reachable; }
    QString unreachableReason() const { return m_reason; }

    // Queues `task` on the worker thread, after every task queued before.
    void enqueue(std::function<void(QSqlDatabase &)> task);

    // On the worker thread: the writes of `kind` waiting in the journal, oldest first.
    std::vector<nlohmann::json> journaled(const QString &kind) {
        return m_journal ? m_journal->dataOf(kind) : std::vector<nlohmann::json>();
    }

    // Runs on the worker thread. Returns false when nothing usable could be opened. A shared
    // store is connected at once, or, without `waitForServer`, next on this thread.
    bool openDatabase(QString *notice, bool waitForServer);

private:
    // WAL, full sync, a small cache; false when the file is not a usable SQLite database.
    bool openSqlite();
    // Starts the health and re-read timers and the first connection; false when refused.
    bool openShared(QString *notice, bool waitForServer);

    enum class Connect { Ok, Unreachable, Refused };

    // Connects, selects the schema (creating it when missing), migrates and listens.
    Connect connectShared(QString *reason);

    // Whether the connection is open and answers a trivial query now.
    bool answers();
    // Every few seconds: reconnects a lost connection, replays the journal once it answers.
    void checkHealth();
    void openJournal();
    StoreWrite keepForLater(const QString &kind, const nlohmann::json &data);

    // Replays the journal in order while the store answers. True when something was replayed.
    bool replayJournal();

    int journalSize() const { return m_journal ? m_journal->size() : 0; }

    // What the owner hears, queued to its thread.
    void tellOwnerJournalSize();
    void tellOwnerRefused(const QString &kind, const nlohmann::json &data, const QString &reason);
    void tellOwnerReachable(bool reachable, const QString &reason);
    void tellOwnerChanged(const QString &topic);
    void closeDatabase();

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
    std::map<QString, Store::Writer> m_writers;
};
