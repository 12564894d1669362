// SPDX-License-Identifier: MIT
#include "TrendsView.h"

#include "Theme.h"
#include "TrendChart.h"

#include <QGridLayout>
#include <QLocale>

namespace {

constexpr int maxWeeks = 4;

// Weeks since the first sample, at least one and at most maxWeeks: no invented empty weeks.
int weeksShown(const HistorySamples &samples, const QDateTime &now) {
    if (samples.empty())
        return 1;
    const qint64 days = samples.front().at.toUTC().date().daysTo(now.toUTC().date());
    const QDate first = samples.front().at.toUTC().date();
    const int firstWeekday = first.dayOfWeek() - 1; // days into its week
    return std::clamp(static_cast<int>((days + firstWeekday) / 7) + 1, 1, maxWeeks);
}

} // namespace

TrendsView::TrendsView(Objectives objectives, QWidget *parent)
    : QWidget(parent)
    , m_objectives(objectives)
    , m_bugs(new TrendChart(QStringLiteral("Bug queue"), this))
    , m_incidents(new TrendChart(QStringLiteral("Incidents per week"), this))
    , m_andons(new TrendChart(QStringLiteral("Andons per week"), this)) {
    setObjectName(QStringLiteral("trends"));
    m_bugs->setObjectName(QStringLiteral("chart-bugs"));
    m_incidents->setObjectName(QStringLiteral("chart-incidents"));
    m_andons->setObjectName(QStringLiteral("chart-andons"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_bugs, 0, 0, 1, 2);
    layout->addWidget(m_incidents, 1, 0);
    layout->addWidget(m_andons, 1, 1);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(1, 1);
}

void TrendsView::setSamples(const HistorySamples &samples, const QDateTime &now) {
    QList<QPointF> bugs;
    bugs.reserve(static_cast<qsizetype>(samples.size()));
    for (const HistorySample &s : samples)
        bugs.append(QPointF(static_cast<qreal>(s.at.toMSecsSinceEpoch()), s.bugsOpen));
    m_bugs->setLine(QStringLiteral("open bugs"), Theme::severityColor(SeverityLevel::High), bugs);
    m_bugs->setObjective(m_objectives.maxOpenBugs, samples.empty() ? 0 : samples.back().bugsOpen,
                         QStringLiteral("open bugs"));

    const std::vector<HistoryWeek> weeks = historyWeeks(samples, now, weeksShown(samples, now));
    QStringList categories;
    for (const HistoryWeek &week : weeks)
        categories.append(QLocale::c().toString(week.monday, QStringLiteral("'wk of' dd MMM")));
    QList<TrendChart::BarSet> sets;
    const SeverityLevel levels[5] = {SeverityLevel::Critical, SeverityLevel::High,
                                     SeverityLevel::Warning, SeverityLevel::Info,
                                     SeverityLevel::Unknown};
    for (size_t sev = 0; sev < 5; ++sev) {
        TrendChart::BarSet set{sev < 4 ? QStringLiteral("SEV-%1").arg(sev + 1)
                                       : QStringLiteral("unknown"),
                               Theme::severityColor(levels[sev]),
                               {}};
        for (const HistoryWeek &week : weeks)
            set.values.append(week.incidentsBySev[sev]);
        sets.append(set);
    }
    m_incidents->setBars(categories, sets);
    // Objectives are judged on a rolling week: on a Monday morning the calendar week is empty.
    const HistoryWeek rolling = historyLastSevenDays(samples, now);
    m_incidents->setObjective(m_objectives.maxIncidentsPerWeek, rolling.incidents(),
                              QStringLiteral("in 7 days"));

    TrendChart::BarSet andons{QStringLiteral("andons raised"), Theme::andonColor(), {}};
    for (const HistoryWeek &week : weeks)
        andons.values.append(week.andons);
    m_andons->setBars(categories, {andons});
    m_andons->setObjective(m_objectives.maxAndonsPerWeek, rolling.andons,
                           QStringLiteral("in 7 days"));
}
