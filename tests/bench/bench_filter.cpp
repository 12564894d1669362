// SPDX-License-Identifier: MIT
// The filter bar's cost on the UI thread (figures, not assertions). Run after building:
//   ./build/tests/bench/bench_filter [runs]
// For 10,000 and 50,000 alerts in one panel (model + sort proxy, as the desk shows them), each
// query: the longest slice of the filter pass (the event loop runs between slices), the proxy
// taking the pass's verdicts (the rows leave and come back: the UI thread's other share), and,
// for comparison, matching every item at once on the UI thread.
#include "core/filter/FilterPass.h"
#include "core/filter/ItemFilter.h"
#include "core/models/PanelModel.h"
#include "core/models/PanelSortProxy.h"
#include "tests/bench/BenchTiming.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdlib>
#include <memory>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);

Items alerts(int count) {
    const char *severities[] = {"critical", "warning", "info", "high", "sev-weird"};
    Items items;
    items.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        Item it;
        it.kind = ItemKind::Incident;
        it.source = i % 3 == 0 ? QStringLiteral("prod-alerts") : QStringLiteral("staging-alerts");
        it.id = QStringLiteral("fp%1").arg(i);
        it.title = QStringLiteral("synthetic alert %1: NetRxErrors on node-%2")
                       .arg(i)
                       .arg(i % 300, 4, 10, QLatin1Char('0'));
        it.state = i % 10 == 0 ? QStringLiteral("silenced") : QStringLiteral("active");
        it.severity = severityFromText(QString::fromLatin1(severities[i % 5]));
        it.createdAt = now.addSecs(-60 * (i % 1440));
        it.labels = QStringList{QStringLiteral("alertname=\"NetRxErrors\""),
                                QStringLiteral("instance=\"node-%1:9100\"").arg(i % 300),
                                i % 4 == 0 ? QStringLiteral("team=\"payments\"")
                                           : QStringLiteral("team=\"sre\"")};
        items.push_back(std::move(it));
    }
    return items;
}

std::shared_ptr<const ItemFilter> filterOf(const char *text) {
    FilterError error;
    FilterQuery query = FilterQuery::parse(QString::fromUtf8(text), &error);
    if (error.isError()) {
        std::fprintf(stderr, "bad query %s: %s\n", text, qPrintable(error.message));
        std::exit(1);
    }
    return std::make_shared<const ItemFilter>(std::move(query), FilterToggles{}, [] {
        return FilterContext{QStringLiteral("victor"), now, {}};
    });
}

// Runs a pass to its end; returns its verdicts and its longest slice.
std::vector<char> runPass(const PanelModel &model, const std::shared_ptr<const ItemFilter> &f,
                          double *longestSliceMs) {
    FilterPass pass(&model);
    std::vector<char> verdicts;
    QEventLoop loop;
    QObject::connect(&pass, &FilterPass::finished, &loop,
                     [&](std::shared_ptr<const ItemFilter>, std::vector<char> v) {
                         verdicts = std::move(v);
                         loop.quit();
                     });
    pass.run(f);
    loop.exec();
    *longestSliceMs = pass.longestSliceMs();
    return verdicts;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    const char *queries[] = {"severity>=high", "node-0042", "label:team=payments age>1h",
                             "severity>=warning source=prod-* state!=silenced -NetRx"};
    for (int count : {10000, 50000}) {
        ManualClock clock(now);
        PanelModel model(ItemKind::Incident, clock);
        model.applySnapshot(QStringLiteral("am"), alerts(count));
        PanelSortProxy proxy(ItemKind::Incident);
        proxy.setSourceModel(&model);
        std::printf("-- %d alerts\n", count);
        for (const char *text : queries) {
            const auto filter = filterOf(text);
            std::vector<double> slice;
            std::vector<double> proxyMs;
            std::vector<double> clearMs;
            std::vector<double> directMs;
            for (int i = 0; i < runs; ++i) {
                double longest = 0;
                std::vector<char> verdicts = runPass(model, filter, &longest);
                slice.push_back(longest);
                proxy.setItemFilter(nullptr);
                QElapsedTimer t;
                t.start();
                proxy.setItemFilter(filter, std::move(verdicts));
                const int shown = proxy.rowCount();
                proxyMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
                t.restart();
                proxy.setItemFilter(nullptr);
                clearMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
                t.restart();
                proxy.setItemFilter(filter); // matched on the UI thread, what the pass spares
                directMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
                proxy.setItemFilter(nullptr);
                if (i == 0)
                    std::printf("\"%s\" (%d shown)\n", text, shown);
            }
            benchReport("  longest slice of the filter pass", benchStats(slice));
            benchReport("  proxy takes the verdicts (all rows -> filtered)", benchStats(proxyMs));
            benchReport("  proxy back to every row (filter cleared)", benchStats(clearMs));
            benchReport("  for comparison: matched at once on the UI thread", benchStats(directMs));
        }
    }
    return 0;
}
