// SPDX-License-Identifier: MIT
// The trends page: the objectives met or missed, then RUN load (requests a day by triage
// outcome), the bug queue, incidents per week by severity, the median time to resolve and
// andons per week, each against the team's objective, drawn from the local history.
#pragma once

#include "core/attention/ObjectiveStatus.h"
#include "core/config/Objectives.h"
#include "core/store/History.h"

#include <QWidget>

class ObjectivesBar;
class TrendChart;

class TrendsView final : public QWidget {
    Q_OBJECT
public:
    // objectName "trends"; charts "chart-run", "chart-bugs", "chart-incidents",
    // "chart-resolve", "chart-andons".
    explicit TrendsView(Objectives objectives, QWidget *parent = nullptr);

    // Redraws every chart from `samples` (oldest first), as of `now`.
    void setSamples(const HistorySamples &samples, const QDateTime &now);

    ObjectivesBar *objectivesBar() const { return m_objectivesBar; }
    // The row of objectives above the charts (shown by default; the desktop window has them in
    // its header already).
    void setObjectivesBarShown(bool shown);
    TrendChart *runChart() const { return m_run; }
    TrendChart *bugChart() const { return m_bugs; }
    TrendChart *incidentChart() const { return m_incidents; }
    TrendChart *resolveChart() const { return m_resolve; }
    TrendChart *andonChart() const { return m_andons; }

Q_SIGNALS:
    // After each redraw: the objectives' states, for the window's header.
    void objectivesChanged(const std::vector<ObjectiveState> &states);

private:
    void drawRunLoad(const HistorySamples &samples, const QDateTime &now);
    void drawWeekly(const HistorySamples &samples, const QDateTime &now);

    Objectives m_objectives;
    std::vector<ObjectiveState> m_states;
    bool m_barShown = true;
    ObjectivesBar *m_objectivesBar;
    TrendChart *m_run;
    TrendChart *m_bugs;
    TrendChart *m_incidents;
    TrendChart *m_resolve;
    TrendChart *m_andons;
};
