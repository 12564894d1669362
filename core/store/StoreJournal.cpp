// SPDX-License-Identifier: MIT
#include "StoreJournal.h"

#include <QSqlError>
#include <QSqlQuery>

StoreJournal::StoreJournal(QString path, QString store, QString connectionName)
    : m_store(std::move(store))
    , m_connection(std::move(connectionName)) {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
}

StoreJournal::~StoreJournal() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

bool StoreJournal::open(QString *error) {
    QSqlQuery q(m_db);
    if (!m_db.open() ||
        !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS team_journal(id INTEGER PRIMARY KEY "
                               "AUTOINCREMENT, store TEXT NOT NULL, kind TEXT NOT NULL, data "
                               "TEXT NOT NULL)"))) {
        *error = m_db.lastError().text();
        m_db.close();
        return false;
    }
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM team_journal WHERE store = ?"));
    q.addBindValue(m_store);
    if (q.exec() && q.next())
        m_size = q.value(0).toInt();
    return true;
}

bool StoreJournal::append(const QString &kind, const nlohmann::json &data, QString *error) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO team_journal(store, kind, data) VALUES (?, ?, ?)"));
    q.addBindValue(m_store);
    q.addBindValue(kind);
    q.addBindValue(QString::fromStdString(data.dump()));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    ++m_size;
    return true;
}

std::optional<StoreJournal::Entry> StoreJournal::first() {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, kind, data FROM team_journal WHERE store = ? ORDER BY id LIMIT 1"));
    q.addBindValue(m_store);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QByteArray text = q.value(2).toString().toUtf8();
    return Entry{
        q.value(0).toLongLong(), q.value(1).toString(),
        nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false)};
}

std::vector<nlohmann::json> StoreJournal::dataOf(const QString &kind) {
    std::vector<nlohmann::json> out;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT data FROM team_journal WHERE store = ? AND kind = ? ORDER BY id"));
    q.addBindValue(m_store);
    q.addBindValue(kind);
    if (!q.exec())
        return out;
    while (q.next()) {
        const QByteArray text = q.value(0).toString().toUtf8();
        nlohmann::json data =
            nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        if (data.is_object())
            out.push_back(std::move(data));
    }
    return out;
}

void StoreJournal::remove(qint64 id) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM team_journal WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.numRowsAffected() > 0)
        m_size = std::max(0, m_size - 1);
}
