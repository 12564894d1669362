// SPDX-License-Identifier: MIT
#include "HandoverText.h"

#include <QLocale>

namespace HandoverText {

QString when(const QDateTime &t) {
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd d MMM yyyy HH:mm 'UTC'"));
}

QString spent(qint64 seconds) {
    const qint64 min = qMax<qint64>(0, seconds + 30) / 60;
    if (min < 60)
        return QStringLiteral("%1 min").arg(min);
    if (min < 48 * 60)
        return min % 60 ? QStringLiteral("%1 h %2 min").arg(min / 60).arg(min % 60)
                        : QStringLiteral("%1 h").arg(min / 60);
    const qint64 hours = min / 60;
    return hours % 24 ? QStringLiteral("%1 d %2 h").arg(hours / 24).arg(hours % 24)
                      : QStringLiteral("%1 d").arg(hours / 24);
}

QString title(const HandoverReport &r) {
    const QLocale c = QLocale::c();
    const QString span =
        QStringLiteral("%1 \u2192 %2")
            .arg(c.toString(r.since.toUTC().date(), QStringLiteral("ddd d MMM")),
                 c.toString(r.until.toUTC().date(), QStringLiteral("ddd d MMM yyyy")));
    return r.outgoing.isEmpty() ? QStringLiteral("Handover of the RUN, %1").arg(span)
                                : QStringLiteral("Handover of %1's RUN, %2").arg(r.outgoing, span);
}

QString period(const HandoverReport &r) {
    if (r.sinceLastHandover)
        return QStringLiteral("since the last handover (%1)").arg(when(r.since));
    return QStringLiteral("since %1").arg(when(r.since));
}

QString owner(const HandoverItem &item) {
    return item.owner.isEmpty() ? QStringLiteral("unowned") : item.owner;
}

QString age(const HandoverItem &item) {
    return item.ageS < 0 ? QStringLiteral("age unknown") : spent(item.ageS);
}

QString itemText(const HandoverItem &item) {
    switch (item.kind) {
    case ItemKind::Incident:
        return item.severity.isEmpty()
                   ? item.title
                   : QStringLiteral("%1 \u00b7 %2").arg(item.severity, item.title);
    case ItemKind::Andon: {
        QString text = item.project.isEmpty() ? item.title : item.project;
        if (!item.reason.isEmpty())
            text += QStringLiteral(": ") + item.reason;
        if (!item.raisedBy.isEmpty())
            text += QStringLiteral(" (raised by %1)").arg(item.raisedBy);
        return text;
    }
    case ItemKind::Bug:
        return item.state.isEmpty() ? item.title
                                    : QStringLiteral("%1 (%2)").arg(item.title, item.state);
    case ItemKind::Request:
    case ItemKind::Card:
        break;
    }
    return item.title;
}

QString triageCounts(const HandoverPeriodTotals &p) {
    return QStringLiteral("self-service %1 \u00b7 toil %2 \u00b7 bug %3 \u00b7 project %4")
        .arg(p.triaged[0])
        .arg(p.triaged[1])
        .arg(p.triaged[2])
        .arg(p.triaged[3]);
}

QString runShare(const HandoverPeriodTotals &p) {
    if (!p.runPercent)
        return QStringLiteral("no request triaged");
    return QStringLiteral("%1 % RUN").arg(qRound(*p.runPercent));
}

QString toilLine(const ToilCandidate &c) {
    return QStringLiteral("%1 requests like \u201c%2\u201d \u2014 %3 of toil \u2014 %4")
        .arg(c.count)
        .arg(c.label, spent(c.investigationS),
             c.selfServiceRule
                 ? QStringLiteral("self-service rule \u201c%1\u201d").arg(*c.selfServiceRule)
                 : QStringLiteral("no self-service rule"));
}

QString decision(const QString &d) {
    if (d == QLatin1String("new-ve"))
        return QStringLiteral("new value engineering");
    return d;
}

} // namespace HandoverText
