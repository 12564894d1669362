// SPDX-License-Identifier: MIT
// One trend chart with the team's objective line: the only class that knows Qt Charts, so a
// move to Qt Graphs touches this file alone. A line over time, or bars per category (stacked or
// side by side) with an optional percentage line on a right-hand axis. Its text follows the
// widget's font and palette, so the wall's large dark look reaches the chart too.
#pragma once

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QChartView;
class QLabel;
class QValueAxis;
struct ObjectiveState;

class TrendChart final : public QWidget {
    Q_OBJECT
public:
    struct BarSet {
        QString name;
        QColor color;
        QList<qreal> values; // one per category
    };
    enum class Bars { Stacked, Grouped };
    enum class Scale { Count, Percent };

    explicit TrendChart(const QString &title, QWidget *parent = nullptr);

    // A line over time; x of each point is milliseconds since the epoch (UTC).
    void setLine(const QString &name, const QColor &color, const QList<QPointF> &points);
    // Bars, one stack (or group) per category.
    void setBars(const QStringList &categories, const QList<BarSet> &sets,
                 Bars mode = Bars::Stacked);
    // A percentage over the bars, on a right-hand axis from 0 to 100 %; x of each point is its
    // category's index. Call after setBars.
    void setPercentLine(const QString &name, const QColor &color, const QList<QPointF> &points);
    // The objective: a dashed line at its value (on the percent axis for Scale::Percent), and
    // its state in words above the chart, green when met, red when not. Call after the data.
    void setObjective(const ObjectiveState &state, Scale scale = Scale::Count);

    bool objectiveMet() const { return m_met; }
    QString caption() const;
    // Points or bar values drawn now (the percentage line included), for tests.
    int pointCount() const { return m_points; }
    // Whether an objective line is drawn, and at which value: for tests.
    bool hasObjectiveLine() const { return m_objectiveLine; }
    qreal objectiveValue() const { return m_objectiveValue; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void clear();
    void attachAxes(QAbstractSeries *series, QAbstractAxis *x);
    void applyLook();

    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_title;
    QLabel *m_caption;
    QValueAxis *m_percentAxis = nullptr;
    bool m_bars = false;
    int m_categories = 0;
    qreal m_xMin = 0;
    qreal m_xMax = 0;
    qreal m_yMax = 1;
    int m_points = 0;
    bool m_met = true;
    bool m_objectiveLine = false;
    qreal m_objectiveValue = 0;
};
