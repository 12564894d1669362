// SPDX-License-Identifier: MIT
#include "WallItemDelegate.h"

#include "core/models/PanelGroupModel.h"
#include "core/models/PanelModel.h"
#include "widgets/Theme.h"
#include "widgets/board/ItemText.h"

#include <QPainter>

namespace {

SeverityLevel levelOf(const QModelIndex &index) {
    return static_cast<SeverityLevel>(index.data(PanelModel::SeverityRankRole).toInt());
}

} // namespace

WallItemDelegate::WallItemDelegate(ItemKind kind, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind) {
    setMetrics(wallMetrics(1080), QFont());
}

void WallItemDelegate::setMetrics(const WallMetrics &metrics, const QFont &base) {
    m_metrics = metrics;
    m_item = wallFont(base, metrics.itemPx, QFont::DemiBold);
    m_detail = wallFont(base, metrics.detailPx, QFont::Normal);
    m_chip = wallFont(base, metrics.detailPx, QFont::Bold);
}

int WallItemDelegate::rowHeight() const {
    const QFontMetrics item(m_item);
    const QFontMetrics detail(m_detail);
    return m_metrics.pad + item.height() + detail.height() + m_metrics.pad + 1;
}

QSize WallItemDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const {
    return {m_metrics.itemPx * 10, rowHeight()};
}

QString WallItemDelegate::chipLabel(const QModelIndex &index) const {
    if (ownerMarkOf(index).unowned && !index.data(PanelModel::StaleRole).toBool())
        return QStringLiteral("UNOWNED");
    if (m_kind == ItemKind::Andon)
        return QStringLiteral("\u25A0 ANDON");
    const SeverityLevel level = levelOf(index);
    // Bugs carry a chip only when their source gave a priority; requests never.
    if (m_kind == ItemKind::Request || (m_kind == ItemKind::Bug && level == SeverityLevel::Unknown))
        return {};
    if (level == SeverityLevel::Unknown)
        return Theme::severityGlyph(level) + QStringLiteral(" unknown");
    return Theme::severityGlyph(level) + QLatin1Char(' ') +
           index.data(PanelModel::SeverityLabelRole).toString();
}

QString WallItemDelegate::primaryText(const QModelIndex &index) const {
    if (m_kind == ItemKind::Andon) {
        const QString project = index.data(PanelModel::ProjectRole).toString();
        return joinNonEmpty(
            {project.isEmpty() ? index.data(PanelModel::TitleRole).toString() : project,
             index.data(PanelModel::ReasonRole).toString()},
            QStringLiteral(" \u2014 "));
    }
    return index.data(PanelModel::TitleRole).toString();
}

QString WallItemDelegate::secondaryText(const QModelIndex &index) const {
    const QString raisedBy = index.data(PanelModel::RaisedByRole).toString();
    const bool unseen = m_kind == ItemKind::Incident && levelOf(index) == SeverityLevel::Unknown;
    const QString label = index.data(PanelModel::SeverityLabelRole).toString();
    // The badge says UNOWNED: the severity it replaced comes first here.
    const bool replaced =
        m_kind != ItemKind::Andon && chipLabel(index) == QStringLiteral("UNOWNED");
    return joinNonEmpty(
        {(unseen && label != QStringLiteral("unknown")) || replaced ? label : QString(),
         m_kind == ItemKind::Andon && !raisedBy.isEmpty() ? QStringLiteral("raised by ") + raisedBy
                                                          : QString(),
         index.data(PanelModel::StateRole).toString(),
         index.data(PanelModel::PeopleRole).toString(),
         index.data(PanelModel::SourceRole).toString()},
        QStringLiteral("  \u00B7  "));
}

void WallItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    const bool stale = index.data(PanelModel::StaleRole).toBool();
    const QColor ink = stale ? WallColors::staleText() : WallColors::text();
    const QColor dim = stale ? WallColors::staleText() : WallColors::dimText();
    const int pad = m_metrics.pad;
    const QFontMetrics mItem(m_item);
    const QFontMetrics mDetail(m_detail);
    const QFontMetrics mChip(m_chip);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(WallColors::rule());
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());

    QRect r = option.rect.adjusted(pad, pad, -pad, -pad - 1);
    if (m_kind == ItemKind::Andon) {
        // A red edge, so an andon row reads as one even from the side of the room.
        const int edge = std::max(3, pad / 2);
        painter->fillRect(
            QRect(option.rect.left(), option.rect.top(), edge, option.rect.height() - 1),
            stale ? WallColors::staleText() : WallColors::andon());
        r.setLeft(r.left() + edge);
    }
    const QRect line1(r.left(), r.top(), r.width(), mItem.height());
    const QRect line2(r.left(), line1.bottom() + 1, r.width(), mDetail.height());
    int x = r.left();

    const OwnerMark owner = ownerMarkOf(index);
    const QString chip = chipLabel(index);
    if (!chip.isEmpty()) {
        QColor fill =
            m_kind == ItemKind::Andon ? WallColors::andon() : Theme::severityColor(levelOf(index));
        if (stale)
            fill = WallColors::staleText();
        else if (owner.unowned) // the pulse: bright, then dim, a second each
            fill = owner.pulse ? WallColors::andon() : WallColors::andon().darker(170);
        // One width for every chip, so titles line up in a column.
        int widest = 0;
        for (const QString &w : {QStringLiteral("\u25C6 SEV-4"), QStringLiteral("? unknown"),
                                 QStringLiteral("\u25A0 ANDON"), QStringLiteral("UNOWNED")})
            widest = std::max(widest, mChip.horizontalAdvance(w));
        const int chipPad = std::max(4, m_metrics.detailPx / 3);
        const QRect box(x, line1.top() + (line1.height() - mChip.height() - 4) / 2,
                        widest + 2 * chipPad, mChip.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(box, 4, 4);
        painter->setFont(m_chip);
        painter->setPen(Theme::textOn(fill));
        painter->drawText(box, Qt::AlignCenter,
                          mChip.elidedText(chip, Qt::ElideRight, box.width()));
        x = box.right() + 1 + pad;
    }

    QString age = index.data(PanelModel::AgeTextRole).toString();
    // A group row on the wall: "first 2 h ago" only; the newest as well would cut its title.
    if (index.data(PanelGroupModel::GroupSizeRole).toInt() > 0)
        age = age.section(QStringLiteral(" \u00B7 "), 0, 0);
    const int ageWidth = age.isEmpty() ? 0 : mItem.horizontalAdvance(age) + pad;
    painter->setFont(m_item);
    painter->setPen(dim);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, age);

    painter->setPen(ink);
    const QRect titleRect(x, line1.top(), std::max(0, line1.right() - ageWidth - x),
                          line1.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      mItem.elidedText(primaryText(index), Qt::ElideRight, titleRect.width()));

    painter->setFont(m_detail);
    int markWidth = 0;
    if (stale) {
        const QString mark = QStringLiteral("\u25D0 stale");
        markWidth = mDetail.horizontalAdvance(mark) + pad;
        painter->setPen(Theme::amberColor());
        painter->drawText(line2, Qt::AlignRight | Qt::AlignVCenter, mark);
    }
    // Filled pills, read from across the room, each in its colour with its own ink: the
    // feature's mark, then who is on it.
    const auto pill = [&](const QString &text, const QColor &color) {
        if (text.isEmpty() || stale)
            return;
        const int pillPad = std::max(4, m_metrics.detailPx / 3);
        const int width =
            std::min(mDetail.horizontalAdvance(text) + 2 * pillPad, line2.width() / 2);
        const QRect box(line2.right() - markWidth - width + 1, line2.top(), width, line2.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(box, 4, 4);
        painter->setPen(Theme::textOn(color));
        painter->drawText(box, Qt::AlignCenter,
                          mDetail.elidedText(text, Qt::ElideRight, width - pillPad));
        markWidth += width + pad;
    };
    const RowMark mark = markOf(index);
    pill(mark.text, mark.color);
    pill(owner.unowned ? QString() : owner.shortText, owner.color);
    painter->setPen(dim);
    const QRect detailRect(x, line2.top(), std::max(0, line2.right() - markWidth - x),
                           line2.height());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      mDetail.elidedText(secondaryText(index), Qt::ElideRight, detailRect.width()));
    painter->restore();
}
