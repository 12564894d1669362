// SPDX-License-Identifier: MIT
#include "TrendsFeed.h"

#include "History.h"
#include "TrendsView.h"

#include <QTimer>

namespace {

constexpr int reloadMs = 5 * 60 * 1000;
constexpr int days = 28;

} // namespace

void feedTrends(History *history, TrendsView *trends, const Clock &clock) {
    auto reload = [history, trends, &clock]() {
        const QDateTime now = clock.now();
        history->load(now.addDays(-days), trends,
                      [trends, now](HistorySamples samples) { trends->setSamples(samples, now); });
    };
    reload();
    auto *timer = new QTimer(trends);
    QObject::connect(timer, &QTimer::timeout, trends, reload);
    timer->start(reloadMs);
}
