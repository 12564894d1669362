// SPDX-License-Identifier: MIT
#include "RelativeTime.h"

QString relativeAge(const QDateTime &from, const QDateTime &now) {
    if (!from.isValid())
        return {};
    const qint64 secs = qMax<qint64>(0, from.secsTo(now));
    if (secs < 60)
        return QStringLiteral("now");
    if (secs < 3600)
        return QStringLiteral("%1 min").arg(secs / 60);
    if (secs < 48 * 3600)
        return QStringLiteral("%1 h").arg(secs / 3600);
    return QStringLiteral("%1 d").arg(secs / 86400);
}

QString shortTimestamp(const QDateTime &t, const QDateTime &now) {
    if (!t.isValid())
        return QStringLiteral("never");
    const QDateTime local = t.toLocalTime();
    const QDateTime localNow = now.toLocalTime();
    if (local.date() == localNow.date())
        return local.toString(QStringLiteral("HH:mm:ss"));
    if (local.daysTo(localNow) < 7)
        return local.toString(QStringLiteral("ddd HH:mm"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
