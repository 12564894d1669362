// SPDX-License-Identifier: MIT
// Keeps a trends page fed from the history: read off the UI thread now and every five minutes.
#pragma once

#include "core/store/HistorySample.h"

#include <QDateTime>

#include <functional>

class Clock;
class History;
class QObject;
class TrendsView;

// The last 28 days of `history` handed to `use` on the UI thread, now and then every five
// minutes, while `context` lives.
void feedHistory(History *history, QObject *context, const Clock &clock,
                 std::function<void(const HistorySamples &, const QDateTime &now)> use);

// The last 28 days of `history` into `trends`, now and then every five minutes, while `trends`
// lives.
void feedTrends(History *history, TrendsView *trends, const Clock &clock);
