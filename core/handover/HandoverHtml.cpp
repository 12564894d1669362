// SPDX-License-Identifier: MIT
#include "HandoverHtml.h"

#include "core/handover/HandoverText.h"

#include <QStringList>

#include <algorithm>

namespace {

// The trend charts' outcome colours, readable on white and in grey print.
const char *const outcomeColours[] = {"#2e7d32", "#c62828", "#ef6c00", "#1565c0"};
const char *const outcomeNames[] = {"self-service", "toil", "bug", "project"};

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

QString linked(const QString &text, const QString &url) {
    return url.isEmpty() ? esc(text)
                         : QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), esc(text));
}

QString ownerCell(const HandoverItem &i) {
    return i.owner.isEmpty() ? QStringLiteral("<span class=\"unowned\">unowned</span>")
                             : esc(i.owner);
}

void table(QStringList *out, const QString &heading, const std::vector<HandoverItem> &items,
           bool clock = false) {
    out->append(QStringLiteral("<h3>%1 <span class=\"count\">%2</span></h3>")
                    .arg(esc(heading))
                    .arg(items.size()));
    if (items.empty()) {
        out->append(QStringLiteral("<p class=\"none\">none</p>"));
        return;
    }
    out->append(QStringLiteral("<table><tr><th>What</th><th>%1</th><th>Owner</th></tr>")
                    .arg(clock ? QStringLiteral("Clock") : QStringLiteral("Age")));
    for (const HandoverItem &i : items)
        out->append(QStringLiteral("<tr%1><td>%2%3</td><td class=\"num\">%4</td><td>%5</td></tr>")
                        .arg(i.inProgress ? QStringLiteral(" class=\"wip\"") : QString(),
                             i.inProgress ? QStringLiteral("\u25b6 ") : QString(),
                             linked(HandoverText::itemText(i), i.url),
                             clock ? HandoverText::spent(i.clockS) : HandoverText::age(i),
                             ownerCell(i)));
    out->append(QStringLiteral("</table>"));
}

} // namespace

QString handoverDaysSvg(const std::vector<HistoryDay> &days) {
    const int barWidth = 28;
    const int gap = 10;
    const int chartHeight = 120;
    const int width = std::max<int>(200, static_cast<int>(days.size()) * (barWidth + gap) + gap);
    int most = 1;
    for (const HistoryDay &d : days) {
        int total = 0;
        for (int n : d.triaged)
            total += n;
        most = std::max(most, total);
    }
    QStringList svg;
    svg.append(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
                              "height=\"%2\" role=\"img\" aria-label=\"Requests triaged per day, "
                              "by outcome\">")
                   .arg(width)
                   .arg(chartHeight + 44));
    int x = gap;
    for (const HistoryDay &d : days) {
        int y = chartHeight;
        for (size_t o = 0; o < d.triaged.size(); ++o) {
            const int h = d.triaged[o] * chartHeight / most;
            if (h <= 0)
                continue;
            y -= h;
            svg.append(QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                                      "fill=\"%5\"><title>%6 %7: %8</title></rect>")
                           .arg(x)
                           .arg(y)
                           .arg(barWidth)
                           .arg(h)
                           .arg(QLatin1String(outcomeColours[o]), d.day.toString(Qt::ISODate),
                                QLatin1String(outcomeNames[o]))
                           .arg(d.triaged[o]));
        }
        svg.append(QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" "
                                  "text-anchor=\"middle\">%3</text>")
                       .arg(x + barWidth / 2)
                       .arg(chartHeight + 14)
                       .arg(d.day.toString(QStringLiteral("dd/MM"))));
        x += barWidth + gap;
    }
    int legendX = gap;
    for (size_t o = 0; o < std::size(outcomeNames); ++o) {
        svg.append(QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" "
                                  "fill=\"%3\"/><text x=\"%4\" y=\"%5\" font-size=\"11\">%6</text>")
                       .arg(legendX)
                       .arg(chartHeight + 26)
                       .arg(QLatin1String(outcomeColours[o]))
                       .arg(legendX + 14)
                       .arg(chartHeight + 35)
                       .arg(QLatin1String(outcomeNames[o])));
        legendX += 90;
    }
    svg.append(QStringLiteral("</svg>"));
    return svg.join(QLatin1Char('\n'));
}

QString handoverHtml(const HandoverReport &r) {
    const HandoverPeriodTotals &p = r.period;
    QStringList out;
    out.append(
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    out.append(QStringLiteral("<title>%1</title>").arg(esc(HandoverText::title(r))));
    out.append(QStringLiteral(
        "<style>body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d232a;"
        "max-width:920px;margin:2em auto;padding:0 1em}h1{font-size:1.5em;margin-bottom:.2em}"
        "h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}"
        "h3{font-size:1.05em;margin:1.1em 0 .3em}.count{background:#eef1f4;border-radius:9px;"
        "padding:0 .5em;font-weight:normal}.period{color:#57606a}table{border-collapse:collapse;"
        "width:100%}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #e5e8eb;"
        "vertical-align:top}th{font-weight:600;color:#57606a;font-size:.9em}td.num{white-space:"
        "nowrap}.unowned{color:#c62828;font-weight:600}.wip td{background:#fff8e1}.none{color:"
        "#8c959f;margin:.2em 0}.met{color:#2e7d32}.missed{color:#c62828}.kpi{display:flex;gap:"
        "1em;flex-wrap:wrap}.kpi div{background:#f6f8fa;border-radius:6px;padding:.5em .8em}"
        ".kpi b{display:block;font-size:1.4em}ol li{margin:.3em 0}.notes{white-space:pre-wrap;"
        "background:#f6f8fa;padding:.8em;border-radius:6px}a{color:#0b5cad}</style></head><body>"));
    out.append(QStringLiteral("<h1>%1</h1>").arg(esc(HandoverText::title(r))));
    out.append(QStringLiteral("<p class=\"period\">Period: %1, to %2.</p>")
                   .arg(esc(HandoverText::period(r)), esc(HandoverText::when(r.until))));

    out.append(QStringLiteral("<h2>Open now</h2>"));
    table(&out, QStringLiteral("Incidents"), r.incidents);
    table(&out, QStringLiteral("Andons waiting for a decision"), r.andons);
    table(&out, QStringLiteral("Bug queue \u00b7 WIP %1/%2").arg(r.bugsInProgress).arg(r.wipLimit),
          r.bugs);
    table(&out, QStringLiteral("Requests pending"), r.requestsPending);
    table(&out, QStringLiteral("Requests under investigation"), r.requestsInvestigating, true);

    out.append(QStringLiteral("<h2>The period</h2>"));
    int triaged = 0;
    for (int n : p.triaged)
        triaged += n;
    out.append(QStringLiteral("<div class=\"kpi\"><div><b>%1</b>requests triaged</div><div><b>%2"
                              "</b>RUN share</div><div><b>%3</b>escalated past 15 min</div><div>"
                              "<b>%4 / %5</b>incidents new / resolved</div><div><b>%6 / %7</b>"
                              "andons raised / resolved</div><div><b>%8</b>in the outbox</div>"
                              "</div>")
                   .arg(triaged)
                   .arg(p.runPercent ? QStringLiteral("%1 %").arg(qRound(*p.runPercent))
                                     : QStringLiteral("\u2014"))
                   .arg(p.escalations.size())
                   .arg(p.incidentsNew)
                   .arg(p.resolveS.size())
                   .arg(p.andonsRaised)
                   .arg(p.andonsResolved)
                   .arg(p.outboxPending.size()));
    out.append(QStringLiteral("<p>%1</p>").arg(esc(HandoverText::triageCounts(p))));
    out.append(handoverDaysSvg(p.days));
    QStringList facts;
    for (const HandoverEscalation &e : p.escalations)
        facts.append(QStringLiteral("<li>Escalated: %1 (%2 investigated) \u2192 %3</li>")
                         .arg(esc(e.title.isEmpty() ? e.source + QLatin1Char('/') + e.id : e.title),
                              HandoverText::spent(e.investigationS),
                              e.bugId.isEmpty() ? QStringLiteral("bug being filed")
                                                : linked(e.bugId, e.bugUrl)));
    if (p.medianResolveS) {
        QStringList times;
        for (qint64 s : p.resolveS)
            times.append(HandoverText::spent(s));
        facts.append(QStringLiteral("<li>Time to resolve: %1 (median %2)</li>")
                         .arg(esc(times.join(QStringLiteral(", "))),
                              HandoverText::spent(*p.medianResolveS)));
    }
    for (const HandoverAction &a : p.incidentsDeclared)
        facts.append(QStringLiteral("<li>Incident declared here: %1</li>").arg(esc(a.title)));
    for (const HandoverItem &i : p.postMortemsDue)
        facts.append(QStringLiteral("<li>Post-mortem due: %1 \u00b7 %2</li>")
                         .arg(linked(HandoverText::itemText(i), i.url), ownerCell(i)));
    for (const HandoverAction &a : p.andonDecisions)
        facts.append(QStringLiteral("<li>Andon %1: <b>%2</b>%3</li>")
                         .arg(esc(a.title), esc(HandoverText::decision(a.decision)),
                              a.note.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" \u2014 \u201c%1\u201d").arg(esc(a.note))));
    for (const HandoverAction &a : p.outboxPending)
        facts.append(QStringLiteral("<li>Still in the outbox: %1 \u201c%2\u201d to %3 (%4 "
                                    "attempt(s)) %5</li>")
                         .arg(writeKindName(a.kind), esc(a.title), esc(a.targets))
                         .arg(a.attempts)
                         .arg(esc(a.lastError)));
    if (!facts.isEmpty())
        out.append(QStringLiteral("<ul>%1</ul>").arg(facts.join(QString())));
    if (!p.objectives.empty()) {
        out.append(QStringLiteral("<h3>Objectives</h3><ul>"));
        for (const ObjectiveState &o : p.objectives)
            out.append(
                QStringLiteral("<li class=\"%1\">%2</li>")
                    .arg(o.met ? QStringLiteral("met") : QStringLiteral("missed"), esc(o.text())));
        out.append(QStringLiteral("</ul>"));
    }

    out.append(QStringLiteral("<h2>Toil candidates</h2>"));
    if (r.toil.empty())
        out.append(QStringLiteral("<p class=\"none\">No request asked twice in the period.</p>"));
    else {
        out.append(QStringLiteral("<ol>"));
        for (const ToilCandidate &c : r.toil)
            out.append(QStringLiteral("<li>%1 <span class=\"period\">(%2)</span></li>")
                           .arg(esc(HandoverText::toilLine(c)),
                                esc(c.requestIds.join(QStringLiteral(", ")))));
        out.append(QStringLiteral("</ol>"));
    }
    out.append(QStringLiteral("<h2>Notes</h2>"));
    out.append(r.notes.trimmed().isEmpty()
                   ? QStringLiteral("<p class=\"none\">No notes.</p>")
                   : QStringLiteral("<div class=\"notes\">%1</div>").arg(esc(r.notes.trimmed())));
    out.append(QStringLiteral("</body></html>\n"));
    return out.join(QLatin1Char('\n'));
}
