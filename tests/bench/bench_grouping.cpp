// SPDX-License-Identifier: MIT
// What grouping the incidents panel costs the UI thread (figures, not assertions). Run after
// building:
//   ./build/tests/bench/bench_grouping [alerts] [alertnames] [runs]
// On `alerts` Alertmanager alerts (default 50,000) spread over `alertnames` names (default 14),
// grouped by alertname over the panel's filter proxy, it prints the median and range of: a whole
// regroup (first data, or a new group_by), a refresh with 1 % of the alerts changed (half
// resolved, half new: incremental signals), the same refresh with no grouping layer (the proxy
// alone, for comparison), every group row's text after a refresh (what a first paint asks), and
// the grouping's heap per alert (from mallinfo2).
#include "core/models/PanelGroupModel.h"
#include "core/models/PanelModel.h"
#include "core/models/PanelSortProxy.h"
#include "tests/bench/BenchTiming.h"

#include <QCoreApplication>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

const QString source = QStringLiteral("prod-alerts");

Item syntheticAlert(int i, int alertnames, const QDateTime &now) {
    Item item;
    item.kind = ItemKind::Incident;
    item.source = source;
    item.id = QStringLiteral("fp%1").arg(i);
    const QString name = QStringLiteral("Alert%1").arg(i % alertnames);
    const QString node = QStringLiteral("node-%1").arg(i % 5000, 4, 10, QLatin1Char('0'));
    item.title = QStringLiteral("synthetic alert %1: %2 on %3").arg(i).arg(name, node);
    item.state = QStringLiteral("active");
    item.createdAt = now.addSecs(-(i % 7200));
    item.severity = severityFromText(
        i % 3 == 0 ? QStringLiteral("critical")
                   : (i % 3 == 1 ? QStringLiteral("warning") : QStringLiteral("info")));
    item.labels =
        QStringList{QStringLiteral("alertname=\"%1\"").arg(name),
                    QStringLiteral("instance=\"%1\"").arg(node), QStringLiteral("job=\"node\"")};
    return item;
}

// A snapshot with `changed` alerts swapped: the first half of them resolved, as many new ones.
Items withChurn(int alerts, int alertnames, int changed, int round, const QDateTime &now) {
    Items items;
    items.reserve(static_cast<size_t>(alerts));
    const int offset = round * changed / 2;
    for (int i = 0; i < alerts; ++i) {
        // Every 200th alert (1 % at two per hundred… a spread, not a block) takes a new id.
        const bool swapped = changed > 0 && i % (alerts / (changed / 2)) == 0;
        items.push_back(syntheticAlert(swapped ? alerts + offset + i : i, alertnames, now));
    }
    return items;
}

size_t heapInUse() {
    return mallinfo2().uordblks;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int alerts = argc > 1 ? std::max(100, atoi(argv[1])) : 50000;
    const int alertnames = argc > 2 ? std::max(1, atoi(argv[2])) : 14;
    const int runs = argc > 3 ? std::max(1, atoi(argv[3])) : 10;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ManualClock clock(now);
    const auto byAlertname = [](const QString &) {
        return QStringList{QStringLiteral("alertname")};
    };

    PanelModel panel(ItemKind::Incident, clock);
    PanelSortProxy proxy(ItemKind::Incident);
    proxy.sort(-1);
    proxy.setSourceModel(&panel);
    panel.applySnapshot(source, withChurn(alerts, alertnames, 0, 0, now));

    const size_t before = heapInUse();
    PanelGroupModel groups(&panel, byAlertname);
    groups.setSourceModel(&proxy);
    const size_t after = heapInUse();
    std::printf("%d alerts in %d groups; grouping heap %.1f bytes per alert (%.2f MiB)\n",
                groups.alertCount(), groups.groupCount(),
                static_cast<double>(after - before) / alerts,
                static_cast<double>(after - before) / (1024.0 * 1024.0));

    benchReport("regroup everything (first data, a new group_by)",
                benchTimed(runs, [&] { groups.regroup(); }));

    // The snapshots are made before the clock runs: only the board's work is timed.
    const int changed = std::max(2, alerts / 100);
    int round = 0;
    std::vector<Items> snapshots;
    for (int i = 0; i < 3 * runs; ++i)
        snapshots.push_back(withChurn(alerts, alertnames, changed, i + 1, now));
    benchReport("refresh, 1 % changed, grouped (proxy + grouping)", benchTimed(runs, [&] {
                    panel.applySnapshot(source, std::move(snapshots[static_cast<size_t>(round++)]));
                }));
    // What the first paint after a refresh asks: every group row's text, each summary remade
    // (a group's span and states read all its members).
    std::vector<double> paint;
    for (int i = 0; i < runs; ++i) {
        panel.applySnapshot(source, std::move(snapshots[static_cast<size_t>(round++)]));
        QElapsedTimer t;
        t.start();
        for (int row = 0; row < groups.groupCount(); ++row)
            groups.index(row, 0).data(PanelModel::TitleRole);
        paint.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    benchReport("every group row's text after a refresh (summaries remade)", benchStats(paint));
    groups.setSourceModel(nullptr);
    benchReport("refresh, 1 % changed, proxy alone (no grouping)", benchTimed(runs, [&] {
                    panel.applySnapshot(source, std::move(snapshots[static_cast<size_t>(round++)]));
                }));
    return 0;
}
