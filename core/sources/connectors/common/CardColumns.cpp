// SPDX-License-Identifier: MIT
#include "CardColumns.h"

#include "core/config/ConfigError.h"
#include "core/sources/connectors/common/SourceKeys.h"

namespace {

const QLatin1String labelPrefix("label:");
const QLatin1String statusPrefix("status:");

} // namespace

CardColumns::CardColumns(const SourceConfig &config) {
    const QString where = config.pointer + QStringLiteral("/columns");
    const QHash<QString, QString> map = sourceStringMap(
        config, "columns",
        QStringLiteral("an object of column names such as {\"In Progress\": \"Work in "
                       "progress\", \"label:ve\": \"Value engineering\"}"));
    if (!map.isEmpty() && config.panel != ItemKind::Card)
        throw ConfigError(where, QStringLiteral("only a source with \"panel\": \"kanban\" maps "
                                                "to columns"));
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        QString key = it.key().trimmed();
        QHash<QString, QString> *target = &m_statuses;
        if (key.startsWith(labelPrefix, Qt::CaseInsensitive)) {
            key = key.mid(labelPrefix.size()).trimmed();
            target = &m_labels;
        } else if (key.startsWith(statusPrefix, Qt::CaseInsensitive)) {
            key = key.mid(statusPrefix.size()).trimmed();
        }
        if (key.isEmpty())
            throw ConfigError(where + QLatin1Char('/') + it.key(),
                              QStringLiteral("expected a status, \"status:<name>\" or "
                                             "\"label:<name>\" as the key"));
        target->insert(key.toLower(), it.value().trimmed());
    }
}

QString CardColumns::columnFor(const QString &status, const QStringList &labels) const {
    for (const QString &label : labels) {
        const auto found = m_labels.constFind(label.trimmed().toLower());
        if (found != m_labels.constEnd())
            return *found;
    }
    return m_statuses.value(status.trimmed().toLower());
}
