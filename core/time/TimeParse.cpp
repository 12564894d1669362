// SPDX-License-Identifier: MIT
#include "TimeParse.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace {

// Reads exactly `count` digits at `pos`; false when any is not a digit.
bool readDigits(std::string_view s, std::size_t pos, int count, int *out) {
    if (pos + static_cast<std::size_t>(count) > s.size())
        return false;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *out = value;
    return true;
}

bool isLeapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil):
// plain arithmetic, much cheaper than building a QDate and a QTime per timestamp.
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

QDateTime parseIsoUtc(std::string_view s) {
    int year = 0, month = 0, day = 0;
    if (!readDigits(s, 0, 4, &year) || s.size() < 10 || s[4] != '-' ||
        !readDigits(s, 5, 2, &month) || s[7] != '-' || !readDigits(s, 8, 2, &day))
        return {};
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return {};

    int hour = 0, minute = 0, second = 0, millis = 0, offsetMinutes = 0;
    std::size_t pos = 10;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
            return {};
        if (!readDigits(s, pos + 1, 2, &hour) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !readDigits(s, pos + 4, 2, &minute))
            return {};
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!readDigits(s, pos + 1, 2, &second))
                return {};
            pos += 3;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                const std::size_t start = pos;
                int scale = 100;
                for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
                    millis += (s[pos] - '0') * scale; // digits past the millisecond add 0
                    scale /= 10;
                }
                if (pos == start)
                    return {};
            }
        }
        // A leap second (":60") is accepted and rolls over to the next minute.
        if (hour > 23 || minute > 59 || second > 60)
            return {};
        if (pos < s.size()) {
            const char zone = s[pos];
            if (zone == 'Z' || zone == 'z') {
                ++pos;
            } else if (zone == '+' || zone == '-') {
                int oh = 0, om = 0;
                if (!readDigits(s, pos + 1, 2, &oh))
                    return {};
                pos += 3;
                if (pos < s.size() && s[pos] == ':')
                    ++pos;
                if (pos < s.size() && !readDigits(s, pos, 2, &om))
                    return {};
                pos += pos < s.size() ? 2 : 0;
                if (oh > 23 || om > 59)
                    return {};
                offsetMinutes = (oh * 60 + om) * (zone == '-' ? -1 : 1);
            } else {
                return {};
            }
            if (pos != s.size())
                return {};
        }
    }

    const std::int64_t secs = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
                              second - std::int64_t{offsetMinutes} * 60;
    return QDateTime::fromMSecsSinceEpoch(secs * 1000 + millis, Qt::UTC);
}

QDateTime parseEpoch(double seconds) {
    // 253402300800 s is 10000-01-01: beyond it a number is not a plausible timestamp.
    if (!std::isfinite(seconds) || std::fabs(seconds) >= 253402300800.0)
        return {};
    const auto ms = static_cast<qint64>(std::floor(seconds * 1000.0 + 0.5));
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QDateTime parseEpochText(std::string_view text) {
    double seconds = 0;
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, seconds);
    if (text.empty() || error != std::errc() || stop != end)
        return {};
    return parseEpoch(seconds);
}
