// SPDX-License-Identifier: MIT
#include "HandoverReport.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <iterator>

QString handoverKey(const QString &source, const QString &id) {
    return source + QChar(0x1f) + id;
}

namespace {

bool isPostMortemDue(const Item &incident) {
    // incident.io's "learning" category reads "post-mortem due"; other tools say it their way.
    static const QRegularExpression due(QStringLiteral("post.?mortem|learning|review"),
                                        QRegularExpression::CaseInsensitiveOption);
    return due.match(incident.state).hasMatch();
}

HandoverItem itemOf(const Item &item, const HandoverInputs &in,
                    const QHash<QString, const Ownership *> &owners) {
    HandoverItem h;
    h.kind = item.kind;
    h.source = item.source;
    h.id = item.id;
    h.title = item.title;
    h.state = item.state;
    h.url = item.url;
    const Ownership *owned = owners.value(handoverKey(item.source, item.id));
    h.owner = owned ? owned->owner : item.owner;
    h.ageS = item.createdAt.isValid() ? std::max<qint64>(0, item.createdAt.secsTo(in.now)) : -1;
    if (item.kind == ItemKind::Incident)
        h.severity = item.severity.label();
    h.project = item.project;
    h.reason = item.reason;
    h.raisedBy = item.raisedBy;
    return h;
}

// The oldest first (unknown ages last): what waited longest is said first.
void oldestFirst(std::vector<HandoverItem> *items) {
    std::stable_sort(items->begin(), items->end(),
                     [](const HandoverItem &a, const HandoverItem &b) { return a.ageS > b.ageS; });
}

// Time on a clock: until its escalation; a clock still on the board runs to now; one whose
// request left the board unescalated was done within the rule, counted as at most redMin.
qint64 investigationS(const InvestigationClock &c, bool onBoard, const QDateTime &now, int redMin) {
    if (c.escalatedAt.isValid())
        return std::max<qint64>(0, c.startedAt.secsTo(c.escalatedAt));
    const qint64 running = std::max<qint64>(0, c.startedAt.secsTo(now));
    return onBoard ? running : std::min<qint64>(running, 60LL * redMin);
}

HandoverAction actionOf(const OutboxEntry &e) {
    HandoverAction a;
    a.actionId = e.actionId;
    a.kind = e.action.kind;
    a.title = e.action.title.isEmpty() ? e.action.project : e.action.title;
    a.targets = e.target;
    a.state = e.state;
    a.attempts = e.attempts;
    a.lastError = e.lastError;
    a.createdAt = e.createdAt;
    a.decision = e.action.decision;
    a.note = e.action.note;
    a.by = e.action.raisedBy;
    return a;
}

// One per action: the targets of one action are listed together; pending if any target is.
std::vector<HandoverAction> actionsOf(const std::vector<OutboxEntry> &rows,
                                      const std::function<bool(const OutboxEntry &)> &keep) {
    std::vector<HandoverAction> out;
    QHash<QString, size_t> at;
    for (const OutboxEntry &e : rows) {
        if (!keep(e))
            continue;
        const auto known = at.constFind(e.actionId);
        if (known == at.cend()) {
            at.insert(e.actionId, out.size());
            out.push_back(actionOf(e));
            continue;
        }
        HandoverAction &a = out[*known];
        if (!a.targets.split(QStringLiteral(", ")).contains(e.target))
            a.targets += QStringLiteral(", ") + e.target;
        if (e.state == QLatin1String("pending")) {
            a.state = e.state;
            a.attempts = std::max(a.attempts, e.attempts);
            if (!e.lastError.isEmpty())
                a.lastError = e.lastError;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const HandoverAction &a, const HandoverAction &b) {
        return a.createdAt < b.createdAt;
    });
    return out;
}

bool inPeriod(const QDateTime &t, const HandoverInputs &in) {
    return t.isValid() && t >= in.since && t <= in.now;
}

} // namespace

HandoverReport buildHandoverReport(const HandoverInputs &in) {
    HandoverReport r;
    r.since = in.since;
    r.until = in.now;
    r.sinceLastHandover = in.sinceLastHandover;
    r.outgoing = in.onDuty;
    r.notes = in.notes;
    r.wipLimit = in.lean.wipLimit;

    QHash<QString, const Ownership *> owners;
    for (const Ownership &o : in.ownerships)
        owners.insert(handoverKey(o.source, o.itemId), &o);
    QHash<QString, const InvestigationClock *> clocks;
    for (const InvestigationClock &c : in.clocks)
        clocks.insert(handoverKey(c.source, c.itemId), &c);
    QSet<QString> decided;
    for (const HandoverTriaged &d : in.decisions) {
        if (d.outcome != Triage::None)
            decided.insert(handoverKey(d.source, d.id));
    }
    QHash<QString, QString> titles; // every request's text known: board, then records
    QSet<QString> onBoard;

    // Open now.
    for (const Item &item : in.items) {
        const QString key = handoverKey(item.source, item.id);
        switch (item.kind) {
        case ItemKind::Incident:
            (isPostMortemDue(item) ? r.period.postMortemsDue : r.incidents)
                .push_back(itemOf(item, in, owners));
            break;
        case ItemKind::Andon:
            r.andons.push_back(itemOf(item, in, owners));
            break;
        case ItemKind::Bug: {
            HandoverItem bug = itemOf(item, in, owners);
            bug.inProgress = in.lean.inProgress.match(item.state).hasMatch();
            r.bugsInProgress += bug.inProgress ? 1 : 0;
            r.bugs.push_back(std::move(bug));
            break;
        }
        case ItemKind::Request: {
            onBoard.insert(key);
            titles.insert(key, item.title);
            HandoverItem request = itemOf(item, in, owners);
            const InvestigationClock *clock = clocks.value(key);
            if (clock && !clock->escalatedAt.isValid()) {
                request.clockS = investigationS(*clock, true, in.now, in.lean.redMin);
                r.requestsInvestigating.push_back(std::move(request));
            } else if (!decided.contains(key) && !clock) {
                r.requestsPending.push_back(std::move(request));
            }
            break;
        }
        case ItemKind::Card:
            break;
        }
    }
    for (auto *list : {&r.incidents, &r.andons, &r.requestsPending, &r.period.postMortemsDue})
        oldestFirst(list);
    std::stable_sort(
        r.requestsInvestigating.begin(), r.requestsInvestigating.end(),
        [](const HandoverItem &a, const HandoverItem &b) { return a.clockS > b.clockS; });
    oldestFirst(&r.bugs);
    std::stable_sort(
        r.bugs.begin(), r.bugs.end(),
        [](const HandoverItem &a, const HandoverItem &b) { return a.inProgress && !b.inProgress; });

    // The period: triage from the records, the rest from the history's samples in it.
    for (const HandoverTriaged &t : in.triagedInPeriod) {
        if (!t.title.isEmpty() && !titles.contains(handoverKey(t.source, t.id)))
            titles.insert(handoverKey(t.source, t.id), t.title);
        if (t.outcome != Triage::None && inPeriod(t.at, in))
            ++r.period.triaged[static_cast<size_t>(t.outcome) - 1];
    }
    HistoryWeek totals; // the period, summed as the charts sum a week
    totals.triaged = r.period.triaged;
    r.period.runPercent = totals.runPercent();
    for (const HistorySample &s : in.samples) {
        if (!inPeriod(s.at, in))
            continue;
        for (size_t i = 0; i < s.incidentsNewBySev.size(); ++i)
            r.period.incidentsNew += s.incidentsNewBySev[i];
        r.period.andonsRaised += s.andonsRaised;
        r.period.andonsResolved += s.andonsResolved;
        totals.resolveS.insert(totals.resolveS.end(), s.resolveS.begin(), s.resolveS.end());
    }
    r.period.resolveS = totals.resolveS;
    r.period.medianResolveS = totals.medianResolveS();

    for (const InvestigationClock &c : in.clocks) {
        if (!inPeriod(c.escalatedAt, in))
            continue;
        const QString key = handoverKey(c.source, c.itemId);
        r.period.escalations.push_back({c.source, c.itemId, titles.value(key),
                                        investigationS(c, true, in.now, in.lean.redMin), c.bugId,
                                        c.bugUrl, c.escalatedAt});
    }
    std::stable_sort(
        r.period.escalations.begin(), r.period.escalations.end(),
        [](const HandoverEscalation &a, const HandoverEscalation &b) { return a.at < b.at; });

    r.period.incidentsDeclared = actionsOf(in.outbox, [&in](const OutboxEntry &e) {
        return e.action.kind == WriteKind::CreateIncident && inPeriod(e.createdAt, in);
    });
    r.period.andonDecisions = actionsOf(in.outbox, [&in](const OutboxEntry &e) {
        return e.action.kind == WriteKind::ResolveAndon && inPeriod(e.createdAt, in);
    });
    r.period.outboxPending = actionsOf(
        in.outbox, [](const OutboxEntry &e) { return e.state == QLatin1String("pending"); });
    // An action still pending is pending for all its targets' sake.
    r.period.outboxPending.erase(
        std::remove_if(r.period.outboxPending.begin(), r.period.outboxPending.end(),
                       [](const HandoverAction &a) { return a.state != QLatin1String("pending"); }),
        r.period.outboxPending.end());
    r.period.objectives = objectiveStates(in.objectives, in.samples, in.now);
    const qint64 days = std::clamp<qint64>(in.since.daysTo(in.now) + 1, 1, 60);
    std::vector<HistorySample> periodSamples;
    std::copy_if(in.samples.begin(), in.samples.end(), std::back_inserter(periodSamples),
                 [&in](const HistorySample &s) { return inPeriod(s.at, in); });
    r.period.days = historyDays(periodSamples, in.now, static_cast<int>(days));

    // Toil candidates: the requests pending now and those recorded in the period.
    std::vector<ToilRequest> requests;
    const auto timeOf = [&](const QString &key) -> qint64 {
        const InvestigationClock *c = clocks.value(key);
        return c ? investigationS(*c, onBoard.contains(key), in.now, in.lean.redMin) : 0;
    };
    for (const HandoverItem &h : r.requestsPending)
        requests.push_back({h.source, h.id, h.title, 0});
    for (const HandoverItem &h : r.requestsInvestigating)
        requests.push_back({h.source, h.id, h.title, h.clockS});
    for (const HandoverTriaged &t : in.triagedInPeriod) {
        const QString key = handoverKey(t.source, t.id);
        requests.push_back({t.source, t.id, titles.value(key), timeOf(key)});
    }
    r.toil = toilCandidates(requests, in.lean.selfService);
    return r;
}
