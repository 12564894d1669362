// SPDX-License-Identifier: MIT
#include "Board.h"

namespace {
constexpr std::array<ItemKind, 4> allKinds = {ItemKind::Request, ItemKind::Bug, ItemKind::Incident,
                                              ItemKind::Andon};
size_t slot(ItemKind kind) {
    return static_cast<size_t>(kind);
}
} // namespace

Board::Board(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_health(new SourceHealthModel(clock, this)) {
    for (ItemKind kind : allKinds)
        m_panels[slot(kind)] = new PanelModel(kind, clock, this);
}

PanelModel *Board::panel(ItemKind kind) const {
    return m_panels[slot(kind)];
}

void Board::applySnapshot(const QString &source, Items items) {
    // One source may feed several panels (Alertmanager: incidents and andons).
    std::array<Items, 4> byKind;
    for (Item &item : items)
        byKind[slot(item.kind)].push_back(std::move(item));
    for (ItemKind kind : allKinds)
        m_panels[slot(kind)]->applySnapshot(source, std::move(byKind[slot(kind)]));
}

void Board::applyHealth(const QString &source, const SourceHealth &health) {
    const bool stale = health.state == HealthState::Stale || health.state == HealthState::Failed;
    for (PanelModel *panel : m_panels)
        panel->setSourceStale(source, stale);
    m_health->setHealth(source, health);
}

int Board::refreshAges() {
    int rows = 0;
    for (PanelModel *panel : m_panels)
        rows += panel->refreshAges();
    return rows;
}
