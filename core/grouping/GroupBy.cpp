// SPDX-License-Identifier: MIT
#include "GroupBy.h"

#include "core/config/ConfigError.h"

QStringList sourceGroupBy(const SourceConfig &source) {
    const bool labelled = source.type == QLatin1String("alertmanager");
    const auto it = source.raw.find("group_by");
    if (!source.raw.is_object() || it == source.raw.end())
        return labelled ? QStringList{QStringLiteral("alertname")} : QStringList();
    const QString pointer = source.pointer + QStringLiteral("/group_by");
    if (!labelled)
        throw ConfigError(pointer,
                          QStringLiteral("group_by is for alertmanager sources (it names labels)"));
    if (!it->is_array())
        throw ConfigError(pointer, QStringLiteral("expected a list of label names, e.g. "
                                                  "[\"alertname\", \"cluster\"] ([] for none)"));
    QStringList names;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const QString itemPointer = pointer + QLatin1Char('/') + QString::number(i);
        const nlohmann::json &name = (*it)[i];
        if (!name.is_string() || name.get<std::string>().empty())
            throw ConfigError(itemPointer, QStringLiteral("expected a label name"));
        const QString label = QString::fromStdString(name.get<std::string>());
        if (names.contains(label))
            throw ConfigError(itemPointer, QStringLiteral("this label is listed twice"));
        names.append(label);
    }
    return names;
}

std::function<QStringList(const QString &source)> groupByOfConfig(const AppConfig *config) {
    return [config](const QString &name) {
        for (const SourceConfig &source : config->sources) {
            if (source.name == name)
                return sourceGroupBy(source);
        }
        return QStringList();
    };
}
