// SPDX-License-Identifier: MIT
#include "SeverityMap.h"

#include "core/config/ConfigError.h"

using nlohmann::json;

namespace {

bool levelFromName(const std::string &name, SeverityLevel *level) {
    static const std::pair<const char *, SeverityLevel> names[] = {
        {"critical", SeverityLevel::Critical},
        {"high", SeverityLevel::High},
        {"warning", SeverityLevel::Warning},
        {"info", SeverityLevel::Info},
    };
    for (const auto &[text, value] : names) {
        if (name == text) {
            *level = value;
            return true;
        }
    }
    return false;
}

// "severity::high" -> "high" when the label's scope is `scope`; empty otherwise.
QString scopedValue(const QString &label, QLatin1String scope) {
    if (!label.startsWith(scope, Qt::CaseInsensitive))
        return {};
    QStringView rest = QStringView(label).mid(scope.size());
    if (rest.startsWith(QLatin1String("::")))
        rest = rest.mid(2);
    else if (rest.startsWith(QLatin1Char(':')) || rest.startsWith(QLatin1Char('/')))
        rest = rest.mid(1);
    else
        return {};
    return rest.trimmed().toString();
}

} // namespace

SeverityMap::SeverityMap(const SourceConfig &config, Words vendorDefaults) {
    for (const auto &[word, level] : vendorDefaults)
        m_words.insert(QString::fromLatin1(word).toLower(), level);
    if (!config.raw.is_object())
        return;
    const auto it = config.raw.find("severity_map");
    if (it == config.raw.end())
        return;
    const QString where = config.pointer + QStringLiteral("/severity_map");
    if (!it->is_object())
        throw ConfigError(where,
                          QStringLiteral("expected an object such as {\"P1\": \"critical\"}"));
    for (const auto &[word, value] : it->items()) {
        SeverityLevel level = SeverityLevel::Unknown;
        if (!value.is_string() || !levelFromName(value.get<std::string>(), &level))
            throw ConfigError(where + QLatin1Char('/') + QString::fromStdString(word),
                              QStringLiteral("expected one of critical, high, warning, info"));
        m_words.insert(QString::fromStdString(word).trimmed().toLower(), level);
    }
}

bool SeverityMap::find(const QString &word, SeverityLevel *level) const {
    const auto it = m_words.constFind(word.trimmed().toLower());
    if (it == m_words.constEnd())
        return false;
    *level = it.value();
    return true;
}

Severity SeverityMap::map(const QString &word) const {
    if (word.isEmpty())
        return {};
    Severity severity;
    if (!find(word, &severity.level))
        return severityFromText(word);
    severity.raw = word;
    return severity;
}

Severity SeverityMap::fromScopedValue(const QString &value) const {
    bool isNumber = false;
    const int rank = value.toInt(&isNumber);
    if (isNumber && rank >= 1 && rank <= 5) {
        Severity severity;
        severity.level = static_cast<SeverityLevel>(qMin(rank, 4));
        severity.raw = value;
        return severity;
    }
    return map(value);
}

Severity SeverityMap::fromLabels(const QStringList &labels) const {
    Severity best;
    for (const QString &label : labels) {
        SeverityLevel level = SeverityLevel::Unknown;
        if (find(label, &level) && (best.raw.isEmpty() || level < best.level)) {
            best.level = level;
            best.raw = label;
        }
    }
    if (!best.raw.isEmpty())
        return best;
    for (const QLatin1String scope : {QLatin1String("severity"), QLatin1String("priority")}) {
        for (const QString &label : labels) {
            const QString value = scopedValue(label, scope);
            if (!value.isEmpty())
                return fromScopedValue(value);
        }
    }
    return {};
}
