// SPDX-License-Identifier: MIT
#include "TrayState.h"

#include "core/board/Board.h"

#include <QStringList>

namespace {

QString plural(int n, const QString &one, const QString &many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

BoardCounts countBoard(const Board &board) {
    BoardCounts c;
    c.andons = board.panel(ItemKind::Andon)->rowCount();
    c.requests = board.panel(ItemKind::Request)->rowCount();
    c.bugs = board.panel(ItemKind::Bug)->rowCount();
    for (const Item &item : board.panel(ItemKind::Incident)->items()) {
        ++c.incidents;
        if (item.severity.level == SeverityLevel::Critical)
            ++c.sev1;
    }
    for (const SourceInfo &source : board.health()->sources()) {
        ++c.sources;
        if (source.health.state == HealthState::Stale || source.health.state == HealthState::Failed)
            ++c.staleSources;
        else if (source.health.state == HealthState::Pending)
            ++c.pendingSources;
    }
    return c;
}

TrayStatus trayStatus(const BoardCounts &c) {
    TrayStatus s;
    if (c.andons > 0) {
        s.alarm = BoardAlarm::Andon;
        s.headline = c.andons == 1
                         ? QStringLiteral("1 andon pulled: a project is halted")
                         : QStringLiteral("%1 andons pulled: projects are halted").arg(c.andons);
    } else if (c.sev1 > 0) {
        s.alarm = BoardAlarm::Sev1;
        s.headline = plural(c.sev1, QStringLiteral("SEV-1 incident open"),
                            QStringLiteral("SEV-1 incidents open"));
    } else if (c.staleSources > 0) {
        s.alarm = BoardAlarm::StaleSource;
        s.headline =
            plural(c.staleSources, QStringLiteral("source failing: data may be out of date"),
                   QStringLiteral("sources failing: data may be out of date"));
    } else {
        s.alarm = BoardAlarm::Ok;
        s.headline = c.pendingSources > 0
                         ? QStringLiteral("Waiting for first data")
                         : QStringLiteral("No andon, no SEV-1, every source fresh");
    }
    QStringList lines{QStringLiteral("dutyboard: ") + s.headline};
    lines.append(
        QStringLiteral("%1 \u00B7 %2 \u00B7 %3 \u00B7 %4")
            .arg(plural(c.andons, QStringLiteral("andon"), QStringLiteral("andons")),
                 plural(c.incidents, QStringLiteral("incident"), QStringLiteral("incidents")) +
                     (c.sev1 > 0 ? QStringLiteral(" (%1 SEV-1)").arg(c.sev1) : QString()) +
                     (c.unownedSevere > 0
                          ? QStringLiteral(", %1 unowned SEV-1/2").arg(c.unownedSevere)
                          : QString()),
                 plural(c.requests, QStringLiteral("request"), QStringLiteral("requests")),
                 plural(c.bugs, QStringLiteral("bug"), QStringLiteral("bugs"))));
    if (c.sources > 0) {
        QString health = QStringLiteral("%1 of %2 fresh")
                             .arg(c.sources - c.staleSources - c.pendingSources)
                             .arg(c.sources);
        if (c.staleSources > 0)
            health += QStringLiteral(", %1 failing").arg(c.staleSources);
        if (c.pendingSources > 0)
            health += QStringLiteral(", %1 waiting").arg(c.pendingSources);
        lines.append(QStringLiteral("Sources: ") + health);
    }
    s.toolTip = lines.join(QLatin1Char('\n'));
    return s;
}

QString boardAlarmName(BoardAlarm alarm) {
    switch (alarm) {
    case BoardAlarm::Andon:
        return QStringLiteral("andon");
    case BoardAlarm::Sev1:
        return QStringLiteral("sev1");
    case BoardAlarm::StaleSource:
        return QStringLiteral("stale");
    case BoardAlarm::Ok:
        break;
    }
    return QStringLiteral("ok");
}
