// SPDX-License-Identifier: MIT
// The whole board: five panels (the fifth, Kanban cards) and the sources' health. Snapshots from
// the poller land here and are routed to panels by item kind.
#pragma once

#include "core/board/KanbanColumns.h"
#include "core/models/PanelModel.h"
#include "core/models/SourceHealthModel.h"
#include "core/time/Clock.h"

#include <QObject>

#include <array>
#include <optional>

class Board final : public QObject {
    Q_OBJECT
public:
    explicit Board(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    PanelModel *panel(ItemKind kind) const;
    SourceHealthModel *health() const { return m_health; }
    const Clock &clock() const { return m_clock; }

    // The Kanban columns cards are mapped to (defaults until set). Set again (a live reload), the
    // cards shown keep their column where it still exists, else go to "Unmapped" until their
    // source answers again; kanbanChanged() follows.
    void setKanbanConfig(KanbanConfig config);
    const KanbanConfig &kanbanConfig() const { return m_kanban; }
    // Each column's count and WIP limit, from the cards on the board now.
    std::vector<KanbanColumnState> kanbanColumns() const;

    // A fresh snapshot of one source: replaces its items on every panel.
    void applySnapshot(const QString &source, Items items);
    // A new health value: marks the source's rows stale or fresh.
    void applyHealth(const QString &source, const SourceHealth &health);
    // A source answered: its items when they changed (nullopt: the same as before, or a
    // failure, which keeps the last ones) and its health. Emits sourceRefreshed, and allAnswered
    // when it was the last source to answer for the first time.
    void applyAnswer(const QString &source, const SourceHealth &health, std::optional<Items> items);
    // Shows a source's items saved by an earlier run, marked stale since `savedAt`, until the
    // source answers. False (nothing done) when the source is unknown or has answered well.
    bool seedSaved(const QString &source, Items items, const QDateTime &savedAt);
    // A source no longer configured (a live reload): its items and its health go.
    void removeSource(const QString &source);
    // Every source has answered at least once (well or not).
    bool everySourceAnswered() const;
    // Ticks live ages on every panel; returns the rows repainted.
    int refreshAges();

Q_SIGNALS:
    // A source answered (ok: well); itemsChanged: its items on the board are new.
    void sourceRefreshed(const QString &source, bool ok, bool itemsChanged);
    // The last source to answer for the first time did: the board is complete.
    void allAnswered();
    // The Kanban columns or their WIP limits changed.
    void kanbanChanged();

private:
    const Clock &m_clock;
    void updateHalted();
    bool m_allAnsweredSent = false;

    std::array<PanelModel *, itemKindCount> m_panels{};
    KanbanConfig m_kanban = KanbanConfig::defaults();
    SourceHealthModel *m_health;
};
