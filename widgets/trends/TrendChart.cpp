// SPDX-License-Identifier: MIT
#include "TrendChart.h"

#include "core/attention/ObjectiveStatus.h"
#include "widgets/Theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
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
    , m_title(new QLabel(title, this))
    , m_caption(new QLabel(this)) {
    setObjectName(QStringLiteral("trend-chart"));
    m_title->setObjectName(QStringLiteral("title"));
    m_caption->setObjectName(QStringLiteral("objective"));
    m_caption->setVisible(false);
    m_caption->setWordWrap(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_view->setRenderHint(QPainter::Antialiasing);
    // The objective on its own line under the title: beside it, a narrow chart would wrap it
    // into a column of words.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    applyLook();
}

void TrendChart::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        applyLook();
}

// The chart draws its own text: it takes the widget's font and colours here.
void TrendChart::applyLook() {
    m_title->setFont(Theme::scaledFont(font(), 1.2, QFont::DemiBold));
    QFont bold = font();
    bold.setWeight(QFont::Bold);
    m_caption->setFont(bold);

    // Axis labels and legend a little smaller than the text around: more of them fit.
    const QFont small = Theme::scaledFont(font(), 0.85);
    const QPalette p = palette();
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->legend()->setFont(small);
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    QColor grid = p.color(QPalette::Text);
    grid.setAlpha(50);
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsFont(small);
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

void TrendChart::clear() {
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_percentAxis = nullptr;
    m_points = 0;
    m_caption->setVisible(false);
    m_met = true;
    m_objectiveLine = false;
}

void TrendChart::attachAxes(QAbstractSeries *series, QAbstractAxis *x) {
    // Whole numbers from zero with headroom above the highest value, in at most four steps of
    // 1, 2 or 5 × 10^n: labels that never repeat ("%d" on 0.5 reads "0" twice) and still fit
    // when the wall's large type leaves a chart short.
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    const qreal top = std::max<qreal>(1, std::ceil(m_yMax * 1.15));
    qreal step = 1;
    for (qreal scale = 1; step * 4 < top; scale *= 10) {
        for (qreal unit : {1.0, 2.0, 5.0}) {
            step = unit * scale;
            if (step * 4 >= top)
                break;
        }
    }
    const int steps = static_cast<int>(std::ceil(top / step));
    y->setRange(0, steps * step);
    y->setTickCount(steps + 1);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    applyLook();
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
    x->setFormat(QStringLiteral("d MMM"));
    x->setTickCount(5);
    x->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m_xMin), Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m_xMax), Qt::UTC));
    attachAxes(series, x);
}

void TrendChart::setBars(const QStringList &categories, const QList<BarSet> &sets, Bars mode) {
    clear();
    m_bars = true;
    m_categories = static_cast<int>(categories.size());
    QAbstractBarSeries *series = mode == Bars::Stacked
                                     ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                     : static_cast<QAbstractBarSeries *>(new QBarSeries);
    QList<qreal> totals(categories.size(), 0);
    m_yMax = 1;
    for (const BarSet &set : sets) {
        auto *bars = new QBarSet(set.name);
        bars->setColor(set.color);
        bars->setBorderColor(set.color.darker(120));
        bars->append(set.values);
        series->append(bars);
        for (qsizetype i = 0; i < set.values.size() && i < totals.size(); ++i) {
            totals[i] += set.values[i];
            m_yMax = std::max(m_yMax, set.values[i]);
        }
        m_points += static_cast<int>(set.values.size());
    }
    m_chart->addSeries(series);
    if (mode == Bars::Stacked) {
        for (qreal t : totals)
            m_yMax = std::max(m_yMax, t);
    }
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    attachAxes(series, x);
}

void TrendChart::setPercentLine(const QString &name, const QColor &color,
                                const QList<QPointF> &points) {
    if (!m_percentAxis) {
        m_percentAxis = new QValueAxis;
        m_percentAxis->setRange(0, 100);
        m_percentAxis->setTickCount(5);
        m_percentAxis->setLabelFormat(QStringLiteral("%d%%"));
        m_chart->addAxis(m_percentAxis, Qt::AlignRight);
    }
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPen(QPen(color, 3));
    series->setPointsVisible(true);
    series->append(points);
    m_chart->addSeries(series);
    for (QAbstractAxis *axis : m_chart->axes(Qt::Horizontal))
        series->attachAxis(axis);
    series->attachAxis(m_percentAxis);
    m_points += static_cast<int>(points.size());
    applyLook();
}

void TrendChart::setObjective(const ObjectiveState &state, Scale scale) {
    m_met = state.met;
    const QColor color = m_met ? Theme::okColor() : Theme::failedColor();
    auto *line = new QLineSeries;
    line->setName(QStringLiteral("objective"));
    line->setPen(QPen(color, 2, Qt::DashLine));
    // On bars the x axis counts categories: span them all, edge to edge.
    if (m_bars)
        line->append({QPointF(-0.5, state.value), QPointF(m_categories - 0.5, state.value)});
    else
        line->append({QPointF(m_xMin, state.value), QPointF(m_xMax, state.value)});
    m_chart->addSeries(line);
    for (QAbstractAxis *axis : m_chart->axes(Qt::Horizontal))
        line->attachAxis(axis);
    if (scale == Scale::Percent && m_percentAxis) {
        line->attachAxis(m_percentAxis);
    } else {
        for (QAbstractAxis *axis : m_chart->axes(Qt::Vertical)) {
            if (axis != m_percentAxis)
                line->attachAxis(axis);
        }
    }
    // The caption names it; a legend entry would only crowd out the data's.
    for (QLegendMarker *marker : m_chart->legend()->markers(line))
        marker->setVisible(false);
    m_objectiveLine = true;
    m_objectiveValue = state.value;

    // Words as well as colour.
    m_caption->setText(QStringLiteral("objective ") + state.text());
    QPalette p = m_caption->palette();
    p.setColor(QPalette::WindowText, color);
    m_caption->setPalette(p);
    m_caption->setVisible(true);
}

QString TrendChart::caption() const {
    return m_caption->isVisible() ? m_caption->text() : QString();
}
