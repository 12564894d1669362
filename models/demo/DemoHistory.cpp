// SPDX-License-Identifier: MIT
#include "DemoHistory.h"

#include <iterator>

namespace {

struct DemoEvent {
    int hoursAgo;
    int severityRank; // 1..5; 0: an andon
};

// What happened in the last two weeks, newest last.
const DemoEvent events[] = {
    {320, 3}, {300, 2}, {290, 4}, {270, 0}, {250, 3}, {230, 1}, {210, 3}, {190, 5},
    {170, 2}, {150, 3}, {120, 4}, {100, 3}, {80, 0},  {60, 2},  {30, 3},  {12, 0},
};

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
            if (e.hoursAgo != h)
                continue;
            if (e.severityRank == 0)
                ++s.andonsRaised;
            else
                ++s.incidentsNewBySev[static_cast<size_t>(e.severityRank - 1)];
        }
        s.incidentsBySev[2] = 1;
        s.andonsOpen = h < 12 ? 1 : 0;
        samples.push_back(s);
    }
    return samples;
}
