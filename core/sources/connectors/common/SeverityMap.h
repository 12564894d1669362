// SPDX-License-Identifier: MIT
// A vendor's severity words (Jira priorities, GitLab scoped labels…) on our scale, with the
// per-source override "severity_map": {"P1": "critical"} on top. An unknown word stays visible.
#pragma once

#include "core/board/Severity.h"
#include "core/config/SourceConfig.h"

#include <QHash>
#include <QStringList>

#include <initializer_list>
#include <utility>

class SeverityMap final {
public:
    using Words = std::initializer_list<std::pair<const char *, SeverityLevel>>;

    // The vendor's defaults (compared case-insensitively) under the source's "severity_map".
    // Throws ConfigError at <pointer>/severity_map[/word] unless it maps words to critical,
    // high, warning or info.
    SeverityMap(const SourceConfig &config, Words vendorDefaults);

    // The level of one word: the override, the vendor's default, then the common words
    // (severityFromText); anything else is unknown with the word kept. Empty: unknown, no word.
    Severity map(const QString &word) const;

    // From an item's labels: a label named in the map (the most severe wins), else a scoped
    // label "severity::X", "severity: X", "severity/X" (then the same with "priority"), whose
    // value X is a number 1..5 (1 = critical, 4 and 5 = info) or a word for map(). Unknown
    // (no word) when no label speaks of severity.
    Severity fromLabels(const QStringList &labels) const;

private:
    bool find(const QString &word, SeverityLevel *level) const;
    Severity fromScopedValue(const QString &value) const;

    QHash<QString, SeverityLevel> m_words; // lower-case
};
