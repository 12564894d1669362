// SPDX-License-Identifier: MIT
// Severity on one scale for every vendor; an unseen value stays visible as "unknown".
#pragma once

#include <QString>

enum class SeverityLevel { Critical = 1, High = 2, Warning = 3, Info = 4, Unknown = 5 };

struct Severity {
    SeverityLevel level = SeverityLevel::Unknown;
    QString raw; // the source's own word, shown when the level is Unknown

    // "SEV-1".."SEV-4", or "unknown (raw)": never empty, never dropped.
    QString label() const;
    // Stable machine name for --print: critical, high, warning, info, unknown.
    QString name() const;
    int rank() const { return static_cast<int>(level); }
    bool operator==(const Severity &o) const { return level == o.level && raw == o.raw; }
};

// Maps common words (critical, page, P1, sev1, high, error, warning, low, info…)
// case-insensitively; anything else is Unknown with its raw text kept.
Severity severityFromText(const QString &text);
