// SPDX-License-Identifier: MIT
#include "ObjectiveStatus.h"

#include <cmath>

namespace {

ObjectiveState judged(const char *key, int value, double latest, const QString &target,
                      const QString &current) {
    ObjectiveState s;
    s.key = QLatin1String(key);
    s.value = value;
    s.latest = latest;
    s.met = latest <= value;
    s.target = target;
    s.current = current;
    return s;
}

} // namespace

QString ObjectiveState::text() const {
    return QStringLiteral("%1 \u00b7 %2 \u00b7 %3")
        .arg(target, current,
             met ? QStringLiteral("\u2713 met") : QStringLiteral("\u2717 not met"));
}

std::vector<ObjectiveState> objectiveStates(const Objectives &o, const HistorySamples &samples,
                                            const QDateTime &now) {
    const HistoryWeek week = historyLastSevenDays(samples, now);
    std::vector<ObjectiveState> out;
    if (o.maxRunPercent) {
        // No request triaged in a week: no RUN either.
        const double run = week.runPercent().value_or(0);
        out.push_back(judged("max_run_percent", *o.maxRunPercent, run,
                             QStringLiteral("\u2264 %1 % RUN").arg(*o.maxRunPercent),
                             QStringLiteral("now %1 % in 7 days").arg(std::lround(run))));
    }
    if (o.maxOpenBugs) {
        const int bugs = samples.empty() ? 0 : samples.back().bugsOpen;
        out.push_back(judged("max_open_bugs", *o.maxOpenBugs, bugs,
                             QStringLiteral("\u2264 %1 open bugs").arg(*o.maxOpenBugs),
                             QStringLiteral("now %1").arg(bugs)));
    }
    if (o.maxIncidentsPerWeek)
        out.push_back(
            judged("max_incidents_per_week", *o.maxIncidentsPerWeek, week.incidents(),
                   QStringLiteral("\u2264 %1 incidents a week").arg(*o.maxIncidentsPerWeek),
                   QStringLiteral("now %1 in 7 days").arg(week.incidents())));
    if (o.maxMedianResolveH) {
        const std::optional<qint64> median = week.medianResolveS();
        const double hours = median ? static_cast<double>(*median) / 3600.0 : 0;
        out.push_back(
            judged("max_median_resolve_h", *o.maxMedianResolveH, hours,
                   QStringLiteral("median to resolve \u2264 %1 h").arg(*o.maxMedianResolveH),
                   median ? QStringLiteral("now %1 h in 7 days").arg(hours, 0, 'f', 1)
                          : QStringLiteral("none resolved in 7 days")));
    }
    if (o.maxAndonsPerWeek)
        out.push_back(judged("max_andons_per_week", *o.maxAndonsPerWeek, week.andons,
                             QStringLiteral("\u2264 %1 andons a week").arg(*o.maxAndonsPerWeek),
                             QStringLiteral("now %1 in 7 days").arg(week.andons)));
    return out;
}
