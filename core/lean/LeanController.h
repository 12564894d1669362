// SPDX-License-Identifier: MIT
// The lean workflow's actions on a running dashboard: triage a request (self-service, toil,
// bug, project), escalate past the 15-minute rule, declare an incident, raise and resolve an
// andon. Everything goes through the outbox; nothing here touches a widget.
#pragma once

#include "core/board/Item.h"
#include "core/lean/TriageStore.h"
#include "core/lean/WriteAction.h"
#include "core/sources/ConnectorLookup.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class Board;
class LeanState;
class OnDuty;
class OnDutyByHand;
class QTimer;
struct LeanConfig;
struct Escalation;
struct OutboxEntry;

class LeanController final : public QObject {
    Q_OBJECT
public:
    // Acts on the board's items, records in `state`, writes through the sources `connectors`
    // finds, signs with `onDuty`'s name. Each must outlive it. Checks clocks every few seconds.
    LeanController(Board *board, LeanState *state, ConnectorLookup connectors,
                   const LeanConfig &config, const OnDuty *onDuty, QObject *parent = nullptr);

    // What the lean screens show beside the controller's own answers.
    Board *board() const { return m_board; }
    LeanState *state() const { return m_state; }
    const LeanConfig &config() const { return m_config; }
    const OnDuty *onDuty() const { return m_onDuty; }
    // Where a name set by hand is kept (may stay unset: then it cannot be set).
    void setOnDutyByHand(OnDutyByHand *byHand) { m_onDutyByHand = byHand; }
    bool canSetOnDuty() const { return m_onDutyByHand != nullptr; }
    // `person` takes over the RUN, signed by the acting person; empty: back to the schedule.
    void setOnDuty(const QString &person);

    // Requests (S, T, B, P). Each records the decision and answers where the source can write.
    void selfService(const Item &request);
    void take(const Item &request);
    // Exactly one bug per request on the bug targets, with its text, link, requester and time
    // spent; false (and nothing sent) when it is already escalated or no target takes bugs.
    // Once the tracker accepts it, the request is marked escalated and the requester gets the
    // bug's link, even when the app restarted in between (Escalations).
    bool escalate(const Item &request);
    void project(const Item &request);

    // "I'm on it" (A): the acting person owns the item, on every screen, and in its source where
    // the source can say it (an acknowledgement, an assignee, a reaction, a silence). Taking
    // over from someone else needs `takeOver` (the screen asks first). Returns the action id;
    // empty when nothing was done (a notice says why).
    // `by`: who, when not the acting person (the command line's --by).
    QString acknowledge(const Item &item, bool takeOver = false, const QString &by = QString());
    // Shift+A: nobody owns it any more; undone in the source where it can be.
    QString release(const Item &item);
    // Whether the item's source can undo an acknowledgement (PagerDuty cannot).
    bool canRelease(const Item &item) const;
    // Who owns the item now: through dutyboard, else as the source says; empty: nobody.
    QString ownerOf(const Item &item) const;

    // Andons and incidents; each returns the outbox action id (empty: no target).
    QString raiseAndon(const QString &project, const QString &reason);
    QString resolveAndon(const Item &andon, const QString &decision, const QString &note);
    QString declareIncident(const QString &name, const QString &description,
                            const QString &severity, const QString &impact);

    // Projects the board knows (andons and cards), for the andon dialog.
    QStringList knownProjects() const;
    // The request's bug is queued and its tracker has not accepted it yet.
    bool isFilingBug(const QString &source, const QString &itemId) const;
    // Whether a request's source can answer in its thread.
    bool canReply(const Item &request) const;
    // Runs the clocks' check now (tests with a manual clock; the timer does it otherwise).
    void checkClocks();

    static QString declaringSource() { return QStringLiteral("(declaring)"); }

Q_SIGNALS:
    // A request's investigation passed the red threshold: notify the person on duty.
    void breached(const Item &request);
    // Something worth a line in the status bar.
    void notice(const QString &text);
    // A request's marks changed (triage, clock, escalation): repaint it.
    void requestChanged(const QString &source, const QString &itemId);
    // An item's owner changed, here or on another screen: repaint it.
    void ownershipChanged(const QString &source, const QString &itemId);

private:
    struct Declared {
        QString title;
        QString severity;
        QDateTime at;
    };
    const Item *findRequest(const QString &source, const QString &itemId) const;
    bool sourceCan(const QString &source, WriteKind kind) const;
    void sendReply(const Item &request, const QString &text);
    void onDelivered(const OutboxEntry &entry);
    void finishEscalation(Escalation escalation); // a copy: it leaves the list
    void refreshPlaceholders();
    void scheduleRefresh(); // after the model's signal returns: never re-enter it

    QString actingPerson() const;

    Board *m_board;
    LeanState *m_state;
    ConnectorLookup m_connectors;
    const LeanConfig &m_config;
    const OnDuty *m_onDuty;
    OnDutyByHand *m_onDutyByHand = nullptr;
    QTimer *m_clockTimer;
    QHash<QString, Declared> m_declared; // outbox action id -> the incident declared
    bool m_refreshQueued = false;
    bool m_showingPlaceholders = false;
};
