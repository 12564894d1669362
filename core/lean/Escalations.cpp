// SPDX-License-Identifier: MIT
#include "Escalations.h"

#include "core/lean/OutboxTable.h"

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
    , m_store(store) {
    addWriters(store);
}

void Escalations::addWriters(Store *store) {
    store->addWriter(
        QStringLiteral("escalation"), [](QSqlDatabase &db, const nlohmann::json &data) {
            return EscalationTable::write(db, EscalationTable::escalationFromJson(data))
                       ? StoreWrite::applied()
                       : StoreWrite::failed(QStringLiteral("the escalation was not written"));
        });
}

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

std::vector<Escalation> Escalations::unfinished() const {
    std::vector<Escalation> out;
    for (const Escalation &e : m_rows)
        out.push_back(e);
    return out;
}

void Escalations::save(const Escalation &e) {
    m_store->write(QStringLiteral("escalation"), EscalationTable::toJson(e));
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
