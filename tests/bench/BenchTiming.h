// SPDX-License-Identifier: MIT
// The benchmarks' timing: a run repeated, its median and range in milliseconds, printed.
#pragma once

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

struct BenchStats {
    double median, min, max;
};

inline BenchStats benchStats(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

inline void benchReport(const char *what, const BenchStats &s) {
    std::printf("%-62s median %9.3f ms  (min %.3f, max %.3f)\n", what, s.median, s.min, s.max);
}

template <typename Run> BenchStats benchTimed(int runs, Run run) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return benchStats(ms);
}
