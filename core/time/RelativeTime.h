// SPDX-License-Identifier: MIT
// Live relative ages at the resolution a person reads: "now", "12 min", "3 h", "2 d".
#pragma once

#include <QDateTime>
#include <QString>

// Empty when `from` is invalid (the source did not say).
QString relativeAge(const QDateTime &from, const QDateTime &now);
// "09:41" today, or "Mon 09:41" / "2026-11-27 09:41" further back: for "last success" and tooltips.
QString shortTimestamp(const QDateTime &t, const QDateTime &now);
