// SPDX-License-Identifier: MIT
// Paints one panel row in two compact lines: severity chip, title and age on the first;
// state, people and source, smaller and dimmer, on the second. Stale rows are greyed and marked.
#pragma once

#include "core/board/Item.h"
#include "widgets/board/OwnerMark.h"
#include "widgets/board/RowMark.h"

#include <QStyledItemDelegate>

class ItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ItemDelegate(ItemKind kind, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Marks per row, from the feature that knows them (the lean workflow); none by default.
    void setMarker(RowMarker marker) { m_marker = std::move(marker); }
    RowMark markOf(const QModelIndex &index) const {
        return m_marker ? m_marker(index) : RowMark();
    }
    // Who is on each row ("I'm on it"), drawn before the feature's mark; none by default.
    void setOwnerMarker(OwnerMarker marker) { m_ownerMarker = std::move(marker); }
    OwnerMark ownerMarkOf(const QModelIndex &index) const {
        return m_ownerMarker ? m_ownerMarker(index) : OwnerMark();
    }

    // The two lines as painted, unelided: the tooltip shows them in full.
    QString primaryText(const QModelIndex &index) const;
    QString secondaryText(const QModelIndex &index) const;

private:
    bool hasChip(const QModelIndex &index) const;
    // "◆ SEV-1", "? unknown", "■ ANDON": a shape and a word, never colour alone.
    QString chipLabel(const QModelIndex &index) const;

    ItemKind m_kind;
    RowMarker m_marker;
    OwnerMarker m_ownerMarker;
};
