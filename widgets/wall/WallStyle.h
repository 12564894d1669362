// SPDX-License-Identifier: MIT
// How the wall screen looks: type sized from the screen height (read from across the room
// at any resolution or scale factor) and a dark, high-contrast palette. Pure: tested alone.
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

struct WallMetrics {
    int height = 0;    // logical pixels the sizes were computed for
    int titlePx = 0;   // panel title: about 4 % of the height
    int itemPx = 0;    // item title: about 2.5 %
    int detailPx = 0;  // an item's second line, badges
    int headerPx = 0;  // header text, freshness bands
    int bannerPx = 0;  // the acknowledged-andon band and the new-incident banner
    int clockPx = 0;   // the header clock
    int heroPx = 0;    // the andon takeover's project name
    int calloutPx = 0; // the takeover's other lines
    int gap = 0;       // between panels
    int pad = 0;       // inside panels and rows

    bool operator==(const WallMetrics &o) const { return height == o.height; }
    bool operator!=(const WallMetrics &o) const { return !(*this == o); }
};

// Sizes for a wall `heightPx` logical pixels high, clamped so a small window stays legible
// and an 8K screen does not turn into posters.
WallMetrics wallMetrics(int heightPx);
// The application font at `pixelSize`, with `weight`.
QFont wallFont(const QFont &base, int pixelSize, QFont::Weight weight = QFont::Normal);
// Room `text` needs in `font`, rounded up: QFontMetrics rounds to nearest, and a box one
// pixel short makes elidedText() cut a word that fits.
int textWidth(const QFont &font, const QString &text);

namespace WallColors {
QColor background(); // behind everything
QColor panel();      // a panel's face
QColor rule();       // hairlines between rows
QColor text();       // primary text: white
QColor dimText();    // secondary text, still above 7:1 on panel()
QColor staleText();  // rows whose source is failing
QColor andon();      // takeover and band red
QColor andonDeep();  // the takeover's pulse low
// The dark palette the wall's widgets inherit.
QPalette palette();
} // namespace WallColors
