// SPDX-License-Identifier: MIT
// The order a panel shows its items in, from raw roles only (never display text):
// incidents by severity then oldest first; every other panel oldest first.
#pragma once

#include "core/board/Item.h"

#include <QSortFilterProxyModel>

class PanelSortProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PanelSortProxy(ItemKind kind, QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_severityFirst;
};
