// SPDX-License-Identifier: MIT
// The wall screen taken over by an andon: red, pulsing, the project huge, the reason, who
// raised it and for how long it has been halted; other andons listed below. One timer drives
// the pulse and it runs only while the takeover is visible.
#pragma once

#include "core/board/Item.h"
#include "widgets/wall/WallStyle.h"

#include <QElapsedTimer>
#include <QWidget>

class Clock;
class QTimer;

class AndonTakeover final : public QWidget {
    Q_OBJECT
public:
    // objectName "andon-takeover".
    AndonTakeover(const Clock &clock, QWidget *parent = nullptr);

    void setMetrics(const WallMetrics &metrics);
    // The andons to show, most recent first. The first is the headline.
    void setAndons(const Items &andons);
    const Items &andons() const { return m_andons; }

    // The texts as laid out (elided), for tests and the accessible name.
    QString headline() const { return m_headline; }
    QString projectText() const { return m_project; }
    QString reasonText() const { return m_reason; }
    QString whoText() const { return m_who; }
    // The other andons, one line each ("■ project — reason — 10 min"), newest first.
    QString othersText() const { return m_others; }
    const QTimer *pulseTimer() const { return m_pulse; }
    qreal pulse() const { return m_level; }

public Q_SLOTS:
    // Elapsed times move with the clock (called once a minute).
    void refreshTimes();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void relayout();
    int margin() const;

    const Clock &m_clock;
    WallMetrics m_metrics;
    Items m_andons;
    QTimer *m_pulse;
    QElapsedTimer m_phase;
    qreal m_level = 0.0; // 0: full red, 1: deepest
    QString m_headline;
    QString m_project;
    QString m_reason;
    QString m_who;
    QString m_others;
};
