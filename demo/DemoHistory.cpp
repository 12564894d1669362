// SPDX-License-Identifier: MIT
#include "DemoHistory.h"

#include <iterator>

namespace {

struct DemoEvent {
    int hoursAgo;
    int severityRank; // 1..5; 0: an andon
    int openH;        // hours until it was resolved
};

// What happened in the last two weeks, newest last; resolved `openH` later (still open when
// that is in the future).
const DemoEvent events[] = {
    {320, 3, 5}, {300, 2, 9},  {290, 4, 30}, {270, 0, 6}, {250, 3, 4},  {230, 1, 3},
    {210, 3, 7}, {190, 5, 20}, {170, 2, 6},  {150, 3, 2}, {120, 4, 12}, {100, 3, 3},
    {80, 0, 4},  {60, 2, 2},   {30, 3, 1},   {12, 0, 99},
};

// A working day's requests, by outcome: self-service grows as the team automates, toil shrinks
// (the RUN chart's story). `day` counts from 0 (two weeks ago) to 13 (today).
std::array<int, triageOutcomeCount> requestsOfDay(int day) {
    return {2 + day / 3, 5 - day / 3, day % 4 == 1 ? 1 : 0, day % 5 == 2 ? 1 : 0};
}

} // namespace

HistorySamples demoHistory(const QDateTime &now) {
    constexpr int hours = 14 * 24;
    HistorySamples samples;
    samples.reserve(hours);
    const QDateTime end = now.toUTC();
    for (int h = hours; h >= 1; --h) {
        HistorySample s;
        s.at = end.addSecs(-3600LL * h);
        // 9 bugs two weeks ago, one fixed every two or three days, 4 now.
        s.bugsOpen = 4 + (h * 5) / hours;
        s.oldestBugAgeS = 3600LL * (200 + (hours - h) / 4);
        s.requestsOpen = 2 + (h % 24 < 8 ? 0 : (h % 5));
        for (const DemoEvent &e : events) {
            if (e.hoursAgo == h) {
                if (e.severityRank == 0)
                    ++s.andonsRaised;
                else
                    ++s.incidentsNewBySev[static_cast<size_t>(e.severityRank - 1)];
            }
            if (e.hoursAgo - e.openH == h) {
                if (e.severityRank == 0)
                    ++s.andonsResolved;
                else
                    s.resolveS.push_back(3600LL * e.openH);
            }
        }
        // A working day's decisions, one of each outcome an hour from 09:00 UTC until done.
        const int day = static_cast<int>(end.addSecs(-3600LL * hours).date().daysTo(s.at.date()));
        const int hourOfDay = s.at.time().hour();
        if (hourOfDay >= 9 && hourOfDay < 16 && s.at.date().dayOfWeek() <= 5) {
            const std::array<int, triageOutcomeCount> counts = requestsOfDay(day);
            for (size_t i = 0; i < counts.size(); ++i)
                s.triaged[i] = hourOfDay - 9 < counts[i] ? 1 : 0;
            s.escalated = hourOfDay == 15 && day % 3 == 0 ? 1 : 0;
        }
        s.incidentsBySev[2] = 1;
        s.andonsOpen = h < 12 ? 1 : 0;
        samples.push_back(s);
    }
    return samples;
}
