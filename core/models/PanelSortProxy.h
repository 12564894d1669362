// SPDX-License-Identifier: MIT
// The order a panel shows its items in, from raw roles only (never display text):
// incidents by severity then oldest first; every other panel oldest first. The filter bar's
// ItemFilter hides the items it does not accept.
#pragma once

#include "core/board/Item.h"

#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

class ItemFilter;
class PanelModel;

class PanelSortProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PanelSortProxy(ItemKind kind, QObject *parent = nullptr);

    // A PanelModel is read item by item (no QVariant per comparison); any other model by role.
    void setSourceModel(QAbstractItemModel *model) override;

    // Hides the items `filter` does not accept (null: none hidden); rows that arrive or change
    // later are matched as they come. `verdicts` (one per source row, from a FilterPass over the
    // model as it is now) spares the UI thread the matching of every row; empty: matched here.
    void setItemFilter(std::shared_ptr<const ItemFilter> filter, std::vector<char> verdicts = {});
    const std::shared_ptr<const ItemFilter> &itemFilter() const { return m_filter; }
    // Items of the panel the filter hides now.
    int hiddenCount() const;
    // Past this many rows coming back or going at once, the rows are sorted again as a whole
    // (one layout change) rather than each put in (or taken out of) its place.
    static constexpr int resortAbove = 2000;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_severityFirst;
    const PanelModel *m_panel = nullptr;
    std::shared_ptr<const ItemFilter> m_filter;
    std::vector<char> m_verdicts; // only while setItemFilter() re-filters
};
