// SPDX-License-Identifier: MIT
// Propagation between two instances on one team store (figures, not assertions). Run after
// building:   ./build/tests/bench/bench_team [changes=200]
// Starts a private PostgreSQL on loopback, opens two stores on one schema ("desk" and "wall"),
// each with its investigation clocks, then starts one clock at a time on the desk and times
// how long until the wall's clocks say so (levelChanged). Prints the median, p99 and max.
#include "core/lean/InvestigationClocks.h"
#include "core/store/Store.h"
#include "core/time/Clock.h"
#include "tests/support/PostgresProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double percentile(std::vector<double> sorted, double p) {
    const size_t i = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
    return sorted[i];
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int changes = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    PostgresProcess pg;
    if (!pg.start()) {
        std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(pg.errorString()));
        return 1;
    }
    Store deskStore(pg.storeLocation(QStringLiteral("bench")));
    Store wallStore(pg.storeLocation(QStringLiteral("bench")));
    QString notice;
    if (!deskStore.open(&notice) || !wallStore.open(&notice) || !deskStore.isReachable()) {
        std::fprintf(stderr, "store: %s\n", qPrintable(notice));
        return 1;
    }
    const Clock &clock = Clock::system();
    InvestigationClocks desk(&deskStore, clock, 10, 15);
    InvestigationClocks wall(&wallStore, clock, 10, 15);
    QObject::connect(&wallStore, &Store::changedElsewhere, &wall,
                     [&wall](const QString &) { wall.load(); });
    desk.load();
    wall.load();
    QEventLoop loaded;
    QTimer::singleShot(500, &loaded, &QEventLoop::quit);
    loaded.exec();

    std::vector<double> latencyMs;
    QString waitingFor;
    QEventLoop heard;
    QObject::connect(&wall, &InvestigationClocks::levelChanged, &heard,
                     [&](const QString &, const QString &itemId) {
                         if (itemId == waitingFor)
                             heard.quit();
                     });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &heard, &QEventLoop::quit);
    int lost = 0;
    for (int i = 0; i < changes; ++i) {
        waitingFor = QStringLiteral("req-%1").arg(i);
        QElapsedTimer took;
        took.start();
        timeout.start(5000);
        desk.start(QStringLiteral("desk"), waitingFor);
        heard.exec();
        if (!wall.find(QStringLiteral("desk"), waitingFor)) {
            ++lost;
            continue;
        }
        latencyMs.push_back(took.nsecsElapsed() / 1e6);
    }
    std::sort(latencyMs.begin(), latencyMs.end());
    if (latencyMs.empty()) {
        std::fprintf(stderr, "nothing arrived\n");
        return 1;
    }
    std::printf("desk -> wall over %d changes: median %.1f ms, p99 %.1f ms, max %.1f ms, "
                "not seen within 5 s: %d\n",
                changes, percentile(latencyMs, 0.5), percentile(latencyMs, 0.99), latencyMs.back(),
                lost);
    return lost == 0 ? 0 : 2;
}
