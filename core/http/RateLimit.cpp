// SPDX-License-Identifier: MIT
#include "RateLimit.h"

#include "core/time/TimeParse.h"

#include <cmath>

namespace {

// Epoch seconds are large; a delta is small. Anything after 2001 is an epoch.
constexpr qint64 epochThreshold = 1000000000;

QDateTime fromNumberOrDate(const QByteArray &value, const QDateTime &now, bool preferDelta) {
    bool isNumber = false;
    const double number = value.trimmed().toDouble(&isNumber);
    if (isNumber) {
        // Nonsense (negative, inf, nan) says nothing; the cast below needs a sane number.
        if (!std::isfinite(number) || number < 0)
            return {};
        if (!preferDelta || number > epochThreshold)
            return number > epochThreshold ? parseEpoch(number)
                                           : now.addMSecs(qint64(number * 1000));
        return now.addMSecs(qint64(number * 1000));
    }
    const QDateTime iso = parseIsoUtc(std::string_view(value.constData(), size_t(value.size())));
    if (iso.isValid())
        return iso;
    QString text = QString::fromLatin1(value.trimmed());
    // Qt reads numeric zones; servers write GMT (RFC 9110) or UTC (incident.io).
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC")))
        text = text.chopped(3) + QLatin1String("+0000");
    const QDateTime http = QDateTime::fromString(text, Qt::RFC2822Date);
    return http.isValid() ? http.toUTC() : QDateTime();
}

} // namespace

QDateTime rateLimitedUntil(const HttpResult &result, const QDateTime &now) {
    const bool tooMany = result.status == 429;
    const QByteArray remaining = result.header("x-ratelimit-remaining").isEmpty()
                                     ? result.header("ratelimit-remaining")
                                     : result.header("x-ratelimit-remaining");
    // GitHub answers 403 both for its primary limit (remaining 0) and its secondary limit
    // (Retry-After, remaining not 0); a plain 403 is a refused token.
    const bool forbiddenByLimit = result.status == 403 && (remaining.trimmed() == "0" ||
                                                           !result.header("retry-after").isEmpty());
    if (!tooMany && !forbiddenByLimit)
        return {};

    QDateTime until;
    if (const QByteArray v = result.header("retry-after"); !v.isEmpty())
        until = fromNumberOrDate(v, now, true);
    else if (const QByteArray v = result.header("x-ratelimit-reset"); !v.isEmpty())
        until = fromNumberOrDate(v, now, false);
    else if (const QByteArray v = result.header("ratelimit-reset"); !v.isEmpty())
        until = fromNumberOrDate(v, now, true);
    return boundedRetryTime(until, now);
}

QDateTime retryTimeFromText(const QByteArray &value, const QDateTime &now) {
    return fromNumberOrDate(value, now, true);
}

QDateTime boundedRetryTime(const QDateTime &until, const QDateTime &now) {
    // Told nothing: wait one minute rather than hammering.
    if (!until.isValid() || until < now)
        return now.addSecs(60);
    // A server asking for more than a day is wrong; check again in an hour.
    return qMin(until, now.addSecs(3600));
}
