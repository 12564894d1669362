// SPDX-License-Identifier: MIT
// What the person on duty decided for each request (self-service, toil, bug, project), kept in
// the store so every board says it, after a restart too, whatever the source can record itself.
#pragma once

#include "core/store/Store.h"
#include "core/time/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <nlohmann/json.hpp>

#include <vector>

// In the history's order (HistorySample::triaged): self-service, toil, bug, project.
enum class Triage { None, SelfService, Toil, Bug, Project };

QString triageName(Triage triage); // "self-service", "toil", "bug", "project"
Triage triageFromName(const QString &name);

struct TriageDecision {
    Triage triage = Triage::None;
    QDateTime decidedAt;
    QString decidedBy;
};

class TriageStore final : public QObject {
    Q_OBJECT
public:
    TriageStore(Store *store, const Clock &clock, QObject *parent = nullptr);

    // The "triage" writer (Store::write), registered by the constructor; exportRows() gives
    // every decision of `db` as its data (state copy).
    static void addWriters(Store *store);
    static std::vector<nlohmann::json> exportRows(QSqlDatabase &db);

    // Reads every decision; loaded() follows. Called again when another instance sharing the
    // store decided: changed() then says which request moved.
    void load();
    // `title`: the request's text, recorded with the first outcome (the handover's toil groups).
    void decide(const QString &source, const QString &itemId, Triage triage, const QString &by,
                const QString &title = QString());
    TriageDecision decision(const QString &source, const QString &itemId) const;

Q_SIGNALS:
    void loaded();
    void changed(const QString &source, const QString &itemId);

private:
    void merge(const QHash<QString, TriageDecision> &rows);

    Store *m_store;
    const Clock &m_clock;
    QHash<QString, TriageDecision> m_decisions; // "source\x1fid"
};
