// SPDX-License-Identifier: MIT
#include "FreshnessBadge.h"

#include "widgets/Theme.h"

#include <QPainter>

namespace {
constexpr int padH = 9;
constexpr int padV = 3;
} // namespace

FreshnessBadge::FreshnessBadge(QWidget *parent)
    : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    QFont f = font();
    f.setWeight(QFont::DemiBold);
    setFont(f);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void FreshnessBadge::setFreshness(const Freshness &freshness) {
    const bool quiet = !freshness.hasSources || freshness.state == HealthState::Pending;
    const QString glyph =
        freshness.hasSources ? healthGlyph(freshness.state) : QStringLiteral("\u2013");
    const QString text = glyph + QLatin1Char(' ') + freshness.text;
    // Every refresh says the same thing again: a layout pass and a repaint for nothing would
    // ripple through the whole window (measured: all panels repainted every refresh).
    if (m_state == freshness.state && m_quiet == quiet && text == this->text() &&
        toolTip() == freshness.toolTip)
        return;
    m_state = freshness.state;
    m_quiet = quiet;
    setText(text);
    setToolTip(freshness.toolTip);
    setAccessibleName(QStringLiteral("Freshness: ") + freshness.text);
    updateGeometry();
    update();
}

QSize FreshnessBadge::pillSize(const QString &text) const {
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(text) + 2 * padH + 2, fm.height() + 2 * padV};
}

QSize FreshnessBadge::sizeHint() const {
    return pillSize(text());
}

QSize FreshnessBadge::minimumSizeHint() const {
    // Room for the shape and the first word: the rest is in the tooltip.
    return pillSize(text().left(8) + QChar(0x2026));
}

void FreshnessBadge::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QSize pill = sizeHint().boundedTo(size());
    // Right-aligned: the badge sits at the end of the header whatever room it is given.
    const QRectF r(width() - pill.width() + 0.5, (height() - pill.height()) / 2.0 + 0.5,
                   pill.width() - 1.0, pill.height() - 1.0);
    const qreal radius = r.height() / 2.0;
    QColor ink = Qt::white;
    if (m_quiet) {
        ink = Theme::staleColor().darker(130);
        p.setPen(QPen(Theme::staleColor(), 1.0));
        p.setBrush(Qt::NoBrush);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(healthColor(m_state));
    }
    p.drawRoundedRect(r, radius, radius);
    p.setPen(ink);
    p.setFont(font());
    const QRectF textRect = r.adjusted(padH, 0, -padH, 0);
    p.drawText(textRect, Qt::AlignCenter,
               fontMetrics().elidedText(text(), Qt::ElideRight, qRound(textRect.width())));
}
