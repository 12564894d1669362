// SPDX-License-Identifier: MIT
#include "PanelSortProxy.h"

#include "core/models/PanelModel.h"

#include <QDateTime>

PanelSortProxy::PanelSortProxy(ItemKind kind, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_severityFirst(kind == ItemKind::Incident) {
    // Re-sorts on every insert and change, moving rows with persistent indexes: the
    // selection follows its item instead of its position.
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

bool PanelSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    if (m_severityFirst) {
        const int l = left.data(PanelModel::SeverityRankRole).toInt();
        const int r = right.data(PanelModel::SeverityRankRole).toInt();
        if (l != r)
            return l < r;
    }
    const QDateTime l = left.data(PanelModel::CreatedAtRole).toDateTime();
    const QDateTime r = right.data(PanelModel::CreatedAtRole).toDateTime();
    // An item whose source gave no date cannot claim to be the oldest: it goes last.
    if (l.isValid() != r.isValid())
        return l.isValid();
    if (l != r)
        return l < r;
    // A total order, so equal items never swap places between refreshes.
    const QString ls = left.data(PanelModel::SourceRole).toString();
    const QString rs = right.data(PanelModel::SourceRole).toString();
    if (ls != rs)
        return ls < rs;
    return left.data(PanelModel::IdRole).toString() < right.data(PanelModel::IdRole).toString();
}
