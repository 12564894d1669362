// SPDX-License-Identifier: MIT
// The durable outbox: every action (reply, reaction, bug, card, incident, andon) is written to
// the store first, one row per target, and only then sent through the target's connector. A row
// is retried with backoff (at most 5 min apart, later when the server says so) until the
// connector accepts the answer, and survives kills and restarts. Rows for one target are sent
// in order, one at a time: an andon's resolve never overtakes its raise.
//
// Duplicates: a row is marked delivered as soon as the answer is accepted. A crash between the
// server's acceptance and that mark (a few milliseconds) sends it again on the next start:
// harmless where the API is idempotent (Alertmanager re-posts are the same alert; incident.io
// takes the idempotency key; Slack answers already_reacted), a duplicate where it is not (a
// Jira/GitLab/GitHub issue, a Slack reply, a generic webhook without a key).
#pragma once

#include "core/http/HttpClient.h"
#include "core/lean/OutboxTable.h"
#include "core/sources/ConnectorLookup.h"
#include "core/store/Store.h"
#include "core/time/Clock.h"

#include <QObject>
#include <QSet>

#include <map>
#include <optional>
#include <vector>

class QTimer;

class Outbox final : public QObject {
    Q_OBJECT
public:
    Outbox(Store *store, HttpClient *http, ConnectorLookup connectorOf,
           const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // Loads every pending row (from earlier runs, or from another process) and sends them; then
    // re-reads the table once a minute, and whenever rescan() is called.
    void start();
    // Writes one row per target in one transaction, then sends them (a target whose connector
    // names several, a cluster's replicas for an alert, is one row each: writeTargets()).
    // Returns the action's id, which is also its idempotency key unless the action carries one;
    // empty without targets.
    // `actionId`, when given, must be new: a caller that derives it from an earlier action can
    // then look the action up after a restart (OutboxTable::loadAction) before sending it again.
    // `guard` (a bug's escalation claim, a change of owner) is checked in the same transaction
    // first: when it does not hold, the action is refused (refused() follows; nothing is
    // written or sent). A change of owner is written even without targets (owned in dutyboard
    // only). While a team store does not answer, the rows wait in the journal and are sent once
    // it has them.
    QString submit(WriteAction action, const QStringList &targets,
                   const QString &actionId = QString(), OutboxGuard guard = {});

    std::vector<OutboxEntry> pending() const;
    int pendingCount() const { return static_cast<int>(m_rows.size()); }
    // The most recent error among pending rows, for the status bar.
    QString lastError() const;
    // The action waits in the journal of a team store that did not answer (it is sent once the
    // store has it, by whichever dutyboard runs then).
    bool isJournaled(const QString &actionId) const { return m_journaled.contains(actionId); }
    // Loaded, nothing being written or sent, nothing due now: a command can report and exit.
    bool isSettled() const;

    // Sends every waiting row now (the "Retry now" button, a source that answers again).
    void retryNow();
    // The rows for `target`, and for its replicas when it is a cluster source.
    void retryTarget(const QString &target);
    // Gives up on a row (it stays in the table as discarded). Not while it is being sent.
    bool discard(qint64 rowId);
    // Reads pending rows that another process wrote (the command line while the window runs,
    // another instance sharing the store), and forgets those delivered elsewhere.
    void rescan();

Q_SIGNALS:
    void changed(); // the pending list changed
    void delivered(const OutboxEntry &entry);
    void attemptFailed(const OutboxEntry &entry);
    void settled();
    void storeFailed(const QString &message);
    // submit()'s guard refused the action `actionId`: `reason` says why.
    void refused(const QString &actionId, const QString &reason);

private:
    struct Row {
        OutboxEntry entry;
        bool busy = false; // being claimed, sent or marked
    };
    void merge(std::vector<OutboxEntry> rows);
    void pump();
    void send(qint64 rowId);
    // One call of the row's attempt; a connector's answer may ask for the next
    // (WriteOutcome::next).
    void sendStep(qint64 rowId, const WriteAction &action, int step);
    static constexpr int maxStepsPerAttempt = 4;
    void finish(qint64 rowId, const WriteOutcome &outcome);
    void noteSettled();

    Store *m_store;
    HttpClient *m_http;
    ConnectorLookup m_connectorOf;
    const Clock &m_clock;
    QString m_owner;              // who claims rows to send them
    std::map<qint64, Row> m_rows; // by row id: oldest first
    QSet<QString> m_journaled;    // action ids this process put in the journal
    QTimer *m_timer;
    QTimer *m_rescanTimer;
    int m_writing = 0;
    bool m_loaded = false;
    bool m_wasSettled = false;
};
