// SPDX-License-Identifier: MIT
#include "WallStyle.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace {

int share(int height, double fraction, int minPx, int maxPx) {
    return std::clamp(static_cast<int>(std::lround(height * fraction)), minPx, maxPx);
}

} // namespace

WallMetrics wallMetrics(int heightPx) {
    WallMetrics m;
    m.height = std::max(heightPx, 1);
    const int h = m.height;
    // 1080 px high: title 43 px, items 27 px, clock 59 px, andon project 108 px.
    m.titlePx = share(h, 0.040, 16, 260);
    m.itemPx = share(h, 0.025, 11, 160);
    m.detailPx = share(h, 0.019, 10, 120);
    m.headerPx = share(h, 0.027, 11, 170);
    m.bannerPx = share(h, 0.034, 13, 210);
    m.clockPx = share(h, 0.055, 18, 340);
    m.heroPx = share(h, 0.100, 24, 600);
    m.calloutPx = share(h, 0.05, 14, 300);
    m.gap = share(h, 0.009, 4, 60);
    m.pad = share(h, 0.008, 4, 50);
    return m;
}

QFont wallFont(const QFont &base, int pixelSize, QFont::Weight weight) {
    QFont f = base;
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    // Text on a wall is read, not edited: hinting off keeps shapes even at poster sizes.
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

int textWidth(const QFont &font, const QString &text) {
    return static_cast<int>(std::ceil(QFontMetricsF(font).horizontalAdvance(text))) + 1;
}

namespace WallColors {

QColor background() {
    return QColor(0x0B, 0x0D, 0x10);
}
QColor panel() {
    return QColor(0x16, 0x1A, 0x20);
}
QColor rule() {
    return QColor(0x2C, 0x32, 0x3A);
}
QColor text() {
    return QColor(0xFF, 0xFF, 0xFF);
}
QColor dimText() {
    return QColor(0xC4, 0xCA, 0xD2);
}
QColor staleText() {
    return QColor(0x8E, 0x95, 0x9E);
}
QColor andon() {
    return QColor(0xC4, 0x12, 0x12);
}
QColor andonDeep() {
    return QColor(0x6E, 0x06, 0x06);
}

QPalette palette() {
    QPalette p;
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, background());
        p.setColor(group, QPalette::Base, panel());
        p.setColor(group, QPalette::AlternateBase, panel());
        p.setColor(group, QPalette::WindowText, text());
        p.setColor(group, QPalette::Text, text());
        p.setColor(group, QPalette::ButtonText, text());
        p.setColor(group, QPalette::Button, panel());
        p.setColor(group, QPalette::PlaceholderText, dimText());
        p.setColor(group, QPalette::Highlight, panel());
        p.setColor(group, QPalette::HighlightedText, text());
        p.setColor(group, QPalette::Mid, rule());
        p.setColor(group, QPalette::Dark, rule());
    }
    return p;
}

} // namespace WallColors
