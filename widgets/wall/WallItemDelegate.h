// SPDX-License-Identifier: MIT
// Paints one wall-panel row for reading from afar: a severity chip (shape and word), the title
// large and elided, the age on the right; state, people and source on a smaller second line.
// Rows of a failing source are greyed and say "stale" in words.
#pragma once

#include "core/board/Item.h"
#include "widgets/wall/WallStyle.h"

#include <QStyledItemDelegate>

class WallItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit WallItemDelegate(ItemKind kind, QObject *parent = nullptr);

    void setMetrics(const WallMetrics &metrics, const QFont &base);
    // The fonts rows are painted with: tests measure them against the screen height.
    QFont itemFont() const { return m_item; }
    QFont detailFont() const { return m_detail; }
    int rowHeight() const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The lines as painted, before eliding.
    QString primaryText(const QModelIndex &index) const;
    QString secondaryText(const QModelIndex &index) const;
    // "◆ SEV-1", "■ ANDON", "? unknown"; empty when the row has no chip.
    QString chipLabel(const QModelIndex &index) const;

private:
    ItemKind m_kind;
    WallMetrics m_metrics;
    QFont m_item;
    QFont m_detail;
    QFont m_chip;
};
