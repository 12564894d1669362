// SPDX-License-Identifier: MIT
#include "Escalations.h"

#include "core/lean/OutboxTable.h"

#include <QSqlError>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace {

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

// An escalation's row. A state never goes back (filing, filed, done), whichever instance writes.
bool write(QSqlDatabase &db, const Escalation &e) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO escalations(action_id, source, item_id, title, state, bug_id, bug_url, "
        "bug_target) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(action_id) DO UPDATE SET "
        "state = CASE WHEN escalations.state = 'done' OR excluded.state = 'filing' "
        "THEN escalations.state ELSE excluded.state END, "
        "bug_id = COALESCE(NULLIF(excluded.bug_id, ''), escalations.bug_id), "
        "bug_url = COALESCE(NULLIF(excluded.bug_url, ''), escalations.bug_url), "
        "bug_target = COALESCE(NULLIF(excluded.bug_target, ''), escalations.bug_target)"));
    for (const QString &v :
         {e.actionId, e.source, e.itemId, e.title, e.state, e.bugId, e.bugUrl, e.bugTarget})
        q.addBindValue(v);
    const bool ok = q.exec();
    if (ok)
        Store::announce(db, QStringLiteral("escalations"));
    return ok;
}

struct Loaded {
    std::vector<Escalation> open; // not done
    QStringList done;             // among the ones asked about
};

std::optional<Loaded> readEscalations(QSqlDatabase &db, const QStringList &known) {
    Loaded loaded;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT action_id, source, item_id, title, state, bug_id, "
                               "bug_url, bug_target FROM escalations WHERE state != 'done'")))
        return std::nullopt;
    while (q.next()) {
        Escalation e{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                     q.value(6).toString(), q.value(7).toString()};
        loaded.open.push_back(std::move(e));
    }
    for (Escalation &e : loaded.open)
        catchUp(db, &e);
    QSqlQuery done(db);
    done.prepare(
        QStringLiteral("SELECT 1 FROM escalations WHERE action_id = ? AND state = 'done'"));
    for (const QString &id : known) {
        done.addBindValue(id);
        if (done.exec() && done.next())
            loaded.done.append(id);
    }
    return loaded;
}

} // namespace

Escalations::Escalations(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {}

QString Escalations::replyActionId(const QString &bugActionId) {
    return bugActionId + QStringLiteral("/reply");
}

void Escalations::load() {
    const QStringList known = m_rows.keys();
    m_store->post([known](QSqlDatabase &db) { return readEscalations(db, known); }, this,
                  [this](std::optional<Loaded> rows) {
                      if (rows)
                          merge(std::move(rows->open), rows->done);
                      m_loaded = true;
                      Q_EMIT loaded();
                  });
}

void Escalations::merge(std::vector<Escalation> open, const QStringList &done) {
    // Finished by another instance: gone here too. A row only this instance knows (its
    // write is on the way) stays.
    for (const QString &id : done)
        m_rows.remove(id);
    for (Escalation &e : open) {
        const auto known = m_rows.find(e.actionId);
        if (known == m_rows.end() || known->state == QLatin1String("filing"))
            m_rows.insert(e.actionId, std::move(e));
    }
}

OutboxTable::Guard Escalations::claim(const Escalation &escalation, const QString &by,
                                      const QDateTime &at) {
    return [escalation, by, at](QSqlDatabase &db) -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO escalation_claims(source, item_id, action_id, "
                                 "claimed_by, claimed_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT(source, item_id) DO NOTHING"));
        q.addBindValue(escalation.source);
        q.addBindValue(escalation.itemId);
        q.addBindValue(escalation.actionId);
        q.addBindValue(by);
        q.addBindValue(at.toMSecsSinceEpoch());
        if (!q.exec())
            return QStringLiteral("the escalation could not be recorded: %1")
                .arg(q.lastError().text());
        if (q.numRowsAffected() == 1)
            return write(db, escalation) ? QString()
                                         : QStringLiteral("the escalation could not be recorded");
        QSqlQuery holder(db);
        holder.prepare(QStringLiteral("SELECT claimed_by, claimed_at FROM escalation_claims "
                                      "WHERE source = ? AND item_id = ?"));
        holder.addBindValue(escalation.source);
        holder.addBindValue(escalation.itemId);
        if (!holder.exec() || !holder.next())
            return QStringLiteral("already escalated");
        const QString who = holder.value(0).toString();
        const QDateTime when =
            QDateTime::fromMSecsSinceEpoch(holder.value(1).toLongLong(), Qt::UTC).toLocalTime();
        return QStringLiteral("\u201C%1\u201D was already escalated by %2 at %3")
            .arg(escalation.title, who.isEmpty() ? QStringLiteral("someone") : who,
                 when.toString(QStringLiteral("HH:mm")));
    };
}

std::vector<Escalation> Escalations::unfinished() const {
    std::vector<Escalation> out;
    for (const Escalation &e : m_rows)
        out.push_back(e);
    return out;
}

void Escalations::save(const Escalation &e) {
    m_store->post([e](QSqlDatabase &db) { return write(db, e); });
}

void Escalations::add(const Escalation &escalation) {
    m_rows.insert(escalation.actionId, escalation);
}

void Escalations::forget(const QString &actionId) {
    m_rows.remove(actionId);
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
