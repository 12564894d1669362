// SPDX-License-Identifier: MIT
// The wall screen's content: header, alert bands, the panels (tiled, or pages in rotation) and
// the andon takeover over everything. Sizes follow its own height. Three timers in all, fixed
// for its life: the minute tick (ages, clock), the page rotation and the clock-jump watch;
// plus the takeover's pulse, running only while it shows.
#pragma once

#include "core/board/Item.h"
#include "core/config/Objectives.h"
#include "core/config/WallConfig.h"
#include "widgets/wall/WallStyle.h"

#include <QDateTime>
#include <QWidget>

#include <vector>

class AndonTakeover;
class Board;
class ClockJumpWatch;
class KanbanView;
class QStackedWidget;
class QTimer;
class TrendsView;
class WallAlerts;
class WallBand;
class WallHeader;
class WallPanel;

class WallView final : public QWidget {
    Q_OBJECT
public:
    // objectName "wall-view"; bands "andon-band" and "incident-banner"; pages "wall-page-<n>".
    // `objectives` are drawn on a charts page.
    WallView(Board *board, const WallConfig &config, const QString &onDuty,
             QWidget *parent = nullptr, const Objectives &objectives = {});

    WallAlerts *alerts() const { return m_alerts; }
    WallHeader *header() const { return m_header; }
    AndonTakeover *takeover() const { return m_takeover; }
    WallBand *andonBand() const { return m_andonBand; }
    WallBand *incidentBanner() const { return m_banner; }
    const WallMetrics &metrics() const { return m_metrics; }
    // Every panel on every page, in page order.
    const std::vector<WallPanel *> &panels() const { return m_panels; }
    // The Kanban board and the charts of their pages; nullptr without such a page. The charts
    // are fed by whoever holds the history (TrendsView::setSamples).
    KanbanView *kanban() const { return m_kanban; }
    TrendsView *trends() const { return m_trends; }
    int currentPage() const;
    // Shows the page `page` names ("kanban", "charts", or a number from 1) and stops the
    // rotation there (screenshots, a wall dedicated to one board). False when none matches.
    bool holdPage(const QString &page);
    int pageCount() const;
    const QTimer *rotationTimer() const { return m_rotation; }
    const QTimer *minuteTimer() const { return m_minute; }
    ClockJumpWatch *clockJumpWatch() const { return m_jumpWatch; }

public Q_SLOTS:
    // Space/Enter in the room: the takeover first, then the incident banners.
    bool acknowledge();
    // The page for the current time; re-arms the rotation timer to the next page boundary.
    void rotationTick();
    // Ages, clock, freshness and elapsed times; re-arms the minute timer to the next minute.
    void minuteTick();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildPage(const WallPage &content, int index);
    void applyMetrics();
    void refreshAlerts();
    void scheduleMinute();

    Board *m_board;
    WallConfig m_config;
    WallAlerts *m_alerts;
    WallMetrics m_metrics;
    WallHeader *m_header;
    WallBand *m_andonBand;
    WallBand *m_banner;
    QStackedWidget *m_pages;
    std::vector<WallPanel *> m_panels;
    Objectives m_objectives;
    KanbanView *m_kanban = nullptr;
    TrendsView *m_trends = nullptr;
    AndonTakeover *m_takeover;
    QTimer *m_minute;
    QTimer *m_rotation;
    ClockJumpWatch *m_jumpWatch;
    QDateTime m_rotationEpoch; // page 0 started here
    int m_heldPage = -1;       // holdPage(): no rotation
};
