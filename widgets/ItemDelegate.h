// SPDX-License-Identifier: MIT
// Paints one panel row in two compact lines: severity chip, title and age on the first;
// state, people and source, smaller and dimmer, on the second. Stale rows are greyed and marked.
#pragma once

#include "Item.h"

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

    // The two lines as painted, unelided: the tooltip shows them in full.
    QString primaryText(const QModelIndex &index) const;
    QString secondaryText(const QModelIndex &index) const;

private:
    bool hasChip(const QModelIndex &index) const;
    // "◆ SEV-1", "? unknown", "■ ANDON": a shape and a word, never colour alone.
    QString chipLabel(const QModelIndex &index) const;

    ItemKind m_kind;
};
