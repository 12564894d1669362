// SPDX-License-Identifier: MIT
// Benchmarks for the data path (not a test: figures, not assertions). Run after building:
//   ./build/tests/bench/bench_core [runs] [parse|merge|refresh]
// Prints the median and range of: parse+normalize of a 10,000-alert Alertmanager payload;
// merge of 10,000 items with 1% changed (and the rows signalled); one refresh of 20 loopback
// sources of 500 items each answering after 50 ms.
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "demo/loopback/LoopbackHttpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace {

QByteArray alertsPayload(int count, int generation) {
    nlohmann::json alerts = nlohmann::json::array();
    const char *severities[] = {"critical", "warning", "info", "page", "sev-weird"};
    for (int i = 0; i < count; ++i) {
        // 1% of the alerts change their summary from one generation to the next.
        const bool changes = i % 100 == 0;
        alerts.push_back(
            {{"labels",
              {{"alertname", "Alert" + std::to_string(i)},
               {"severity", severities[i % 5]},
               {"instance", "host-" + std::to_string(i % 300) + ":9100"},
               {"job", "node"}}},
             {"annotations",
              {{"summary", "Something is wrong on host " + std::to_string(i) +
                               (changes ? " gen " + std::to_string(generation) : "")}}},
             {"startsAt", "2026-11-30T09:40:12.123456789Z"},
             {"endsAt", "2026-11-30T10:40:12.123Z"},
             {"updatedAt", "2026-11-30T09:41:12.123Z"},
             {"fingerprint", "fp" + std::to_string(i)},
             {"generatorURL", "http://prometheus:9090/graph?g0.expr=up"},
             {"receivers", {{{"name", "null"}}}},
             {"status",
              {{"state", "active"},
               {"silencedBy", nlohmann::json::array()},
               {"inhibitedBy", nlohmann::json::array()}}}});
    }
    return QByteArray::fromStdString(alerts.dump());
}

struct Stats {
    double median, min, max;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

void report(const char *what, const Stats &s, const char *unit = "ms") {
    std::printf("%-58s median %8.2f %s  (min %.2f, max %.2f)\n", what, s.median, unit, s.min,
                s.max);
}

SourceConfig alertmanagerSource(const QByteArray &url, const QString &name) {
    const QByteArray json = R"({"sources":[{"name":")" + name.toUtf8() +
                            R"(","type":"alertmanager","panel":"incidents","url":")" + url +
                            R"("}]})";
    return parseConfig(json, QStringLiteral("bench")).sources[0];
}

void benchParse(int runs) {
    const QByteArray body = alertsPayload(10000, 0);
    auto connector = ConnectorRegistry::builtin().create(
        alertmanagerSource("http://127.0.0.1:1", QStringLiteral("am")));
    HttpResult result;
    result.status = 200;
    result.body = body;
    std::vector<double> times;
    size_t items = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        ParsedPage page = connector->parsePage(result);
        times.push_back(t.nsecsElapsed() / 1e6);
        items = page.items.size();
    }
    std::printf("payload: %d alerts, %.1f MiB; items produced: %zu\n", 10000,
                body.size() / 1048576.0, items);
    report("parse + normalize 10,000 alerts", stats(times));
}

void benchMerge(int runs) {
    auto connector = ConnectorRegistry::builtin().create(
        alertmanagerSource("http://127.0.0.1:1", QStringLiteral("am")));
    HttpResult a, b;
    a.status = b.status = 200;
    a.body = alertsPayload(10000, 0);
    b.body = alertsPayload(10000, 1);
    const Items first = connector->parsePage(a).items;
    const Items second = connector->parsePage(b).items;
    std::vector<double> times;
    int signalled = 0;
    for (int i = 0; i < runs; ++i) {
        Board board;
        board.applySnapshot(QStringLiteral("am"), first);
        PanelModel *panel = board.panel(ItemKind::Incident);
        int rows = 0;
        QObject::connect(panel, &QAbstractItemModel::dataChanged, panel,
                         [&rows](const QModelIndex &from, const QModelIndex &to) {
                             rows += to.row() - from.row() + 1;
                         });
        QObject::connect(panel, &QAbstractItemModel::rowsInserted, panel,
                         [&rows](const QModelIndex &, int from, int to) { rows += to - from + 1; });
        QElapsedTimer t;
        t.start();
        board.applySnapshot(QStringLiteral("am"), second);
        times.push_back(t.nsecsElapsed() / 1e6);
        signalled = rows;
    }
    std::printf("merge: rows signalled for 10,000 items with 1%% changed: %d\n", signalled);
    report("merge 10,000 items (1% changed) into the board", stats(times));
}

void benchRefresh(int runs) {
    // 20 sources of 500 alerts each, every answer 50 ms late.
    // BENCH_ITEMS=1 shows what the HTTP machinery alone costs (the 50 ms delay is the floor).
    const int perSource = qEnvironmentVariableIsSet("BENCH_ITEMS")
                              ? qEnvironmentVariableIntValue("BENCH_ITEMS")
                              : 500;
    const QByteArray body = alertsPayload(perSource, 0);
    LoopbackHttpServer server([&body](const HttpServerRequest &) {
        HttpServerResponse r = HttpServerResponse::json(body);
        r.delayMs = 50;
        return r;
    });
    server.start();
    std::vector<double> times, stalls, firsts;
    for (int run = 0; run < runs; ++run) {
        Board board;
        HttpClient http;
        SourceSet sources; // outlives the poller
        Poller poller(&board, &http);
        for (int i = 0; i < 20; ++i)
            poller.addSource(sources.add(ConnectorRegistry::builtin().create(alertmanagerSource(
                server.baseUrl() + "/s" + QByteArray::number(i), QStringLiteral("s%1").arg(i)))));
        // The UI thread's worst stall: a 2 ms heartbeat's longest gap. (A zero-interval probe,
        // or processEvents in a loop, would keep one of the two cores busy and slow the parses
        // being measured.)
        QElapsedTimer beat;
        double longestGapMs = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(2);
        QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&beat, &longestGapMs]() {
            longestGapMs = std::max(longestGapMs, beat.nsecsElapsed() / 1e6);
            beat.restart();
        });
        QEventLoop loop;
        QElapsedTimer t;
        QObject::connect(&board, &Board::allAnswered, &loop, &QEventLoop::quit);
        std::vector<double> answered;
        QObject::connect(&board, &Board::sourceRefreshed, &loop,
                         [&]() { answered.push_back(t.nsecsElapsed() / 1e6); });
        t.start();
        beat.start();
        heartbeat.start();
        poller.fetchAllOnce();
        loop.exec();
        times.push_back(t.nsecsElapsed() / 1e6);
        stalls.push_back(longestGapMs);
        firsts.push_back(answered.front());
    }
    report("one refresh of 20 sources x 500 items (50 ms each)", stats(times));
    report("  of which: until the first source is merged", stats(firsts));
    report("longest UI-thread gap (2 ms heartbeat) in that refresh", stats(stalls));
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
    // An optional second argument picks one benchmark (parse, merge, refresh), for profiling.
    const QByteArray only = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    std::printf("dutyboard core benchmarks, %d runs each\n", runs);
    if (only.isEmpty() || only == "parse")
        benchParse(runs);
    if (only.isEmpty() || only == "merge")
        benchMerge(runs);
    if (only.isEmpty() || only == "refresh")
        benchRefresh(runs);
    return 0;
}
