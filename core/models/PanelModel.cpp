// SPDX-License-Identifier: MIT
#include "PanelModel.h"

#include "core/board/KanbanColumns.h"
#include "core/time/RelativeTime.h"

#include <algorithm>

PanelModel::PanelModel(ItemKind kind, const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_kind(kind)
    , m_clock(clock) {}

int PanelModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant PanelModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const size_t row = static_cast<size_t>(index.row());
    const Item &it = m_items[row];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return it.title;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2 · %3 · %4").arg(it.title, it.state, it.source, it.url);
    case IdRole:
        return it.id;
    case SourceRole:
        return it.source;
    case StateRole:
        return it.state;
    case CreatedAtRole:
        return it.createdAt;
    case AgeTextRole:
        return m_ageText[row];
    case AgeSecondsRole:
        return it.createdAt.isValid() ? it.createdAt.secsTo(m_clock.now()) : qint64(0);
    case SeverityRankRole:
        return it.severity.rank();
    case SeverityLabelRole:
        return it.severity.label();
    case SeverityNameRole:
        return it.severity.name();
    case PeopleRole:
        return it.people.join(QStringLiteral(", "));
    case UrlRole:
        return it.url;
    case ProjectRole:
        return it.project;
    case ReasonRole:
        return it.reason;
    case RaisedByRole:
        return it.raisedBy;
    case StaleRole:
        return m_staleSources.contains(it.source);
    case ColumnRole:
        return it.column;
    case DueRole:
        return it.due;
    case DueTextRole:
        return kanbanDueText(it.due, m_clock.now());
    case ColumnSinceRole:
        return it.columnSince;
    case ColumnAgeTextRole:
        return relativeAge(it.columnSince, m_clock.now());
    case HaltedRole:
        return isHalted(it);
    default:
        return {};
    }
}

QHash<int, QByteArray> PanelModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(SourceRole, "source");
    names.insert(TitleRole, "title");
    names.insert(StateRole, "state");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(AgeTextRole, "ageText");
    names.insert(AgeSecondsRole, "ageSeconds");
    names.insert(SeverityRankRole, "severityRank");
    names.insert(SeverityLabelRole, "severityLabel");
    names.insert(SeverityNameRole, "severityName");
    names.insert(PeopleRole, "people");
    names.insert(UrlRole, "url");
    names.insert(ProjectRole, "project");
    names.insert(ReasonRole, "reason");
    names.insert(RaisedByRole, "raisedBy");
    names.insert(StaleRole, "stale");
    names.insert(ColumnRole, "column");
    names.insert(DueRole, "due");
    names.insert(DueTextRole, "dueText");
    names.insert(ColumnSinceRole, "columnSince");
    names.insert(ColumnAgeTextRole, "columnAgeText");
    names.insert(HaltedRole, "halted");
    return names;
}

QString PanelModel::ageText(const Item &item) const {
    return relativeAge(item.createdAt, m_clock.now());
}

void PanelModel::rebuildIndex() {
    m_rowByKey.clear();
    m_rowByKey.reserve(static_cast<qsizetype>(m_items.size()));
    for (size_t row = 0; row < m_items.size(); ++row)
        m_rowByKey.insert(itemKey(m_items[row].source, m_items[row].id), static_cast<int>(row));
}

void PanelModel::emitRowsChanged(const QList<int> &rows, const QList<int> &roles) {
    // Contiguous runs become one dataChanged each: fewer signals, same information.
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(sorted[i]), index(sorted[j]), roles);
        i = j + 1;
    }
}

const Item *PanelModel::find(const QString &source, const QString &id) const {
    const auto row = m_rowByKey.constFind(itemKey(source, id));
    return row == m_rowByKey.cend() ? nullptr : &m_items[static_cast<size_t>(*row)];
}

SnapshotDiff PanelModel::applySnapshot(const QString &source, Items snapshot) {
    std::vector<const Item *> previous;
    for (const Item &it : m_items) {
        if (it.source == source)
            previous.push_back(&it);
    }
    SnapshotDiff diff = diffSnapshot(previous, snapshot);
    if (diff.isEmpty())
        return diff;
    const int countBefore = rowCount();

    // Removals first, from the bottom, in contiguous runs.
    if (!diff.removed.empty()) {
        std::vector<int> rows;
        rows.reserve(diff.removed.size());
        for (const QString &id : diff.removed)
            rows.push_back(m_rowByKey.value(itemKey(source, id)));
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (size_t i = 0; i < rows.size();) {
            size_t j = i;
            while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
                ++j;
            const int first = rows[j];
            const int last = rows[i];
            beginRemoveRows({}, first, last);
            m_items.erase(m_items.begin() + first, m_items.begin() + last + 1);
            m_ageText.erase(m_ageText.begin() + first, m_ageText.begin() + last + 1);
            endRemoveRows();
            i = j + 1;
        }
        rebuildIndex();
    }

    if (!diff.changed.empty()) {
        QList<int> rows;
        rows.reserve(static_cast<qsizetype>(diff.changed.size()));
        for (size_t index : diff.changed) {
            Item &incoming = snapshot[index];
            const int row = m_rowByKey.value(itemKey(source, incoming.id));
            m_ageText[static_cast<size_t>(row)] = ageText(incoming);
            m_items[static_cast<size_t>(row)] = std::move(incoming);
            rows.append(row);
        }
        emitRowsChanged(rows, {});
    }

    if (!diff.inserted.empty()) {
        const int first = rowCount();
        const int last = first + static_cast<int>(diff.inserted.size()) - 1;
        beginInsertRows({}, first, last);
        // No exact reserve: with 20 sources arriving one after the other it would move every
        // row once per source; the vector's own doubling moves each row about twice.
        for (size_t index : diff.inserted) {
            Item &incoming = snapshot[index];
            m_rowByKey.insert(itemKey(source, incoming.id), static_cast<int>(m_items.size()));
            m_ageText.push_back(ageText(incoming));
            m_items.push_back(std::move(incoming));
        }
        endInsertRows();
    }
    const size_t fromSource = previous.size() - diff.removed.size() + diff.inserted.size();
    if (fromSource == 0)
        m_sources.removeOne(source);
    else if (!m_sources.contains(source))
        m_sources.append(source);
    if (rowCount() != countBefore)
        Q_EMIT countChanged(rowCount());
    return diff;
}

void PanelModel::setSourceStale(const QString &source, bool stale) {
    if (stale == m_staleSources.contains(source))
        return;
    if (stale)
        m_staleSources.insert(source);
    else
        m_staleSources.remove(source);
    QList<int> rows;
    for (size_t row = 0; row < m_items.size(); ++row) {
        if (m_items[row].source == source)
            rows.append(static_cast<int>(row));
    }
    emitRowsChanged(rows, {StaleRole});
}

int PanelModel::refreshAges() {
    QList<int> rows;
    for (size_t row = 0; row < m_items.size(); ++row) {
        QString text = ageText(m_items[row]);
        if (text != m_ageText[row]) {
            m_ageText[row] = std::move(text);
            rows.append(static_cast<int>(row));
        }
    }
    emitRowsChanged(rows, {AgeTextRole, AgeSecondsRole});
    return static_cast<int>(rows.size());
}

bool PanelModel::isHalted(const Item &item) const {
    return !m_haltedProjects.isEmpty() &&
           (m_haltedProjects.contains(item.project) || m_haltedProjects.contains(item.title));
}

void PanelModel::setHaltedProjects(QSet<QString> projects) {
    if (projects == m_haltedProjects)
        return;
    QList<int> rows;
    std::vector<bool> before;
    before.reserve(m_items.size());
    for (const Item &it : m_items)
        before.push_back(isHalted(it));
    m_haltedProjects = std::move(projects);
    for (size_t row = 0; row < m_items.size(); ++row) {
        if (isHalted(m_items[row]) != before[row])
            rows.append(static_cast<int>(row));
    }
    emitRowsChanged(rows, {HaltedRole});
}
