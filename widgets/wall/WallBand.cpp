// SPDX-License-Identifier: MIT
#include "WallBand.h"

#include "widgets/wall/WallStyle.h"

#include <QPainter>

WallBand::WallBand(QWidget *parent)
    : QWidget(parent)
    , m_fill(WallColors::panel())
    , m_ink(WallColors::text()) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void WallBand::setContent(const QString &text, const QColor &fill, const QColor &ink) {
    if (text == m_text && fill == m_fill && ink == m_ink)
        return;
    m_text = text;
    m_fill = fill;
    m_ink = ink;
    setAccessibleName(text);
    update();
}

void WallBand::setTextPixelSize(int px, int pad) {
    setFont(wallFont(font(), px, QFont::Bold));
    m_pad = pad;
    updateGeometry();
    update();
}

QSize WallBand::sizeHint() const {
    return {textWidth(font(), m_text) + 2 * m_pad, fontMetrics().height() + m_pad + m_pad / 2};
}

void WallBand::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), m_fill);
    p.setPen(m_ink);
    p.setFont(font());
    const QRect r = rect().adjusted(m_pad, 0, -m_pad, 0);
    p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(m_text, Qt::ElideRight, r.width()));
}
