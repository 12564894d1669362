// SPDX-License-Identifier: MIT
// One trend chart with the team's objective line: the only class that knows Qt Charts, so a
// move to Qt Graphs touches this file alone. A line over time, or stacked bars per category.
#pragma once

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <optional>

class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QChartView;
class QLabel;

class TrendChart final : public QWidget {
    Q_OBJECT
public:
    struct BarSet {
        QString name;
        QColor color;
        QList<qreal> values; // one per category
    };

    explicit TrendChart(const QString &title, QWidget *parent = nullptr);

    // A line over time; x of each point is milliseconds since the epoch (UTC).
    void setLine(const QString &name, const QColor &color, const QList<QPointF> &points);
    // Stacked bars, one stack per category.
    void setBars(const QStringList &categories, const QList<BarSet> &sets);
    // The objective "at most `value`": a dashed line, and a caption coloured green when `latest`
    // meets it, red when not. Call after setLine/setBars. Unset: no line, no caption.
    void setObjective(std::optional<qreal> value, qreal latest, const QString &unit);

    bool objectiveMet() const { return m_met; }
    QString caption() const;
    // Points or bar values drawn now, for tests.
    int pointCount() const { return m_points; }

private:
    void clear();
    void attachAxes(QAbstractSeries *series, QAbstractAxis *x);

    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_caption;
    bool m_bars = false;
    int m_categories = 0;
    qreal m_xMin = 0;
    qreal m_xMax = 0;
    qreal m_yMax = 1;
    int m_points = 0;
    bool m_met = true;
};
