// SPDX-License-Identifier: MIT
// Fast timestamp parsing for connectors: vendors send ISO 8601 with nanoseconds and offsets,
// which QDateTime::fromString(Qt::ISODateWithMs) refuses, and epoch numbers.
#pragma once

#include <QDateTime>

#include <string_view>

// "2026-11-30T09:40:12Z", "2026-11-30T09:40:12.123456789Z", "2026-11-30 09:40:12+02:00",
// "2026-11-30T09:40:12.123+0200", "2026-11-30T09:40" (UTC assumed), "2026-11-30" (midnight UTC).
// Fractions are kept to the millisecond (truncated). Returns a UTC QDateTime, invalid when the
// text is not such a timestamp.
QDateTime parseIsoUtc(std::string_view text);

// Seconds since the epoch (fractions kept to the millisecond) as UTC; invalid when not finite
// or beyond year 9999.
QDateTime parseEpoch(double seconds);

// Epoch seconds written as text, as Slack sends them ("1700000000.123456"). Independent of the
// C locale (strtod stops at the '.' under a German LC_NUMERIC, which QCoreApplication sets).
// Invalid unless the whole text is a number.
QDateTime parseEpochText(std::string_view text);
