// SPDX-License-Identifier: MIT
#include "HandoverMarkdown.h"

#include "core/handover/HandoverText.h"

#include <QRegularExpression>
#include <QStringList>

#include <functional>

namespace {

// Markdown's own characters in a text from a source are shown, not interpreted.
QString escaped(const QString &text) {
    QString out;
    for (const QChar c : text) {
        if (QStringLiteral("\\`*_[]<>|#").contains(c))
            out.append(QLatin1Char('\\'));
        out.append(c);
    }
    return out.simplified();
}

QString linked(const QString &text, const QString &url) {
    return url.isEmpty() ? escaped(text) : QStringLiteral("[%1](%2)").arg(escaped(text), url);
}

void section(QStringList *out, const QString &heading, const std::vector<HandoverItem> &items,
             const std::function<QString(const HandoverItem &)> &line) {
    out->append(QStringLiteral("**%1 (%2)**").arg(heading).arg(items.size()));
    if (items.empty())
        out->append(QStringLiteral("- none"));
    for (const HandoverItem &item : items)
        out->append(QStringLiteral("- ") + line(item));
    out->append(QString());
}

QString ownedAndAged(const HandoverItem &item) {
    return QStringLiteral("%1 \u00b7 %2")
        .arg(HandoverText::age(item),
             item.owner.isEmpty() ? QStringLiteral("**unowned**") : escaped(item.owner));
}

} // namespace

QString handoverMarkdown(const HandoverReport &r) {
    QStringList out;
    out.append(QStringLiteral("# ") + HandoverText::title(r));
    out.append(QStringLiteral("_Period: %1, to %2._")
                   .arg(HandoverText::period(r), HandoverText::when(r.until)));
    out.append(QString());

    out.append(QStringLiteral("## Open now"));
    const auto plain = [](const HandoverItem &i) {
        return QStringLiteral("%1 \u00b7 %2")
            .arg(linked(HandoverText::itemText(i), i.url), ownedAndAged(i));
    };
    section(&out, QStringLiteral("Incidents"), r.incidents, plain);
    section(&out, QStringLiteral("Andons waiting for a decision"), r.andons, plain);
    section(&out, QStringLiteral("Bug queue, WIP %1/%2").arg(r.bugsInProgress).arg(r.wipLimit),
            r.bugs, [&plain](const HandoverItem &i) {
                return (i.inProgress ? QStringLiteral("\u25b6 in progress: ") : QString()) +
                       plain(i);
            });
    section(&out, QStringLiteral("Requests pending"), r.requestsPending, plain);
    section(&out, QStringLiteral("Requests under investigation"), r.requestsInvestigating,
            [](const HandoverItem &i) {
                return QStringLiteral("%1 \u00b7 clock %2 \u00b7 %3")
                    .arg(linked(i.title, i.url), HandoverText::spent(i.clockS),
                         i.owner.isEmpty() ? QStringLiteral("**unowned**") : escaped(i.owner));
            });

    const HandoverPeriodTotals &p = r.period;
    out.append(QStringLiteral("## The period"));
    int triaged = 0;
    for (int n : p.triaged)
        triaged += n;
    out.append(QStringLiteral("- **Requests triaged: %1** (%2) \u2014 **%3**")
                   .arg(triaged)
                   .arg(HandoverText::triageCounts(p), HandoverText::runShare(p)));
    out.append(QStringLiteral("- **Escalated past 15 min: %1**").arg(p.escalations.size()));
    for (const HandoverEscalation &e : p.escalations)
        out.append(
            QStringLiteral("  - %1 (%2 investigated) \u2192 %3")
                .arg(escaped(e.title.isEmpty() ? e.source + QLatin1Char('/') + e.id : e.title),
                     HandoverText::spent(e.investigationS),
                     e.bugId.isEmpty() ? QStringLiteral("bug being filed")
                                       : linked(e.bugId, e.bugUrl)));
    QStringList resolved;
    for (qint64 s : p.resolveS)
        resolved.append(HandoverText::spent(s));
    out.append(QStringLiteral("- **Incidents: %1 new, %2 resolved**%3")
                   .arg(p.incidentsNew)
                   .arg(p.resolveS.size())
                   .arg(p.medianResolveS ? QStringLiteral(" \u2014 time to resolve %1 (median %2)")
                                               .arg(resolved.join(QStringLiteral(", ")),
                                                    HandoverText::spent(*p.medianResolveS))
                                         : QString()));
    for (const HandoverAction &a : p.incidentsDeclared)
        out.append(QStringLiteral("  - declared here: %1 (%2)")
                       .arg(escaped(a.title), HandoverText::when(a.createdAt)));
    out.append(QStringLiteral("- **Post-mortems due: %1**").arg(p.postMortemsDue.size()));
    for (const HandoverItem &i : p.postMortemsDue)
        out.append(QStringLiteral("  - %1 \u00b7 %2")
                       .arg(linked(HandoverText::itemText(i), i.url), ownedAndAged(i)));
    out.append(QStringLiteral("- **Andons: %1 raised, %2 resolved**")
                   .arg(p.andonsRaised)
                   .arg(p.andonsResolved));
    for (const HandoverAction &a : p.andonDecisions)
        out.append(
            QStringLiteral("  - %1: **%2**%3%4")
                .arg(escaped(a.title), HandoverText::decision(a.decision),
                     a.note.isEmpty()
                         ? QString()
                         : QStringLiteral(" \u2014 \u201c%1\u201d").arg(escaped(a.note)),
                     a.by.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(escaped(a.by))));
    out.append(QStringLiteral("- **Actions still in the outbox: %1**").arg(p.outboxPending.size()));
    for (const HandoverAction &a : p.outboxPending)
        out.append(QStringLiteral("  - %1 \u201c%2\u201d to %3 \u2014 %4 attempt(s)%5")
                       .arg(writeKindName(a.kind), escaped(a.title), a.targets)
                       .arg(a.attempts)
                       .arg(a.lastError.isEmpty() ? QString()
                                                  : QStringLiteral(": ") + escaped(a.lastError)));
    if (!p.objectives.empty()) {
        out.append(QStringLiteral("- **Objectives**"));
        for (const ObjectiveState &o : p.objectives)
            out.append(QStringLiteral("  - %1").arg(o.text()));
    }
    out.append(QString());

    out.append(QStringLiteral("## Toil candidates"));
    if (r.toil.empty())
        out.append(QStringLiteral("No request asked twice in the period."));
    int rank = 0;
    for (const ToilCandidate &c : r.toil)
        out.append(
            QStringLiteral("%1. %2 (%3)")
                .arg(++rank)
                .arg(escaped(HandoverText::toilLine(c)), c.requestIds.join(QStringLiteral(", "))));
    out.append(QString());

    out.append(QStringLiteral("## Notes"));
    out.append(r.notes.trimmed().isEmpty() ? QStringLiteral("_No notes._") : r.notes.trimmed());
    out.append(QString());
    return out.join(QLatin1Char('\n'));
}

QString slackText(const QString &markdown) {
    QString text = markdown;
    static const QRegularExpression heading(QStringLiteral("^#{1,6} (.+)$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression bold(QStringLiteral("\\*\\*(.+?)\\*\\*"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)"));
    // Slack has no backslash escapes: the characters show as they are.
    static const QRegularExpression escape(QStringLiteral("\\\\([\\\\`*_\\[\\]<>|#&])"));
    text.replace(escape, QStringLiteral("\\1"));
    text.replace(heading, QStringLiteral("*\\1*"));
    text.replace(bold, QStringLiteral("*\\1*"));
    text.replace(link, QStringLiteral("<\\2|\\1>"));
    return text;
}
