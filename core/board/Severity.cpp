// SPDX-License-Identifier: MIT
#include "Severity.h"

#include <QHash>

QString Severity::label() const {
    switch (level) {
    case SeverityLevel::Critical:
        return QStringLiteral("SEV-1");
    case SeverityLevel::High:
        return QStringLiteral("SEV-2");
    case SeverityLevel::Warning:
        return QStringLiteral("SEV-3");
    case SeverityLevel::Info:
        return QStringLiteral("SEV-4");
    case SeverityLevel::Unknown:
        break;
    }
    return raw.isEmpty() ? QStringLiteral("unknown") : QStringLiteral("unknown (%1)").arg(raw);
}

QString Severity::name() const {
    switch (level) {
    case SeverityLevel::Critical:
        return QStringLiteral("critical");
    case SeverityLevel::High:
        return QStringLiteral("high");
    case SeverityLevel::Warning:
        return QStringLiteral("warning");
    case SeverityLevel::Info:
        return QStringLiteral("info");
    case SeverityLevel::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Severity severityFromText(const QString &text) {
    static const QHash<QString, SeverityLevel> words = {
        {QStringLiteral("critical"), SeverityLevel::Critical},
        {QStringLiteral("page"), SeverityLevel::Critical},
        {QStringLiteral("emergency"), SeverityLevel::Critical},
        {QStringLiteral("fatal"), SeverityLevel::Critical},
        {QStringLiteral("p1"), SeverityLevel::Critical},
        {QStringLiteral("sev1"), SeverityLevel::Critical},
        {QStringLiteral("sev-1"), SeverityLevel::Critical},
        {QStringLiteral("highest"), SeverityLevel::Critical},
        {QStringLiteral("blocker"), SeverityLevel::Critical},
        {QStringLiteral("high"), SeverityLevel::High},
        {QStringLiteral("error"), SeverityLevel::High},
        {QStringLiteral("major"), SeverityLevel::High},
        {QStringLiteral("p2"), SeverityLevel::High},
        {QStringLiteral("sev2"), SeverityLevel::High},
        {QStringLiteral("sev-2"), SeverityLevel::High},
        {QStringLiteral("warning"), SeverityLevel::Warning},
        {QStringLiteral("warn"), SeverityLevel::Warning},
        {QStringLiteral("medium"), SeverityLevel::Warning},
        {QStringLiteral("minor"), SeverityLevel::Warning},
        {QStringLiteral("p3"), SeverityLevel::Warning},
        {QStringLiteral("sev3"), SeverityLevel::Warning},
        {QStringLiteral("sev-3"), SeverityLevel::Warning},
        {QStringLiteral("low"), SeverityLevel::Info},
        {QStringLiteral("lowest"), SeverityLevel::Info},
        {QStringLiteral("info"), SeverityLevel::Info},
        {QStringLiteral("none"), SeverityLevel::Info},
        {QStringLiteral("p4"), SeverityLevel::Info},
        {QStringLiteral("p5"), SeverityLevel::Info},
        {QStringLiteral("sev4"), SeverityLevel::Info},
        {QStringLiteral("sev-4"), SeverityLevel::Info},
    };
    Severity s;
    s.raw = text;
    const auto it = words.constFind(text.trimmed().toLower());
    if (it != words.constEnd())
        s.level = it.value();
    return s;
}
