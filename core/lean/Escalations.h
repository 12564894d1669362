// SPDX-License-Identifier: MIT
// The link between a bug being filed and the request it escalates, kept in the store next to
// the outbox: a restart before the tracker accepts the bug, or after it accepted and before the
// requester was answered, still ends with the request marked escalated and the reply with the
// bug's link queued, once.
//
// A row goes filing (bug queued) -> filed (the tracker answered: bug id and link known) -> done
// (the reply is in the outbox, or the source cannot reply). The reply's outbox action id is
// derived from the bug's (replyActionId), so a resume can see whether it was queued already.
#pragma once

#include "core/lean/EscalationTable.h"
#include "core/store/Store.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <vector>

class Escalations final : public QObject {
    Q_OBJECT
public:
    explicit Escalations(Store *store, QObject *parent = nullptr);
    // The "escalation" writer (Store::write), registered by the constructor.
    static void addWriters(Store *store);

    // Reads every row not done. A row still filing whose bug the outbox delivered meanwhile
    // (the run that queued it ended first, or another instance sent it) comes back filed, with
    // the answer; a filed row says whether its reply reached the outbox; a row another
    // instance finished leaves. loaded() follows, each time.
    void load();
    bool isLoaded() const { return m_loaded; }
    std::vector<Escalation> unfinished() const;

    // Shows an escalation as filing at once (its claim goes with its bug into the outbox:
    // Outbox::submit); forget() it when the claim was refused.
    void add(const Escalation &escalation);
    void forget(const QString &actionId);
    const Escalation *find(const QString &actionId) const;
    // A bug for this request is queued and not accepted yet.
    bool isFiling(const QString &source, const QString &itemId) const;
    // The tracker accepted: written before the reply is queued.
    void markFiled(const QString &actionId, const QString &bugId, const QString &bugUrl,
                   const QString &target);
    // Posted after the reply's insert: the store runs jobs in order, so "done" on disk means
    // the reply is on disk too.
    void markDone(const QString &actionId);

    static QString replyActionId(const QString &bugActionId);

Q_SIGNALS:
    void loaded();

private:
    void save(const Escalation &escalation);
    // `open`: the rows not done; `done`: rows this instance knew that another finished.
    void merge(std::vector<Escalation> open, const QStringList &done);

    Store *m_store;
    bool m_loaded = false;
    QHash<QString, Escalation> m_rows; // by action id; done rows leave
};
