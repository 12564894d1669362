// SPDX-License-Identifier: MIT
// The 15-minute rule: starting an investigation on a request starts a clock kept in the store
// (it survives restarts, and every instance sharing the store shows it). Amber from `amberMin`, red
// from `redMin`; crossing red is said once per clock, even across restarts, through breached().
#pragma once

#include "core/store/Store.h"
#include "core/time/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <nlohmann/json.hpp>

#include <vector>

enum class ClockLevel { None, Running, Amber, Red, Escalated };

struct InvestigationClock {
    QString source;
    QString itemId;
    QDateTime startedAt;
    QDateTime breachedAt;  // when red was first noticed (notified)
    QDateTime escalatedAt; // became a bug
    QString bugId;
    QString bugUrl;
};

class InvestigationClocks final : public QObject {
    Q_OBJECT
public:
    InvestigationClocks(Store *store, const Clock &clock, int amberMin, int redMin,
                        QObject *parent = nullptr);

    // The "clock" writer (Store::write), registered by the constructor; exportRows() gives every
    // clock of `db` as its data (state copy).
    static void addWriters(Store *store);
    static std::vector<nlohmann::json> exportRows(QSqlDatabase &db);
    // Every clock of `db` (the handover's record of the period); empty when unreadable.
    static std::vector<InvestigationClock> readAll(QSqlDatabase &db);

    // Reads every clock; loaded() follows the first time. Called again when another instance
    // sharing the store changed one: levelChanged() then says which moved.
    void load();
    bool isLoaded() const { return m_loaded; }

    // Starts the clock of a request; a clock already running keeps its start.
    void start(const QString &source, const QString &itemId);
    // The same with an explicit start (the demo starts one 14 minutes in).
    void startAt(const QString &source, const QString &itemId, const QDateTime &startedAt);
    // The request became a bug: its clock stops.
    void markEscalated(const QString &source, const QString &itemId, const QString &bugId,
                       const QString &bugUrl);

    const InvestigationClock *find(const QString &source, const QString &itemId) const;
    qint64 elapsedS(const QString &source, const QString &itemId) const; // -1: no clock
    ClockLevel level(const QString &source, const QString &itemId) const;
    ClockLevel levelFor(qint64 elapsedS) const;
    int amberMin() const { return m_amberMin; }
    int redMin() const { return m_redMin; }
    // A reloaded config's thresholds: the next check() colours every clock by them.
    void setThresholds(int amberMin, int redMin);
    int runningCount() const;

    // Compares every running clock with the thresholds: emits levelChanged where the level moved
    // and breached() the first time a clock is red. The app calls it every few seconds.
    void check();

Q_SIGNALS:
    void loaded();
    void breached(const QString &source, const QString &itemId);
    void levelChanged(const QString &source, const QString &itemId);

private:
    void save(const InvestigationClock &clock);
    void merge(const QHash<QString, InvestigationClock> &rows);

    Store *m_store;
    const Clock &m_clock;
    int m_amberMin;
    int m_redMin;
    bool m_loaded = false;
    QHash<QString, InvestigationClock> m_clocks; // "source\x1fid"
    QHash<QString, ClockLevel> m_lastLevel;
};

// "14:05" under an hour, "1 h 02" above: the running time on a card.
QString formatClock(qint64 elapsedS);
