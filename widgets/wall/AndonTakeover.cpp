// SPDX-License-Identifier: MIT
#include "AndonTakeover.h"

#include "core/time/Clock.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"

#include <QPainter>
#include <QTextLayout>
#include <QTimer>

#include <cmath>

namespace {

constexpr int pulsePeriodMs = 1800;
// About 12 frames a second: smooth enough for a glow, cheap on a 4K software-rendered wall.
constexpr int pulseFrameMs = 80;
constexpr qsizetype maxOtherLines = 4;

// At most `maxLines` lines of `text` wrapped to `width`; the last one elided when cut.
QString wrapped(const QString &text, const QFont &font, int width, int maxLines) {
    if (width <= 0 || text.isEmpty())
        return text;
    QTextLayout layout(text, font);
    layout.beginLayout();
    QStringList lines;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() + 1 == maxLines) {
            lines.append(QFontMetrics(font).elidedText(text.mid(line.textStart()).simplified(),
                                                       Qt::ElideRight, width));
            break;
        }
        lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

AndonTakeover::AndonTakeover(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_pulse(new QTimer(this)) {
    setObjectName(QStringLiteral("andon-takeover"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_pulse->setInterval(pulseFrameMs);
    connect(m_pulse, &QTimer::timeout, this, [this] {
        const qreal t = static_cast<qreal>(m_phase.elapsed() % pulsePeriodMs) / pulsePeriodMs;
        m_level = 0.5 - 0.5 * std::cos(2.0 * M_PI * t);
        update();
    });
    setMetrics(wallMetrics(1080));
}

void AndonTakeover::setMetrics(const WallMetrics &metrics) {
    m_metrics = metrics;
    relayout();
}

void AndonTakeover::setAndons(const Items &andons) {
    m_andons = andons;
    relayout();
}

void AndonTakeover::refreshTimes() {
    relayout();
}

void AndonTakeover::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void AndonTakeover::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    m_phase.start();
    m_pulse->start();
}

void AndonTakeover::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_pulse->stop();
    m_level = 0.0;
}

void AndonTakeover::relayout() {
    // Texts are wrapped and elided here, not on every pulse frame.
    const int width = this->width() - 2 * margin();
    const QDateTime now = m_clock.now();
    m_headline = m_andons.size() > 1
                     ? QStringLiteral("\u25A0 ANDON \u2014 %1 PROJECTS HALTED").arg(m_andons.size())
                     : QStringLiteral("\u25A0 ANDON \u2014 PROJECT HALTED");
    m_project.clear();
    m_reason.clear();
    m_who.clear();
    m_others.clear();
    if (!m_andons.empty()) {
        const Item &a = m_andons.front();
        m_project = wrapped(a.project.isEmpty() ? a.title : a.project,
                            wallFont(font(), m_metrics.heroPx, QFont::Black), width, 2);
        m_reason = wrapped(a.reason.isEmpty() ? QStringLiteral("(no reason given)") : a.reason,
                           wallFont(font(), m_metrics.calloutPx, QFont::DemiBold), width, 3);
        QStringList who;
        if (!a.raisedBy.isEmpty())
            who.append(QStringLiteral("raised by ") + a.raisedBy);
        const QString age = relativeAge(a.createdAt, now);
        if (!age.isEmpty())
            who.append(age == QStringLiteral("now") ? QStringLiteral("halted just now")
                                                    : QStringLiteral("halted for ") + age);
        m_who = who.join(QStringLiteral("  \u00B7  "));
        // The others, one line each, the oldest last; past four, a count.
        const QFontMetrics small(wallFont(font(), m_metrics.headerPx, QFont::DemiBold));
        QStringList others;
        for (size_t i = 1; i < m_andons.size() && others.size() < maxOtherLines; ++i) {
            const Item &o = m_andons[i];
            QStringList parts{o.project.isEmpty() ? o.title : o.project};
            if (!o.reason.isEmpty())
                parts.append(o.reason);
            const QString oAge = relativeAge(o.createdAt, now);
            if (!oAge.isEmpty())
                parts.append(oAge);
            others.append(small.elidedText(QStringLiteral("\u25A0 ") +
                                               parts.join(QStringLiteral("  \u2014  ")),
                                           Qt::ElideRight, width));
        }
        const size_t shown = static_cast<size_t>(others.size()) + 1;
        if (m_andons.size() > shown)
            others.append(QStringLiteral("+ %1 more").arg(m_andons.size() - shown));
        m_others = others.join(QLatin1Char('\n'));
    }
    setAccessibleName(
        QStringList{m_headline, m_project, m_reason, m_who, m_others}.join(QLatin1Char('\n')));
    update();
}

int AndonTakeover::margin() const {
    // A poster's margins: generous, from the width as much as the height.
    return std::max(2 * m_metrics.gap, width() / 28);
}

void AndonTakeover::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), Theme::mix(WallColors::andon(), WallColors::andonDeep(), m_level * 0.6));
    const int gap = m_metrics.gap;
    const int margin = this->margin();
    const QFont head = wallFont(font(), m_metrics.calloutPx, QFont::Black);
    const QFont hero = wallFont(font(), m_metrics.heroPx, QFont::Black);
    const QFont callout = wallFont(font(), m_metrics.calloutPx, QFont::DemiBold);
    const QFont small = wallFont(font(), m_metrics.headerPx, QFont::DemiBold);
    const int headH = QFontMetrics(head).height();
    const int smallH = QFontMetrics(small).lineSpacing();
    const int calloutH = QFontMetrics(callout).lineSpacing();

    // The heading on a darker strip, so it reads as a title even mid-pulse.
    const QRect strip(0, 0, width(), headH + 2 * gap);
    p.fillRect(strip, WallColors::andonDeep());
    p.setPen(Qt::white);
    p.setFont(head);
    const QRect headRect = strip.adjusted(margin, 0, -margin, 0);
    p.drawText(headRect, Qt::AlignLeft | Qt::AlignVCenter, m_headline);
    p.drawText(headRect, Qt::AlignRight | Qt::AlignVCenter,
               m_clock.now().toLocalTime().toString(QStringLiteral("HH:mm")));

    // A white frame that breathes with the pulse: movement catches the eye across the room.
    const int frame = std::max(4, gap);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor::fromRgbF(1, 1, 1, 0.25 + 0.6 * (1.0 - m_level)));
    p.drawRect(QRect(0, strip.bottom() + 1, width(), frame));
    p.drawRect(QRect(0, height() - frame, width(), frame));
    p.drawRect(QRect(0, strip.bottom() + 1, frame, height()));
    p.drawRect(QRect(width() - frame, strip.bottom() + 1, frame, height()));

    // Bottom up: the instruction, then the other andons.
    const int left = margin;
    const int textW = width() - 2 * margin;
    int bottom = height() - frame - gap;
    p.setFont(small);
    p.setPen(QColor(0xFF, 0xDD, 0xDD));
    p.drawText(
        QRect(left, bottom - smallH, textW, smallH), Qt::AlignLeft | Qt::AlignVCenter,
        QStringLiteral("Press Space to acknowledge \u2014 a red band stays until it is resolved"));
    bottom -= smallH + gap;
    if (!m_others.isEmpty()) {
        const int lines = static_cast<int>(m_others.count(QLatin1Char('\n'))) + 1;
        const QRect othersBox(left, bottom - lines * smallH, textW, lines * smallH);
        p.setPen(Qt::white);
        p.drawText(othersBox, Qt::AlignLeft | Qt::AlignTop, m_others);
        p.setBrush(QColor::fromRgbF(1, 1, 1, 0.5));
        p.drawRect(QRect(left, othersBox.top() - gap, textW, std::max(2, gap / 4)));
        bottom = othersBox.top() - 2 * gap;
    }

    // The project, the reason and who/when, centred in what is left.
    const QRect body(left, strip.bottom() + frame + gap, textW,
                     bottom - strip.bottom() - frame - gap);
    const int projectLines = static_cast<int>(m_project.count(QLatin1Char('\n'))) + 1;
    const int reasonLines = static_cast<int>(m_reason.count(QLatin1Char('\n'))) + 1;
    const int projectH = QFontMetrics(hero).lineSpacing() * projectLines;
    const int reasonH = calloutH * reasonLines;
    const int total = projectH + gap + reasonH + 2 * gap + calloutH;
    int y = body.top() + std::max(0, (body.height() - total) / 2);
    p.setPen(Qt::white);
    p.setFont(hero);
    p.drawText(QRect(left, y, textW, projectH), Qt::AlignLeft | Qt::AlignTop, m_project);
    y += projectH + gap;
    p.setFont(callout);
    p.drawText(QRect(left, y, textW, reasonH), Qt::AlignLeft | Qt::AlignTop, m_reason);
    y += reasonH + 2 * gap;
    p.setPen(QColor(0xFF, 0xE4, 0xE4));
    p.drawText(QRect(left, y, textW, calloutH), Qt::AlignLeft | Qt::AlignVCenter, m_who);
}
