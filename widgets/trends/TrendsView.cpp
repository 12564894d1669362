// SPDX-License-Identifier: MIT
#include "TrendsView.h"

#include "widgets/Theme.h"
#include "widgets/trends/ObjectivesBar.h"
#include "widgets/trends/TrendChart.h"

#include <QGridLayout>
#include <QLocale>

#include <array>
#include <numeric>

namespace {

constexpr int maxWeeks = 4;
constexpr int runDays = 14;

// Weeks since the first sample, at least one and at most maxWeeks: no invented empty weeks.
int weeksShown(const HistorySamples &samples, const QDateTime &now) {
    if (samples.empty())
        return 1;
    const qint64 days = samples.front().at.toUTC().date().daysTo(now.toUTC().date());
    const QDate first = samples.front().at.toUTC().date();
    const int firstWeekday = first.dayOfWeek() - 1; // days into its week
    return std::clamp(static_cast<int>((days + firstWeekday) / 7) + 1, 1, maxWeeks);
}

const ObjectiveState *stateOf(const std::vector<ObjectiveState> &states, const char *key) {
    for (const ObjectiveState &s : states) {
        if (s.key == QLatin1String(key))
            return &s;
    }
    return nullptr;
}

TrendChart *chart(const QString &title, const char *name, QWidget *parent) {
    auto *c = new TrendChart(title, parent);
    c->setObjectName(QLatin1String(name));
    return c;
}

} // namespace

TrendsView::TrendsView(Objectives objectives, QWidget *parent)
    : QWidget(parent)
    , m_objectives(objectives)
    , m_objectivesBar(new ObjectivesBar(ObjectivesBar::Style::Full, this))
    , m_run(chart(QStringLiteral("RUN load: requests a day"), "chart-run", this))
    , m_bugs(chart(QStringLiteral("Bug queue"), "chart-bugs", this))
    , m_incidents(
          chart(QStringLiteral("Incidents per week (from Monday)"), "chart-incidents", this))
    , m_resolve(chart(QStringLiteral("Time to resolve (median, hours)"), "chart-resolve", this))
    , m_andons(chart(QStringLiteral("Andons per week"), "chart-andons", this)) {
    setObjectName(QStringLiteral("trends"));
    // The daily RUN load is the widest; the weekly charts share the second row.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_objectivesBar, 0, 0, 1, 3);
    layout->addWidget(m_run, 1, 0, 1, 2);
    layout->addWidget(m_bugs, 1, 2);
    layout->addWidget(m_incidents, 2, 0);
    layout->addWidget(m_resolve, 2, 1);
    layout->addWidget(m_andons, 2, 2);
    layout->setRowStretch(1, 1);
    layout->setRowStretch(2, 1);
    for (int c = 0; c < 3; ++c)
        layout->setColumnStretch(c, 1);
}

void TrendsView::setSamples(const HistorySamples &samples, const QDateTime &now) {
    m_states = objectiveStates(m_objectives, samples, now);
    m_objectivesBar->setStates(m_states);
    if (!m_barShown)
        m_objectivesBar->hide();

    QList<QPointF> bugs;
    bugs.reserve(static_cast<qsizetype>(samples.size()));
    for (const HistorySample &s : samples)
        bugs.append(QPointF(static_cast<qreal>(s.at.toMSecsSinceEpoch()), s.bugsOpen));
    m_bugs->setLine(QStringLiteral("open bugs"), Theme::severityColor(SeverityLevel::High), bugs);
    if (const ObjectiveState *s = stateOf(m_states, "max_open_bugs"))
        m_bugs->setObjective(*s);

    drawRunLoad(samples, now);
    drawWeekly(samples, now);
    Q_EMIT objectivesChanged(m_states);
}

void TrendsView::setObjectivesBarShown(bool shown) {
    m_barShown = shown;
    m_objectivesBar->setVisible(shown && !m_states.empty());
}

void TrendsView::drawRunLoad(const HistorySamples &samples, const QDateTime &now) {
    // Toil at the bottom of each stack: the RUN the objective line is about.
    struct Outcome {
        size_t index;
        const char *name;
        QColor color;
    };
    const std::array<Outcome, 4> outcomes = {{
        {1, "toil", Theme::amberColor()},
        {2, "bug", QColor(0xb0, 0x4a, 0x9c)},
        {3, "project", QColor(0x5b, 0x6b, 0xc0)},
        {0, "self-service", Theme::okColor()},
    }};
    const std::vector<HistoryDay> days = historyDays(samples, now, runDays);
    QStringList categories;
    QList<TrendChart::BarSet> sets;
    for (const Outcome &o : outcomes)
        sets.append({QLatin1String(o.name), o.color, {}});
    QList<QPointF> run;
    for (size_t d = 0; d < days.size(); ++d) {
        const HistoryDay &day = days[d];
        // "We 25": two letters of the weekday keep fourteen labels whole on a wall.
        categories.append(QLocale::c().toString(day.day, QStringLiteral("ddd")).left(2) +
                          QLatin1Char(' ') + QString::number(day.day.day()));
        for (qsizetype i = 0; i < sets.size(); ++i)
            sets[i].values.append(day.triaged[outcomes[static_cast<size_t>(i)].index]);
        const int total = std::accumulate(day.triaged.begin(), day.triaged.end(), 0);
        if (total > 0) // a day without requests has no RUN share
            run.append(QPointF(static_cast<qreal>(d), 100.0 * day.triaged[1] / total));
    }
    m_run->setBars(categories, sets);
    m_run->setPercentLine(QStringLiteral("RUN % (toil)"), Theme::failedColor().darker(110), run);
    if (const ObjectiveState *s = stateOf(m_states, "max_run_percent"))
        m_run->setObjective(*s, TrendChart::Scale::Percent);
}

void TrendsView::drawWeekly(const HistorySamples &samples, const QDateTime &now) {
    const std::vector<HistoryWeek> weeks = historyWeeks(samples, now, weeksShown(samples, now));
    QStringList categories;
    for (const HistoryWeek &week : weeks)
        categories.append(QLocale::c().toString(week.monday, QStringLiteral("d MMM")));
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
    if (const ObjectiveState *s = stateOf(m_states, "max_incidents_per_week"))
        m_incidents->setObjective(*s);

    // A week without a resolution has no median: no bar, and the legend says what that means.
    TrendChart::BarSet median{
        QStringLiteral("median hours (no bar: none resolved)"), QColor(0x3b, 0x82, 0xc4), {}};
    for (const HistoryWeek &week : weeks) {
        const std::optional<qint64> s = week.medianResolveS();
        median.values.append(s ? static_cast<qreal>(*s) / 3600.0 : 0);
    }
    m_resolve->setBars(categories, {median});
    if (const ObjectiveState *s = stateOf(m_states, "max_median_resolve_h"))
        m_resolve->setObjective(*s);

    TrendChart::BarSet raised{QStringLiteral("raised"), Theme::andonColor(), {}};
    TrendChart::BarSet resolved{QStringLiteral("resolved"), Theme::okColor(), {}};
    for (const HistoryWeek &week : weeks) {
        raised.values.append(week.andons);
        resolved.values.append(week.andonsResolved);
    }
    m_andons->setBars(categories, {raised, resolved}, TrendChart::Bars::Grouped);
    if (const ObjectiveState *s = stateOf(m_states, "max_andons_per_week"))
        m_andons->setObjective(*s);
}
