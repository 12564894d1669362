// SPDX-License-Identifier: MIT
// The writes a team store has not taken yet, kept in this machine's SQLite file (the table
// team_journal): one row per write, per store, in the order they were made. Used on the store's
// thread only (Store replays it when the team store answers again).
#pragma once

#include <nlohmann/json.hpp>

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

class StoreJournal final {
public:
    // `store` names the team store the rows are for (StoreLocation::describe()).
    StoreJournal(QString path, QString store, QString connectionName);
    ~StoreJournal();
    StoreJournal(const StoreJournal &) = delete;
    StoreJournal &operator=(const StoreJournal &) = delete;

    // Opens the file and creates the table when needed; false with `error` when it cannot.
    bool open(QString *error);
    bool isOpen() const { return m_db.isOpen(); }
    // Rows waiting for this store.
    int size() const { return m_size; }

    bool append(const QString &kind, const nlohmann::json &data, QString *error);

    struct Entry {
        qint64 id = 0;
        QString kind;
        nlohmann::json data;
    };
    // The oldest row waiting, if any.
    std::optional<Entry> first();
    // Every row of `kind` waiting, oldest first: what this machine did that the store has not
    // heard yet, shown meanwhile.
    std::vector<nlohmann::json> dataOf(const QString &kind);
    // Done with it (replayed, or refused for good).
    void remove(qint64 id);

private:
    QString m_store;
    QString m_connection;
    QSqlDatabase m_db;
    int m_size = 0;
};
