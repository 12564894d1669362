// SPDX-License-Identifier: MIT
#include "HistorySample.h"

#include "core/board/Board.h"

#include <algorithm>
#include <numeric>

namespace {

// Adds what happened in `s` to `week`.
void addEvents(HistoryWeek &week, const HistorySample &s) {
    for (size_t sev = 0; sev < 5; ++sev)
        week.incidentsBySev[sev] += s.incidentsNewBySev[sev];
    week.andons += s.andonsRaised;
    week.andonsResolved += s.andonsResolved;
    for (size_t i = 0; i < week.triaged.size(); ++i)
        week.triaged[i] += s.triaged[i];
    week.escalated += s.escalated;
    week.resolveS.insert(week.resolveS.end(), s.resolveS.begin(), s.resolveS.end());
}

} // namespace

int HistorySample::incidentsOpen() const {
    return std::accumulate(incidentsBySev.begin(), incidentsBySev.end(), 0);
}

bool HistorySample::operator==(const HistorySample &o) const {
    return at == o.at && requestsOpen == o.requestsOpen && bugsOpen == o.bugsOpen &&
           oldestBugAgeS == o.oldestBugAgeS && incidentsBySev == o.incidentsBySev &&
           andonsOpen == o.andonsOpen && incidentsNewBySev == o.incidentsNewBySev &&
           andonsRaised == o.andonsRaised && triaged == o.triaged && escalated == o.escalated &&
           andonsResolved == o.andonsResolved && resolveS == o.resolveS;
}

HistorySample sampleBoard(const Board &board, const QDateTime &at, const QDateTime &since) {
    const auto isNew = [&](const Item &item) {
        return item.createdAt.isValid() && item.createdAt > since && item.createdAt <= at;
    };
    HistorySample s;
    s.at = at.toUTC();
    s.requestsOpen = board.panel(ItemKind::Request)->rowCount();
    const Items &bugs = board.panel(ItemKind::Bug)->items();
    s.bugsOpen = static_cast<int>(bugs.size());
    for (const Item &bug : bugs) {
        if (bug.createdAt.isValid())
            s.oldestBugAgeS = std::max(s.oldestBugAgeS, bug.createdAt.secsTo(at));
    }
    for (const Item &incident : board.panel(ItemKind::Incident)->items()) {
        const int rank = std::clamp(incident.severity.rank(), 1, 5);
        ++s.incidentsBySev[static_cast<size_t>(rank - 1)];
        if (isNew(incident))
            ++s.incidentsNewBySev[static_cast<size_t>(rank - 1)];
    }
    s.andonsOpen = board.panel(ItemKind::Andon)->rowCount();
    for (const Item &andon : board.panel(ItemKind::Andon)->items())
        s.andonsRaised += isNew(andon) ? 1 : 0;
    return s;
}

int HistoryWeek::incidents() const {
    return std::accumulate(incidentsBySev.begin(), incidentsBySev.end(), 0);
}

std::optional<qint64> HistoryWeek::medianResolveS() const {
    if (resolveS.empty())
        return std::nullopt;
    std::vector<qint64> sorted = resolveS;
    std::sort(sorted.begin(), sorted.end());
    const size_t mid = sorted.size() / 2;
    return sorted.size() % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

std::optional<double> HistoryWeek::runPercent() const {
    const int total = std::accumulate(triaged.begin(), triaged.end(), 0);
    if (total == 0)
        return std::nullopt;
    return 100.0 * triaged[1] / total;
}

std::vector<HistoryWeek> historyWeeks(const HistorySamples &samples, const QDateTime &now,
                                      int weeks) {
    const QDate today = now.toUTC().date();
    const QDate lastMonday = today.addDays(1 - today.dayOfWeek());
    std::vector<HistoryWeek> out(static_cast<size_t>(std::max(weeks, 0)));
    for (int i = 0; i < weeks; ++i)
        out[static_cast<size_t>(i)].monday = lastMonday.addDays(-7LL * (weeks - 1 - i));
    if (out.empty())
        return out;
    for (const HistorySample &s : samples) {
        const qint64 days = out.front().monday.daysTo(s.at.toUTC().date());
        if (days < 0 || days >= 7LL * weeks)
            continue;
        addEvents(out[static_cast<size_t>(days / 7)], s);
    }
    return out;
}

HistoryWeek historyLastSevenDays(const HistorySamples &samples, const QDateTime &now) {
    HistoryWeek week;
    week.monday = now.toUTC().date().addDays(-6);
    const QDateTime from = now.addDays(-7);
    for (const HistorySample &s : samples) {
        if (s.at > from && s.at <= now)
            addEvents(week, s);
    }
    return week;
}

std::vector<HistoryDay> historyDays(const HistorySamples &samples, const QDateTime &now, int days) {
    const QDate today = now.toUTC().date();
    std::vector<HistoryDay> out(static_cast<size_t>(std::max(days, 0)));
    for (int i = 0; i < days; ++i)
        out[static_cast<size_t>(i)].day = today.addDays(i - days + 1);
    if (out.empty())
        return out;
    for (const HistorySample &s : samples) {
        const qint64 index = out.front().day.daysTo(s.at.toUTC().date());
        if (index < 0 || index >= days)
            continue;
        HistoryDay &day = out[static_cast<size_t>(index)];
        for (size_t i = 0; i < day.triaged.size(); ++i)
            day.triaged[i] += s.triaged[i];
    }
    return out;
}
