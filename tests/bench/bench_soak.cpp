// SPDX-License-Identifier: MIT
// Accelerated soak of the wall screen (figures, not assertions). Run after building:
//   QT_QPA_PLATFORM=offscreen ./build/tests/bench/bench_soak [cycles] [warmup]
// A loopback Alertmanager whose alerts come and go on every request (SEV-1s arriving, an andon
// pulled and resolved every other cycle, so the takeover and banners show and hide), polled
// every few milliseconds (Poller::setSpeedup) into the real AppContext, wall window and tray
// state, offscreen at 1920x1080. Prints VmRSS and the live QObjects, QTimers and widgets after
// the warm-up and at the end.
#include "app/AppContext.h"
#include "app/DesktopTray.h"
#include "app/MainWindow.h"
#include "app/wall/WallMode.h"
#include "app/wall/WallWindow.h"
#include "core/attention/WallAlerts.h"
#include "core/config/AppConfig.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "widgets/wall/AndonTakeover.h"
#include "widgets/wall/WallView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>

namespace {

constexpr double speedup = 200.0; // interval_s 1 -> a poll every ~5 ms

QByteArray alertsForCycle(int cycle) {
    using json = nlohmann::json;
    static const char *severities[] = {"critical", "high", "warning", "info", "sev-weird"};
    const std::string now =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    json alerts = json::array();
    // 60 alerts, each present two cycles out of three, shifted: every refresh adds ~20 and
    // removes ~20, with SEV-1s among the arrivals.
    for (int i = 0; i < 60; ++i) {
        if ((i + cycle) % 3 == 0)
            continue;
        alerts.push_back(
            {{"labels",
              {{"alertname", "Alert" + std::to_string(i)},
               {"severity", severities[i % 5]},
               {"instance", "host-" + std::to_string(i) + ":9100"}}},
             {"annotations",
              {{"summary", "Something is wrong on host " + std::to_string(i) +
                               (i % 7 == 0 ? " (cycle " + std::to_string(cycle) + ")" : "")}}},
             {"startsAt", now},
             {"endsAt", now},
             {"updatedAt", now},
             {"fingerprint", "fp" + std::to_string(i)},
             {"receivers", json::array({{{"name", "null"}}})},
             {"status",
              {{"state", "active"},
               {"silencedBy", json::array()},
               {"inhibitedBy", json::array()}}}});
    }
    if (cycle % 2 == 0)
        alerts.push_back(
            {{"labels", {{"alertname", "Andon"}, {"andon", "true"}, {"project", "sftp"}}},
             {"annotations", {{"reason", "no backups decided"}, {"raised_by", "mathieu"}}},
             {"startsAt", now},
             {"endsAt", now},
             {"updatedAt", now},
             {"fingerprint", "andon-" + std::to_string(cycle % 6)},
             {"receivers", json::array({{{"name", "null"}}})},
             {"status",
              {{"state", "active"},
               {"silencedBy", json::array()},
               {"inhibitedBy", json::array()}}}});
    return QByteArray::fromStdString(alerts.dump());
}

long vmRssKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

struct Census {
    long rssKiB = 0;
    int objects = 0;
    int timers = 0;
    int widgets = 0;
};

Census census(const QList<QObject *> &roots) {
    Census c;
    c.rssKiB = vmRssKiB();
    QList<QObject *> all = roots;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (!all.contains(w))
            all.append(w);
    }
    for (QObject *root : all) {
        // Recursive: every descendant, the root itself included.
        c.objects += 1 + static_cast<int>(root->findChildren<QObject *>().size());
        c.timers += static_cast<int>(root->findChildren<QTimer *>().size());
    }
    c.widgets = static_cast<int>(QApplication::allWidgets().size());
    return c;
}

// The context's long-lived objects: what a leak would grow under.
QList<QObject *> contextRoots(const AppContext &context) {
    return {context.board(), context.poller(), context.notifier(), context.onDuty(),
            context.lifetime()};
}

void print(const char *when, int cycles, const Census &c) {
    std::printf("%-6s after %6d cycles: VmRSS %7ld KiB  QObjects %5d  QTimers %3d  widgets %4d\n",
                when, cycles, c.rssKiB, c.objects, c.timers, c.widgets);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    const int cycles = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5000;
    const int warmup = argc > 2 ? std::max(1, std::atoi(argv[2])) : 300;

    std::atomic<int> served{0};
    LoopbackHttpServer server([&served](const HttpServerRequest &) {
        return HttpServerResponse::json(alertsForCycle(served.fetch_add(1)));
    });
    if (!server.start()) {
        std::fprintf(stderr, "bench_soak: cannot listen on 127.0.0.1\n");
        return 1;
    }
    const QByteArray config =
        R"({"on_duty":"victor","sources":[{"name":"soak","type":"alertmanager","url":")" +
        server.baseUrl() + R"(","panel":"incidents","interval_s":1}]})";
    AppContext context(parseConfig(config, QStringLiteral("soak")));
    context.poller()->setSpeedup(speedup);
    auto *window = new MainWindow(context.board());
    WallMode wall(context.board(), context.wallConfig(), context.objectives(), context.onDuty(),
                  context.history(), window);
    DesktopTray tray(context.board(), context.notifier(), window);
    wall.enter(QString(), QSize(1920, 1080));
    WallView *view = wall.wallWindow()->view();

    int answered = 0;
    int takeovers = 0;
    bool wasTakenOver = false;
    Census atWarmup;
    QElapsedTimer clock;
    QObject::connect(context.board(), &Board::sourceRefreshed, &app, [&](const QString &, bool ok) {
        if (!ok) {
            std::fprintf(stderr, "bench_soak: a fetch failed\n");
            return;
        }
        ++answered;
        const bool takenOver = view->takeover()->isVisible();
        if (takenOver && !wasTakenOver)
            ++takeovers;
        wasTakenOver = takenOver;
        // Someone in the room acknowledges now and then: bands come and go too.
        if (answered % 50 == 0)
            view->acknowledge();
        if (answered == warmup) {
            QCoreApplication::processEvents();
            atWarmup = census(contextRoots(context));
            print("start", answered, atWarmup);
            clock.start();
        }
        // The trend, not just the ends: a plateau is a cache warming, a slope a
        // leak.
        if (answered > warmup && answered < warmup + cycles &&
            (answered - warmup) % std::max(1, cycles / 8) == 0)
            print("", answered, census(contextRoots(context)));
        if (answered == warmup + cycles)
            QCoreApplication::quit();
    });
    context.poller()->start();
    QApplication::exec();

    QCoreApplication::processEvents();
    const Census end = census(contextRoots(context));
    print("end", answered, end);
    const double seconds = clock.elapsed() / 1000.0;
    std::printf(
        "%d cycles in %.1f s (%.1f ms each); %d takeovers shown; alert keys tracked at end: %d\n",
        cycles, seconds, seconds * 1000.0 / cycles, takeovers, view->alerts()->trackedKeys());
    std::printf("growth: VmRSS %+ld KiB, QObjects %+d, QTimers %+d, widgets %+d\n",
                end.rssKiB - atWarmup.rssKiB, end.objects - atWarmup.objects,
                end.timers - atWarmup.timers, end.widgets - atWarmup.widgets);
    delete window;
    return 0;
}
