// SPDX-License-Identifier: MIT
#include "WallHeader.h"

#include "core/models/SourceHealthModel.h"
#include "core/time/Clock.h"
#include "widgets/board/Freshness.h"

#include <QPainter>

WallHeader::WallHeader(SourceHealthModel *health, const Clock &clock, const QString &onDuty,
                       QWidget *parent)
    : QWidget(parent)
    , m_health(health)
    , m_clock(clock)
    , m_onDuty(onDuty) {
    setObjectName(QStringLiteral("wall-header"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
    const auto repaint = [this] { update(); };
    connect(health, &QAbstractItemModel::dataChanged, this, repaint);
    connect(health, &QAbstractItemModel::rowsInserted, this, repaint);
    connect(health, &QAbstractItemModel::rowsRemoved, this, repaint);
    connect(health, &QAbstractItemModel::modelReset, this, repaint);
    setMetrics(wallMetrics(1080));
}

void WallHeader::setMetrics(const WallMetrics &metrics) {
    m_metrics = metrics;
    setFont(wallFont(font(), metrics.headerPx, QFont::DemiBold));
    updateGeometry();
    update();
}

void WallHeader::setOnDuty(const QString &person, bool stale) {
    if (person == m_onDuty && stale == m_onDutyStale)
        return;
    m_onDuty = person;
    m_onDutyStale = stale;
    update();
}

void WallHeader::setPage(int index, int count) {
    m_page = index;
    m_pages = count;
    update();
}

QString WallHeader::clockText() const {
    return m_clock.now().toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString WallHeader::dutyText() const {
    if (m_onDuty.isEmpty())
        return {};
    return QStringLiteral("On duty: ") + m_onDuty +
           (m_onDutyStale ? QStringLiteral(" (schedule not answering)") : QString());
}

QString WallHeader::pageText() const {
    if (m_pages < 2)
        return {};
    QString dots;
    for (int i = 0; i < m_pages; ++i)
        dots += i == m_page ? QChar(0x25CF) : QChar(0x25CB);
    return QStringLiteral("%1  %2/%3").arg(dots).arg(m_page + 1).arg(m_pages);
}

QStringList WallHeader::sourceLights() const {
    QStringList lights;
    for (const SourceInfo &s : m_health->sources()) {
        QString light = healthGlyph(s.health.state) + QLatin1Char(' ') + s.name;
        if (s.health.state != HealthState::Ok || !healthWarning(s.health).isEmpty())
            light += QLatin1Char(' ') + healthStateText(s.health);
        lights.append(light);
    }
    return lights;
}

QSize WallHeader::sizeHint() const {
    const QFontMetrics clock(wallFont(font(), m_metrics.clockPx, QFont::Bold));
    return {m_metrics.clockPx * 10, clock.height() + m_metrics.pad};
}

void WallHeader::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), WallColors::background());
    p.setRenderHint(QPainter::Antialiasing, true);
    const int pad = m_metrics.gap;
    const QRect r = rect().adjusted(pad, 0, -pad, 0);

    const QFont clockFont = wallFont(font(), m_metrics.clockPx, QFont::Bold);
    const QString clock = clockText();
    p.setFont(clockFont);
    p.setPen(WallColors::text());
    const int clockW = textWidth(clockFont, clock);
    p.drawText(QRect(r.left(), r.top(), clockW, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
               clock);
    int x = r.left() + clockW + 2 * pad;

    p.setFont(font());
    const QFontMetrics fm(font());
    if (!m_onDuty.isEmpty()) {
        const QString label = QStringLiteral("On duty ");
        p.setPen(WallColors::dimText());
        p.drawText(QRect(x, r.top(), textWidth(font(), label), r.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
        x += textWidth(font(), label);
        const QFont nameFont = wallFont(font(), m_metrics.headerPx, QFont::Bold);
        // Stale: the name may be out of date; "?" says so without taking room.
        const QString name = m_onDutyStale ? m_onDuty + QStringLiteral(" ?") : m_onDuty;
        const int nameW = std::min(textWidth(nameFont, name), r.width() / 4);
        p.setFont(nameFont);
        p.setPen(m_onDutyStale ? WallColors::staleText() : WallColors::text());
        p.drawText(QRect(x, r.top(), nameW, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameW));
        p.setFont(font());
        x += nameW + 2 * pad;
    }
    const QString page = pageText();
    if (!page.isEmpty()) {
        p.setPen(WallColors::text());
        p.drawText(QRect(x, r.top(), textWidth(font(), page), r.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, page);
        x += textWidth(font(), page) + 2 * pad;
    }

    // Sources from the right edge leftwards; when they do not all fit, the healthy ones fold
    // into one "● 5 ok" so a failing source is never the one cut off.
    const std::vector<SourceInfo> &sources = m_health->sources();
    const int spacing = pad * 2;
    const QFont lightFont = font();
    auto widthOf = [&lightFont, spacing](const QStringList &entries) {
        int w = 0;
        for (const QString &e : entries)
            w += textWidth(lightFont, e) + spacing;
        return w;
    };
    struct Light {
        QString text;
        QColor color;
        bool quiet = false; // fine, nothing to say: the name dim
    };
    const auto lightOf = [](const QString &text, const SourceHealth &health) {
        return Light{text, healthColor(health.state),
                     health.state == HealthState::Ok && healthWarning(health).isEmpty()};
    };
    std::vector<Light> lights;
    const QStringList full = sourceLights();
    if (widthOf(full) <= r.right() - x) {
        for (size_t i = 0; i < sources.size(); ++i)
            lights.push_back(lightOf(full[static_cast<int>(i)], sources[i].health));
    } else {
        int ok = 0;
        for (size_t i = 0; i < sources.size(); ++i) {
            // A source with a warning is not folded away: it has something to say.
            Light light = lightOf(full[static_cast<int>(i)], sources[i].health);
            if (light.quiet)
                ++ok;
            else
                lights.push_back(std::move(light));
        }
        if (ok > 0)
            lights.insert(lights.begin(),
                          {healthGlyph(HealthState::Ok) + QStringLiteral(" %1 ok").arg(ok),
                           healthColor(HealthState::Ok), true});
    }
    int right = r.right();
    for (auto it = lights.rbegin(); it != lights.rend() && right > x; ++it) {
        const QString glyph = it->text.left(1);
        const int glyphW = textWidth(lightFont, glyph);
        const int w = std::min(glyphW + textWidth(lightFont, it->text.mid(1)), right - x);
        const QRect box(right - w, r.top(), w, r.height());
        // The shape in the state's colour, the name in plain white: colour never alone.
        p.setPen(it->color.lighter(115));
        p.drawText(QRect(box.left(), box.top(), glyphW, box.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, glyph);
        p.setPen(it->quiet ? WallColors::dimText() : WallColors::text());
        p.drawText(box.adjusted(glyphW, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(it->text.mid(1), Qt::ElideRight, box.width() - glyphW));
        right -= w + spacing;
    }
}
