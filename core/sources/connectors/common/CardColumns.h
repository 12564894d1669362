// SPDX-License-Identifier: MIT
// An issue tracker's statuses and labels mapped to Kanban columns: the "columns" key of a Jira,
// GitLab or GitHub source feeding the "kanban" panel, e.g.
// {"In Progress": "Work in progress", "label:ve": "Value engineering"}.
#pragma once

#include "core/config/SourceConfig.h"

#include <QHash>
#include <QStringList>

class CardColumns final {
public:
    // Reads the source's "columns": keys "label:<name>" match a label, "status:<name>" or a
    // bare word match the status; both case-insensitive. Values are column names (checked
    // against the board's columns by parseKanbanConfig). Throws ConfigError naming the key when
    // a source of another panel has one, or a key or value is empty.
    explicit CardColumns(const SourceConfig &config);

    bool isEmpty() const { return m_labels.isEmpty() && m_statuses.isEmpty(); }
    // The column of an issue: the first of its labels the map names, else its status through
    // the map; empty when neither (the board then reads the status word itself).
    QString columnFor(const QString &status, const QStringList &labels) const;

private:
    QHash<QString, QString> m_labels;   // lower-case label -> column
    QHash<QString, QString> m_statuses; // lower-case status -> column
};
