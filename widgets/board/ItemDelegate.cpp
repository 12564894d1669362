// SPDX-License-Identifier: MIT
#include "ItemDelegate.h"

#include "core/models/PanelModel.h"
#include "widgets/Theme.h"
#include "widgets/board/ItemText.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace {

constexpr int padH = 10;
constexpr int padV = 6;
constexpr int lineGap = 2;
constexpr int accentWidth = 4;
constexpr int chipPad = 6;

using Theme::scaledFont;

QFont titleFont(const QFont &base) {
    return scaledFont(base, 1.0, QFont::DemiBold);
}
QFont detailFont(const QFont &base) {
    return scaledFont(base, 0.88, QFont::Normal);
}
QFont chipFont(const QFont &base) {
    return scaledFont(base, 0.82, QFont::Bold);
}

} // namespace

ItemDelegate::ItemDelegate(ItemKind kind, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind) {}

bool ItemDelegate::hasChip(const QModelIndex &index) const {
    // Incidents always carry a severity (an unseen one shows as "unknown"); bugs only
    // when their source gave a priority.
    if (m_kind == ItemKind::Incident || m_kind == ItemKind::Andon)
        return true;
    return m_kind == ItemKind::Bug && index.data(PanelModel::SeverityRankRole).toInt() <
                                          static_cast<int>(SeverityLevel::Unknown);
}

QString ItemDelegate::primaryText(const QModelIndex &index) const {
    if (m_kind == ItemKind::Andon) {
        const QString project = index.data(PanelModel::ProjectRole).toString();
        const QString raisedBy = index.data(PanelModel::RaisedByRole).toString();
        return joinNonEmpty(
            {project.isEmpty() ? index.data(PanelModel::TitleRole).toString() : project,
             index.data(PanelModel::ReasonRole).toString(),
             raisedBy.isEmpty() ? QString() : QStringLiteral("raised by ") + raisedBy},
            QStringLiteral(" \u2014 "));
    }
    return index.data(PanelModel::TitleRole).toString();
}

QString ItemDelegate::chipLabel(const QModelIndex &index) const {
    if (m_kind == ItemKind::Andon)
        return QStringLiteral("\u25A0 ANDON");
    const auto level = static_cast<SeverityLevel>(index.data(PanelModel::SeverityRankRole).toInt());
    // An unseen severity keeps the chip short; its own word goes on the second line.
    if (level == SeverityLevel::Unknown)
        return Theme::severityGlyph(level) + QStringLiteral(" unknown");
    return Theme::severityGlyph(level) + QLatin1Char(' ') +
           index.data(PanelModel::SeverityLabelRole).toString();
}

QString ItemDelegate::secondaryText(const QModelIndex &index) const {
    const bool unseenSeverity = hasChip(index) && m_kind != ItemKind::Andon &&
                                index.data(PanelModel::SeverityRankRole).toInt() ==
                                    static_cast<int>(SeverityLevel::Unknown);
    const QString label = index.data(PanelModel::SeverityLabelRole).toString();
    return joinNonEmpty({unseenSeverity && label != QStringLiteral("unknown") ? label : QString(),
                         index.data(PanelModel::StateRole).toString(),
                         index.data(PanelModel::PeopleRole).toString(),
                         index.data(PanelModel::SourceRole).toString()},
                        QStringLiteral("  \u00B7  "));
}

QSize ItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const {
    const QFontMetrics title(titleFont(option.font));
    const QFontMetrics detail(detailFont(option.font));
    return {240, padV + title.height() + lineGap + detail.height() + padV + 1};
}

void ItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The style paints hover, selection and focus; the text is ours.
    opt.text.clear();
    opt.features &= ~QStyleOptionViewItem::HasDisplay;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const bool stale = index.data(PanelModel::StaleRole).toBool();
    const QPalette::ColorGroup group =
        !opt.state.testFlag(QStyle::State_Enabled)
            ? QPalette::Disabled
            : (opt.state.testFlag(QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive);
    const QColor background =
        opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
    QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    if (stale && !selected)
        text = Theme::staleColor();
    const QColor dim = Theme::mix(text, background, stale ? 0.15 : 0.4);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);

    // A hairline between rows keeps dense lists scannable without zebra stripes.
    painter->setPen(Theme::mix(opt.palette.color(group, QPalette::Base),
                               opt.palette.color(group, QPalette::Text), 0.1));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());

    QRect r = opt.rect.adjusted(padH, padV, -padH, -padV - 1);
    const RowMark mark = markOf(index);
    if (mark.highlight && !stale) {
        if (!selected)
            painter->fillRect(opt.rect.adjusted(0, 0, 0, -1),
                              Theme::mix(background, mark.color, 0.12));
        painter->fillRect(
            QRect(opt.rect.left(), opt.rect.top(), accentWidth, opt.rect.height() - 1), mark.color);
        r.setLeft(r.left() + accentWidth);
    } else if (m_kind == ItemKind::Andon) {
        const QColor accent = stale ? Theme::staleColor() : Theme::andonColor();
        painter->fillRect(
            QRect(opt.rect.left(), opt.rect.top(), accentWidth, opt.rect.height() - 1), accent);
        r.setLeft(r.left() + accentWidth);
    }

    const QFont fTitle = titleFont(opt.font);
    const QFont fDetail = detailFont(opt.font);
    const QFont fChip = chipFont(opt.font);
    const QFontMetrics mTitle(fTitle);
    const QFontMetrics mDetail(fDetail);
    const QFontMetrics mChip(fChip);
    const QRect line1(r.left(), r.top(), r.width(), mTitle.height());
    const QRect line2(r.left(), line1.bottom() + 1 + lineGap, r.width(), mDetail.height());
    int x = r.left();

    if (hasChip(index)) {
        QColor fill = Theme::andonColor();
        if (m_kind != ItemKind::Andon)
            fill = Theme::severityColor(
                static_cast<SeverityLevel>(index.data(PanelModel::SeverityRankRole).toInt()));
        if (stale)
            fill = Theme::mix(fill, Theme::staleColor(), 0.75);
        // One width for every chip, so titles line up in a column.
        int chipText = 0;
        for (const QString &widest : {QStringLiteral("\u25C6 SEV-4"), QStringLiteral("? unknown"),
                                      QStringLiteral("\u25A0 ANDON")})
            chipText = qMax(chipText, mChip.horizontalAdvance(widest));
        const int chipWidth = chipText + 2 * chipPad + 2;
        const int chipHeight = mChip.height() + 2;
        const QRect chip(x, line1.top() + (line1.height() - chipHeight) / 2, chipWidth, chipHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(chip, 3, 3);
        painter->setFont(fChip);
        painter->setPen(Theme::textOn(fill));
        painter->drawText(chip, Qt::AlignCenter,
                          mChip.elidedText(chipLabel(index), Qt::ElideRight, chipWidth - chipPad));
        x = chip.right() + 1 + 8;
    }

    // Age on the right of the first line; the stale mark under it.
    const QString age = index.data(PanelModel::AgeTextRole).toString();
    const int ageWidth = age.isEmpty() ? 0 : mTitle.horizontalAdvance(age) + 12;
    painter->setFont(opt.font);
    painter->setPen(dim);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, age);

    painter->setFont(fTitle);
    painter->setPen(text);
    const QRect titleRect(x, line1.top(), qMax(0, line1.right() - ageWidth - x), line1.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      mTitle.elidedText(primaryText(index), Qt::ElideRight, titleRect.width()));

    painter->setFont(fDetail);
    int staleWidth = 0;
    if (stale) {
        const QString mark = QStringLiteral("\u25D0 stale");
        staleWidth = mDetail.horizontalAdvance(mark) + 12;
        painter->setPen(selected ? dim : Theme::staleColor().darker(130));
        painter->drawText(line2, Qt::AlignRight | Qt::AlignVCenter, mark);
    }
    // Pills from the right: the feature's mark, then who is on it.
    const auto pill = [&](const QString &label, const QColor &color) {
        if (label.isEmpty())
            return;
        const int w = mChip.horizontalAdvance(label) + 2 * chipPad;
        const QRect box(line2.right() - staleWidth - w, line2.top(), w, line2.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(box, 3, 3);
        painter->setFont(fChip);
        painter->setPen(Theme::textOn(color));
        painter->drawText(box, Qt::AlignCenter, label);
        painter->setFont(fDetail);
        staleWidth += w + 8;
    };
    pill(mark.text, mark.color);
    const OwnerMark owner = ownerMarkOf(index);
    pill(owner.text, owner.color);
    painter->setPen(dim);
    const QRect detailRect(x, line2.top(), qMax(0, line2.right() - staleWidth - x), line2.height());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      mDetail.elidedText(secondaryText(index), Qt::ElideRight, detailRect.width()));
    painter->restore();
}

bool ItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                             const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (!event || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // Titles are elided on screen; the tooltip has them whole, with where the link goes.
    QStringList lines{primaryText(index), secondaryText(index)};
    if (hasChip(index) && m_kind != ItemKind::Andon)
        lines.prepend(index.data(PanelModel::SeverityLabelRole).toString());
    const QString url = index.data(PanelModel::UrlRole).toString();
    if (!url.isEmpty())
        lines.append(url);
    if (index.data(PanelModel::StaleRole).toBool())
        lines.append(QStringLiteral("Stale: its source is failing; this is the last known data."));
    if (const RowMark mark = markOf(index); !mark.text.isEmpty())
        lines.append(mark.text);
    if (const OwnerMark owner = ownerMarkOf(index); !owner.toolTip.isEmpty())
        lines.append(owner.toolTip);
    QToolTip::showText(event->globalPos(), lines.join(QLatin1Char('\n')), view);
    return true;
}
