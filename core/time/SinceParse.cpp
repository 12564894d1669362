// SPDX-License-Identifier: MIT
#include "SinceParse.h"

#include "core/time/TimeParse.h"

#include <QRegularExpression>

QDateTime parseSince(const QString &text, const QDateTime &now, QString *error) {
    static const QRegularExpression span(QStringLiteral("^(\\d{1,5})([dhm])$"));
    const QString t = text.trimmed();
    QDateTime since;
    if (const auto m = span.match(t); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        since = now.addSecs(-n * (unit == QLatin1Char('d')   ? 86400
                                  : unit == QLatin1Char('h') ? 3600
                                                             : 60));
    } else {
        since = parseIsoUtc(t.toStdString());
    }
    if (!since.isValid()) {
        *error = QStringLiteral("--since expects a span (7d, 36h, 90m) or a date (2026-11-30), "
                                "not \"%1\"")
                     .arg(t);
        return {};
    }
    if (since > now) {
        *error = QStringLiteral("--since %1 is in the future").arg(t);
        return {};
    }
    return since;
}
