// SPDX-License-Identifier: MIT
#include "TrendsFeed.h"

#include "core/store/History.h"
#include "widgets/trends/TrendsView.h"

#include <QTimer>

namespace {

constexpr int reloadMs = 5 * 60 * 1000;
constexpr int days = 28;

} // namespace

void feedHistory(History *history, QObject *context, const Clock &clock,
                 std::function<void(const HistorySamples &, const QDateTime &now)> use) {
    auto reload = [history, context, &clock, use]() {
        const QDateTime now = clock.now();
        history->load(now.addDays(-days), context,
                      [use, now](HistorySamples samples) { use(samples, now); });
    };
    reload();
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, context, reload);
    timer->start(reloadMs);
}

void feedTrends(History *history, TrendsView *trends, const Clock &clock) {
    feedHistory(history, trends, clock,
                [trends](const HistorySamples &samples, const QDateTime &now) {
                    trends->setSamples(samples, now);
                });
}
