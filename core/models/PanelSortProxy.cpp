// SPDX-License-Identifier: MIT
#include "PanelSortProxy.h"

#include "core/filter/ItemFilter.h"
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

void PanelSortProxy::setItemFilter(std::shared_ptr<const ItemFilter> filter,
                                   std::vector<char> verdicts) {
    if (filter && !filter->isActive())
        filter.reset();
    if (!filter && !m_filter)
        return;
    m_filter = std::move(filter);
    const auto *model = qobject_cast<const PanelModel *>(sourceModel());
    if (m_filter && model && verdicts.size() == model->items().size())
        m_verdicts = std::move(verdicts);
    invalidateRowsFilter();
    m_verdicts.clear();
}

int PanelSortProxy::hiddenCount() const {
    return sourceModel() ? sourceModel()->rowCount() - rowCount() : 0;
}

bool PanelSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    if (!m_filter)
        return true;
    if (!m_verdicts.empty())
        return m_verdicts[static_cast<size_t>(sourceRow)] != 0;
    const auto *model = qobject_cast<const PanelModel *>(sourceModel());
    return !model || m_filter->accepts(model->item(sourceRow));
}
