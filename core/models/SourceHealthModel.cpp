// SPDX-License-Identifier: MIT
#include "SourceHealthModel.h"

#include "core/time/RelativeTime.h"

SourceHealthModel::SourceHealthModel(const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_clock(clock) {}

void SourceHealthModel::addSource(const SourceInfo &info) {
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_sources.push_back(info);
    endInsertRows();
}

void SourceHealthModel::removeSource(const QString &name) {
    for (size_t row = 0; row < m_sources.size(); ++row) {
        if (m_sources[row].name != name)
            continue;
        beginRemoveRows({}, static_cast<int>(row), static_cast<int>(row));
        m_sources.erase(m_sources.begin() + static_cast<std::ptrdiff_t>(row));
        endRemoveRows();
        return;
    }
}

void SourceHealthModel::setHealth(const QString &name, const SourceHealth &health) {
    for (size_t row = 0; row < m_sources.size(); ++row) {
        if (m_sources[row].name != name)
            continue;
        if (m_sources[row].health == health)
            return;
        m_sources[row].health = health;
        const QModelIndex changed = index(static_cast<int>(row));
        Q_EMIT dataChanged(changed, changed);
        Q_EMIT healthChanged(name);
        return;
    }
}

const SourceInfo *SourceHealthModel::source(const QString &name) const {
    for (const SourceInfo &info : m_sources) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QStringList SourceHealthModel::sourcesOfPanel(const QString &panel) const {
    QStringList names;
    for (const SourceInfo &info : m_sources) {
        if (info.panel == panel)
            names.append(info.name);
    }
    return names;
}

int SourceHealthModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

QString SourceHealthModel::summary(const SourceInfo &info) const {
    const SourceHealth &h = info.health;
    const QDateTime now = m_clock.now();
    QString text;
    switch (h.state) {
    case HealthState::Pending:
        text = QStringLiteral("%1: waiting for first answer").arg(info.name);
        break;
    case HealthState::Ok:
        text = QStringLiteral("%1: ok").arg(info.name);
        break;
    case HealthState::Stale:
        text = QStringLiteral("%1: stale, last good data %2 old: %3")
                   .arg(info.name, relativeAge(h.lastSuccess, now), h.error);
        break;
    case HealthState::Failed:
        text = QStringLiteral("%1: failed: %2").arg(info.name, h.error);
        break;
    }
    if (h.rateLimited && h.retryAt.isValid())
        text += QStringLiteral(" (rate-limited until %1)")
                    .arg(h.retryAt.toLocalTime().toString(QStringLiteral("HH:mm")));
    if (const QString replicas = replicasText(h); !replicas.isEmpty())
        text += QStringLiteral(" (%1)").arg(replicas);
    if (h.tlsVerifyOff)
        text += QStringLiteral(" [TLS verification OFF]");
    return text;
}

QVariant SourceHealthModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceInfo &info = m_sources[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return info.name;
    case Qt::ToolTipRole:
    case SummaryRole:
        return summary(info);
    case TypeRole:
        return info.type;
    case PanelRole:
        return info.panel;
    case StateRole:
        return static_cast<int>(info.health.state);
    case StateNameRole:
        return healthStateName(info.health.state);
    case ErrorRole:
        return info.health.error;
    case LastSuccessRole:
        return info.health.lastSuccess;
    case RetryAtRole:
        return info.health.retryAt;
    case TlsVerifyOffRole:
        return info.health.tlsVerifyOff;
    default:
        return {};
    }
}

QHash<int, QByteArray> SourceHealthModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(TypeRole, "type");
    names.insert(PanelRole, "panel");
    names.insert(StateRole, "state");
    names.insert(StateNameRole, "stateName");
    names.insert(ErrorRole, "error");
    names.insert(LastSuccessRole, "lastSuccess");
    names.insert(RetryAtRole, "retryAt");
    names.insert(TlsVerifyOffRole, "tlsVerifyOff");
    names.insert(SummaryRole, "summary");
    return names;
}
