// SPDX-License-Identifier: MIT
#include "Theme.h"

namespace Theme {

QColor severityColor(SeverityLevel level) {
    // Okabe-Ito derived: distinguishable under the common colour-vision deficiencies.
    switch (level) {
    case SeverityLevel::Critical:
        return QColor(0xD5, 0x2B, 0x1E);
    case SeverityLevel::High:
        return QColor(0xE6, 0x9F, 0x00);
    case SeverityLevel::Warning:
        return QColor(0xF0, 0xE4, 0x42);
    case SeverityLevel::Info:
        return QColor(0x56, 0xB4, 0xE9);
    case SeverityLevel::Unknown:
        break;
    }
    return QColor(0xCC, 0x79, 0xA7);
}

QString severityGlyph(SeverityLevel level) {
    switch (level) {
    case SeverityLevel::Critical:
        return QStringLiteral("\u25C6");
    case SeverityLevel::High:
        return QStringLiteral("\u25B2");
    case SeverityLevel::Warning:
        return QStringLiteral("\u25CF");
    case SeverityLevel::Info:
        return QStringLiteral("\u25CB");
    case SeverityLevel::Unknown:
        break;
    }
    return QStringLiteral("?");
}

QColor staleColor() {
    return QColor(0x9A, 0x9A, 0x9A);
}
QColor okColor() {
    return QColor(0x00, 0x9E, 0x73);
}
QColor failedColor() {
    return QColor(0xD5, 0x2B, 0x1E);
}
QColor amberColor() {
    return QColor(0xE6, 0x9F, 0x00);
}
QColor andonColor() {
    return QColor(0xC0, 0x10, 0x10);
}
QColor infoColor() {
    return QColor(0x1F, 0x6F, 0xB5);
}
QColor neutralColor() {
    return QColor(0x5B, 0x6B, 0x7F);
}

QColor mix(const QColor &a, const QColor &b, qreal t) {
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QColor textOn(const QColor &background) {
    const qreal luminance =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.6 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
}

QFont scaledFont(const QFont &base, qreal factor, QFont::Weight weight) {
    QFont f = base;
    if (base.pointSizeF() > 0)
        f.setPointSizeF(base.pointSizeF() * factor);
    else
        f.setPixelSize(qRound(base.pixelSize() * factor));
    f.setWeight(weight);
    return f;
}

} // namespace Theme
