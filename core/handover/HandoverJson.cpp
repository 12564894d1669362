// SPDX-License-Identifier: MIT
#include "HandoverJson.h"

using nlohmann::json;

namespace {

std::string s(const QString &text) {
    return text.toStdString();
}

json iso(const QDateTime &t) {
    return t.isValid() ? json(s(t.toUTC().toString(Qt::ISODate))) : json(nullptr);
}

json orNull(const QString &text) {
    return text.isEmpty() ? json(nullptr) : json(s(text));
}

json itemJson(const HandoverItem &i) {
    json out = {{"source", s(i.source)},
                {"id", s(i.id)},
                {"title", s(i.title)},
                {"state", s(i.state)},
                {"url", orNull(i.url)},
                {"owner", orNull(i.owner)},
                {"age_s", i.ageS < 0 ? json(nullptr) : json(i.ageS)}};
    switch (i.kind) {
    case ItemKind::Incident:
        out["severity"] = s(i.severity);
        break;
    case ItemKind::Andon:
        out["project"] = s(i.project);
        out["reason"] = s(i.reason);
        out["raised_by"] = s(i.raisedBy);
        break;
    case ItemKind::Bug:
        out["in_progress"] = i.inProgress;
        break;
    case ItemKind::Request:
        if (i.clockS >= 0)
            out["clock_s"] = i.clockS;
        break;
    case ItemKind::Card:
        break;
    }
    return out;
}

json itemsJson(const std::vector<HandoverItem> &items) {
    json out = json::array();
    for (const HandoverItem &i : items)
        out.push_back(itemJson(i));
    return out;
}

json actionsJson(const std::vector<HandoverAction> &actions) {
    json out = json::array();
    for (const HandoverAction &a : actions) {
        json one = {{"action_id", s(a.actionId)},
                    {"kind", s(writeKindName(a.kind))},
                    {"title", s(a.title)},
                    {"targets", s(a.targets)},
                    {"state", s(a.state)},
                    {"attempts", a.attempts},
                    {"last_error", orNull(a.lastError)},
                    {"created_at", iso(a.createdAt)}};
        if (a.kind == WriteKind::ResolveAndon) {
            one["decision"] = s(a.decision);
            one["note"] = orNull(a.note);
            one["by"] = orNull(a.by);
        }
        out.push_back(std::move(one));
    }
    return out;
}

} // namespace

json handoverJson(const HandoverReport &r) {
    const HandoverPeriodTotals &p = r.period;
    json escalations = json::array();
    for (const HandoverEscalation &e : p.escalations)
        escalations.push_back({{"source", s(e.source)},
                               {"id", s(e.id)},
                               {"title", orNull(e.title)},
                               {"investigation_s", e.investigationS},
                               {"bug_id", orNull(e.bugId)},
                               {"bug_url", orNull(e.bugUrl)},
                               {"at", iso(e.at)}});
    json objectives = json::array();
    for (const ObjectiveState &o : p.objectives)
        objectives.push_back({{"key", s(o.key)},
                              {"target", s(o.target)},
                              {"current", s(o.current)},
                              {"met", o.met}});
    json days = json::array();
    for (const HistoryDay &d : p.days)
        days.push_back({{"day", s(d.day.toString(Qt::ISODate))},
                        {"self_service", d.triaged[0]},
                        {"toil", d.triaged[1]},
                        {"bug", d.triaged[2]},
                        {"project", d.triaged[3]}});
    json toil = json::array();
    for (const ToilCandidate &c : r.toil) {
        json ids = json::array();
        for (const QString &id : c.requestIds)
            ids.push_back(s(id));
        toil.push_back({{"label", s(c.label)},
                        {"count", c.count},
                        {"request_ids", std::move(ids)},
                        {"investigation_min", c.investigationMin()},
                        {"self_service_rule",
                         c.selfServiceRule ? json(s(*c.selfServiceRule)) : json(nullptr)}});
    }
    json resolveS = json::array();
    for (qint64 t : p.resolveS)
        resolveS.push_back(t);
    return {
        {"period",
         {{"since", iso(r.since)},
          {"until", iso(r.until)},
          {"since_last_handover", r.sinceLastHandover},
          {"outgoing", orNull(r.outgoing)}}},
        {"open",
         {{"incidents", itemsJson(r.incidents)},
          {"andons", itemsJson(r.andons)},
          {"bugs", itemsJson(r.bugs)},
          {"wip", {{"in_progress", r.bugsInProgress}, {"limit", r.wipLimit}}},
          {"requests_pending", itemsJson(r.requestsPending)},
          {"requests_investigating", itemsJson(r.requestsInvestigating)}}},
        {"week",
         {{"triaged",
           {{"self_service", p.triaged[0]},
            {"toil", p.triaged[1]},
            {"bug", p.triaged[2]},
            {"project", p.triaged[3]}}},
          {"run_percent", p.runPercent ? json(*p.runPercent) : json(nullptr)},
          {"escalated", std::move(escalations)},
          {"incidents_new", p.incidentsNew},
          {"incidents_declared", actionsJson(p.incidentsDeclared)},
          {"incidents_resolved_s", std::move(resolveS)},
          {"median_resolve_s", p.medianResolveS ? json(*p.medianResolveS) : json(nullptr)},
          {"post_mortems_due", itemsJson(p.postMortemsDue)},
          {"andons_raised", p.andonsRaised},
          {"andons_resolved", p.andonsResolved},
          {"andon_decisions", actionsJson(p.andonDecisions)},
          {"outbox_pending", actionsJson(p.outboxPending)},
          {"objectives", std::move(objectives)},
          {"days", std::move(days)}}},
        {"toil_candidates", std::move(toil)},
        {"notes", s(r.notes)},
    };
}
