// SPDX-License-Identifier: MIT
// Colours and marks for severities and states, in one place. Never colour alone: each
// severity also has a text label and a shape so colour-blind viewers can tell them apart.
#pragma once

#include "core/board/Severity.h"

#include <QColor>
#include <QFont>
#include <QString>

namespace Theme {
QColor severityColor(SeverityLevel level);
// A distinct glyph per level: ◆ critical, ▲ high, ● warning, ○ info, ? unknown.
QString severityGlyph(SeverityLevel level);
QColor staleColor();
QColor okColor();
QColor failedColor();
QColor amberColor();
QColor andonColor();
// Marks that inform without alarming ("SELF-SERVICE", "DECLARING…") and settled ones.
QColor infoColor();
QColor neutralColor();
// `a` blended towards `b` by `t` (0: a, 1: b).
QColor mix(const QColor &a, const QColor &b, qreal t);
// Black or white, whichever reads better on `background` (the yellow chip needs black).
QColor textOn(const QColor &background);
// `base` `factor` times larger (in points, or in pixels for a pixel-sized font such as the
// wall's), with `weight`.
QFont scaledFont(const QFont &base, qreal factor, QFont::Weight weight = QFont::Normal);
} // namespace Theme
