// SPDX-License-Identifier: MIT
// Paints one wall-panel row for reading from afar: a severity chip (shape and word), the title
// large and elided, the age on the right; state, people and source on a smaller second line.
// Rows of a failing source are greyed and say "stale" in words. A feature's mark (the desk's
// "TAKEN · victor · 0:12") sits at the end of the second line, as on the desk, and who is on it
// ("● victor") beside it; an item nobody owns past the delay has its badge say "UNOWNED",
// pulsing with the wall's one-second repaint.
#pragma once

#include "core/board/Item.h"
#include "widgets/board/OwnerMark.h"
#include "widgets/board/RowMark.h"
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
    // "◆ SEV-1", "■ ANDON", "? unknown", "UNOWNED"; empty when the row has no chip.
    QString chipLabel(const QModelIndex &index) const;

    // Marks per row, from the feature that knows them; none by default.
    void setMarker(RowMarker marker) { m_marker = std::move(marker); }
    RowMark markOf(const QModelIndex &index) const {
        return m_marker ? m_marker(index) : RowMark();
    }
    void setOwnerMarker(OwnerMarker marker) { m_ownerMarker = std::move(marker); }
    OwnerMark ownerMarkOf(const QModelIndex &index) const {
        return m_ownerMarker ? m_ownerMarker(index) : OwnerMark();
    }

private:
    ItemKind m_kind;
    RowMarker m_marker;
    OwnerMarker m_ownerMarker;
    WallMetrics m_metrics;
    QFont m_item;
    QFont m_detail;
    QFont m_chip;
};
