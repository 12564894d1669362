// SPDX-License-Identifier: MIT
// Keeps a trends page fed from the history: read off the UI thread now and every five minutes.
#pragma once

class Clock;
class History;
class TrendsView;

// The last 28 days of `history` into `trends`, now and then every five minutes, while `trends`
// lives.
void feedTrends(History *history, TrendsView *trends, const Clock &clock);
