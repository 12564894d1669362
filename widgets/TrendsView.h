// SPDX-License-Identifier: MIT
// The trends page: bug queue size, incidents per week by severity and andons per week, each
// against the team's objective, drawn from the local history.
#pragma once

#include "History.h"
#include "Objectives.h"

#include <QWidget>

class TrendChart;

class TrendsView final : public QWidget {
    Q_OBJECT
public:
    explicit TrendsView(Objectives objectives, QWidget *parent = nullptr);

    // Redraws every chart from `samples` (oldest first), as of `now`.
    void setSamples(const HistorySamples &samples, const QDateTime &now);

    TrendChart *bugChart() const { return m_bugs; }
    TrendChart *incidentChart() const { return m_incidents; }
    TrendChart *andonChart() const { return m_andons; }

private:
    Objectives m_objectives;
    TrendChart *m_bugs;
    TrendChart *m_incidents;
    TrendChart *m_andons;
};
