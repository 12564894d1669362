// SPDX-License-Identifier: MIT
#include "TrendChart.h"

#include "Theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

TrendChart::TrendChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_caption(new QLabel(this)) {
    setObjectName(QStringLiteral("trend-chart"));
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("title"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setWeight(QFont::DemiBold);
    heading->setFont(font);
    m_caption->setObjectName(QStringLiteral("objective"));
    m_caption->setVisible(false);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *header = new QHBoxLayout;
    header->addWidget(heading);
    header->addStretch(1);
    header->addWidget(m_caption);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
}

void TrendChart::clear() {
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_points = 0;
    m_caption->setVisible(false);
    m_met = true;
}

void TrendChart::attachAxes(QAbstractSeries *series, QAbstractAxis *x) {
    // Whole numbers from zero, with headroom above the highest value.
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, std::ceil(m_yMax * 1.15));
    y->applyNiceNumbers();
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void TrendChart::setLine(const QString &name, const QColor &color, const QList<QPointF> &points) {
    clear();
    m_bars = false;
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPen(QPen(color, 2));
    series->append(points);
    m_chart->addSeries(series);
    m_points = static_cast<int>(points.size());
    m_xMin = points.isEmpty() ? 0 : points.front().x();
    m_xMax = points.isEmpty() ? 1 : points.back().x();
    m_yMax = 1;
    for (const QPointF &p : points)
        m_yMax = std::max(m_yMax, p.y());

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("dd MMM"));
    x->setTickCount(8);
    x->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m_xMin), Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m_xMax), Qt::UTC));
    attachAxes(series, x);
}

void TrendChart::setBars(const QStringList &categories, const QList<BarSet> &sets) {
    clear();
    m_bars = true;
    m_categories = static_cast<int>(categories.size());
    auto *series = new QStackedBarSeries;
    QList<qreal> totals(categories.size(), 0);
    for (const BarSet &set : sets) {
        auto *bars = new QBarSet(set.name);
        bars->setColor(set.color);
        bars->setBorderColor(set.color.darker(120));
        bars->append(set.values);
        series->append(bars);
        for (qsizetype i = 0; i < set.values.size() && i < totals.size(); ++i)
            totals[i] += set.values[i];
        m_points += static_cast<int>(set.values.size());
    }
    m_chart->addSeries(series);
    m_yMax = 1;
    for (qreal t : totals)
        m_yMax = std::max(m_yMax, t);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    attachAxes(series, x);
}

void TrendChart::setObjective(std::optional<qreal> value, qreal latest, const QString &unit) {
    if (!value)
        return;
    m_met = latest <= *value;
    const QColor color = m_met ? Theme::okColor() : Theme::failedColor();
    auto *line = new QLineSeries;
    line->setName(QStringLiteral("objective"));
    line->setPen(QPen(color, 2, Qt::DashLine));
    // On bars the x axis counts categories: span them all, edge to edge.
    if (m_bars)
        line->append({QPointF(-0.5, *value), QPointF(m_categories - 0.5, *value)});
    else
        line->append({QPointF(m_xMin, *value), QPointF(m_xMax, *value)});
    m_chart->addSeries(line);
    for (QAbstractAxis *axis : m_chart->axes())
        line->attachAxis(axis);

    // Words as well as colour.
    m_caption->setText(
        QStringLiteral("objective \u2264 %1 %2 \u00b7 now %3 \u00b7 %4")
            .arg(*value)
            .arg(unit)
            .arg(latest)
            .arg(m_met ? QStringLiteral("\u2713 met") : QStringLiteral("\u2717 not met")));
    QPalette p = m_caption->palette();
    p.setColor(QPalette::WindowText, color);
    m_caption->setPalette(p);
    QFont font = m_caption->font();
    font.setWeight(QFont::Bold);
    m_caption->setFont(font);
    m_caption->setVisible(true);
}

QString TrendChart::caption() const {
    return m_caption->isVisible() ? m_caption->text() : QString();
}
