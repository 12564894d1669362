// SPDX-License-Identifier: MIT
// The wall's top line: the time, who is on duty, the page indicator when pages rotate, and one
// light per source (a shape and a colour, with the state in words when it is not fine).
// Painted in one pass; sources are read from the health model at paint time.
#pragma once

#include "widgets/wall/WallStyle.h"

#include <QWidget>

class Clock;
class SourceHealthModel;

class WallHeader final : public QWidget {
    Q_OBJECT
public:
    // objectName "wall-header".
    WallHeader(SourceHealthModel *health, const Clock &clock, const QString &onDuty,
               QWidget *parent = nullptr);

    void setMetrics(const WallMetrics &metrics);
    // The person on duty changes with the schedule. Stale: the schedule is not answering, so
    // the name may be out of date (painted dim, with "?").
    void setOnDuty(const QString &person, bool stale = false);
    // Page `index` of `count` (count < 2: no indicator).
    void setPage(int index, int count);

    // What is painted, for tests and accessibility.
    QString clockText() const;
    QString dutyText() const;
    QString pageText() const;
    // One entry per source: "● prod-alerts", "◐ bug-tracker stale",
    // "● prod-alerts ok · 1 item unreadable: /0/fingerprint expected a string".
    QStringList sourceLights() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {0, sizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    SourceHealthModel *m_health;
    const Clock &m_clock;
    QString m_onDuty;
    bool m_onDutyStale = false;
    WallMetrics m_metrics;
    int m_page = 0;
    int m_pages = 1;
};
