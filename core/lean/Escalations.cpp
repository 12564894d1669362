// SPDX-License-Identifier: MIT
#include "Escalations.h"

#include "core/lean/OutboxTable.h"

#include <QSqlQuery>

#include <memory>

namespace {

void createTable(QSqlDatabase &db) {
    QSqlQuery q(db);
    q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS escalations("
                          " action_id TEXT PRIMARY KEY, source TEXT NOT NULL,"
                          " item_id TEXT NOT NULL, title TEXT NOT NULL, state TEXT NOT NULL,"
                          " bug_id TEXT, bug_url TEXT, bug_target TEXT)"));
}

// What the outbox table knows about a row still filing, or filed (see load()).
void catchUp(QSqlDatabase &db, Escalation *e) {
    if (e->state == QLatin1String("filing")) {
        for (const OutboxEntry &row : OutboxTable::loadAction(db, e->actionId)) {
            if (row.state == QLatin1String("delivered")) {
                e->state = QStringLiteral("filed");
                e->bugId = row.createdId;
                e->bugUrl = row.createdUrl;
                e->bugTarget = row.target;
                break;
            }
        }
    }
    if (e->state == QLatin1String("filed"))
        e->replyQueued =
            !OutboxTable::loadAction(db, Escalations::replyActionId(e->actionId)).empty();
}

} // namespace

Escalations::Escalations(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {}

QString Escalations::replyActionId(const QString &bugActionId) {
    return bugActionId + QStringLiteral("/reply");
}

void Escalations::load() {
    m_store->post(
        [](QSqlDatabase &db) {
            std::vector<Escalation> rows;
            createTable(db);
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT action_id, source, item_id, title, state, bug_id, "
                                  "bug_url, bug_target FROM escalations WHERE state != 'done'"));
            while (q.next()) {
                Escalation e{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                             q.value(6).toString(), q.value(7).toString()};
                rows.push_back(std::move(e));
            }
            for (Escalation &e : rows)
                catchUp(db, &e);
            return rows;
        },
        this,
        [this](std::vector<Escalation> rows) {
            for (Escalation &e : rows) {
                if (!m_rows.contains(e.actionId))
                    m_rows.insert(e.actionId, std::move(e));
            }
            m_loaded = true;
            Q_EMIT loaded();
        });
}

std::vector<Escalation> Escalations::unfinished() const {
    std::vector<Escalation> out;
    for (const Escalation &e : m_rows)
        out.push_back(e);
    return out;
}

void Escalations::save(const Escalation &e) {
    m_store->post([e](QSqlDatabase &db) {
        createTable(db);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO escalations(action_id, source, item_id, "
                                 "title, state, bug_id, bug_url, bug_target) VALUES (?, ?, ?, ?, "
                                 "?, ?, ?, ?)"));
        for (const QString &v :
             {e.actionId, e.source, e.itemId, e.title, e.state, e.bugId, e.bugUrl, e.bugTarget})
            q.addBindValue(v);
        return QVariant(q.exec());
    });
}

void Escalations::add(const Escalation &escalation) {
    m_rows.insert(escalation.actionId, escalation);
    save(escalation);
}

const Escalation *Escalations::find(const QString &actionId) const {
    const auto it = m_rows.constFind(actionId);
    return it == m_rows.cend() ? nullptr : &it.value();
}

bool Escalations::isFiling(const QString &source, const QString &itemId) const {
    for (const Escalation &e : m_rows) {
        if (e.state == QLatin1String("filing") && e.source == source && e.itemId == itemId)
            return true;
    }
    return false;
}

void Escalations::markFiled(const QString &actionId, const QString &bugId, const QString &bugUrl,
                            const QString &target) {
    auto it = m_rows.find(actionId);
    if (it == m_rows.end())
        return;
    it->state = QStringLiteral("filed");
    it->bugId = bugId;
    it->bugUrl = bugUrl;
    it->bugTarget = target;
    save(*it);
}

void Escalations::markDone(const QString &actionId) {
    auto it = m_rows.find(actionId);
    if (it == m_rows.end())
        return;
    it->state = QStringLiteral("done");
    save(*it);
    m_rows.erase(it);
}
