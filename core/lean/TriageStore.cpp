// SPDX-License-Identifier: MIT
#include "TriageStore.h"

#include <QSqlQuery>

#include <memory>

namespace {

QString keyOf(const QString &source, const QString &itemId) {
    return source + QChar(0x1f) + itemId;
}

const std::pair<Triage, const char *> names[] = {{Triage::SelfService, "self-service"},
                                                 {Triage::Toil, "toil"},
                                                 {Triage::Bug, "bug"},
                                                 {Triage::Project, "project"}};

} // namespace

QString triageName(Triage triage) {
    for (const auto &[t, name] : names) {
        if (t == triage)
            return QLatin1String(name);
    }
    return {};
}

Triage triageFromName(const QString &name) {
    for (const auto &[t, n] : names) {
        if (name == QLatin1String(n))
            return t;
    }
    return Triage::None;
}

TriageStore::TriageStore(LocalStore *store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock) {}

void TriageStore::load() {
    m_store->post(
        [](QSqlDatabase &db) {
            QHash<QString, TriageDecision> rows;
            QSqlQuery q(db);
            q.exec(
                QStringLiteral("CREATE TABLE IF NOT EXISTS triage(source TEXT NOT NULL, "
                               "item_id TEXT NOT NULL, decision TEXT NOT NULL, decided_at "
                               "INTEGER NOT NULL, decided_by TEXT, PRIMARY KEY(source, item_id))"));
            q.exec(QStringLiteral(
                "SELECT source, item_id, decision, decided_at, decided_by FROM triage"));
            while (q.next())
                rows.insert(keyOf(q.value(0).toString(), q.value(1).toString()),
                            {triageFromName(q.value(2).toString()),
                             QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC),
                             q.value(4).toString()});
            return rows;
        },
        this,
        [this](QHash<QString, TriageDecision> rows) {
            for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
                if (!m_decisions.contains(it.key()))
                    m_decisions.insert(it.key(), it.value());
            }
            Q_EMIT loaded();
        });
}

void TriageStore::decide(const QString &source, const QString &itemId, Triage triage,
                         const QString &by) {
    const TriageDecision d{triage, m_clock.now(), by};
    const Triage previous = m_decisions.value(keyOf(source, itemId)).triage;
    m_decisions.insert(keyOf(source, itemId), d);
    m_store->post([source, itemId, d](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO triage(source, item_id, decision, "
                                 "decided_at, decided_by) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(source);
        q.addBindValue(itemId);
        q.addBindValue(triageName(d.triage));
        q.addBindValue(d.decidedAt.toMSecsSinceEpoch());
        q.addBindValue(d.decidedBy);
        return QVariant(q.exec());
    });
    Q_EMIT changed(source, itemId);
    Q_EMIT decided(source, itemId, previous, triage);
}

TriageDecision TriageStore::decision(const QString &source, const QString &itemId) const {
    return m_decisions.value(keyOf(source, itemId));
}
