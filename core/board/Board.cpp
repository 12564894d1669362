// SPDX-License-Identifier: MIT
#include "Board.h"

#include <map>

namespace {
size_t slot(ItemKind kind) {
    return static_cast<size_t>(kind);
}
} // namespace

Board::Board(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_health(new SourceHealthModel(clock, this)) {
    for (ItemKind kind : allItemKinds)
        m_panels[slot(kind)] = new PanelModel(kind, clock, this);
}

PanelModel *Board::panel(ItemKind kind) const {
    return m_panels[slot(kind)];
}

void Board::applySnapshot(const QString &source, Items items) {
    // One source may feed several panels (Alertmanager: incidents and andons).
    std::array<Items, itemKindCount> byKind;
    std::array<size_t, itemKindCount> counts{};
    for (const Item &item : items)
        ++counts[slot(item.kind)];
    for (ItemKind kind : allItemKinds)
        byKind[slot(kind)].reserve(counts[slot(kind)]);
    for (Item &item : items) {
        if (item.kind == ItemKind::Card)
            item.column = kanbanColumnFor(m_kanban, item);
        byKind[slot(item.kind)].push_back(std::move(item));
    }
    for (ItemKind kind : allItemKinds)
        m_panels[slot(kind)]->applySnapshot(source, std::move(byKind[slot(kind)]));
    updateHalted();
}

void Board::updateHalted() {
    // A card is halted while an andon names its project (or its title, for cards that are
    // the project themselves).
    QSet<QString> projects;
    for (const Item &andon : panel(ItemKind::Andon)->items()) {
        if (!andon.project.isEmpty())
            projects.insert(andon.project);
    }
    panel(ItemKind::Card)->setHaltedProjects(std::move(projects));
}

void Board::setKanbanConfig(KanbanConfig config) {
    m_kanban = std::move(config);
    PanelModel *cards = panel(ItemKind::Card);
    std::map<QString, Items> bySource;
    for (const Item &card : cards->items()) {
        Item moved = card;
        moved.column = kanbanColumnFor(m_kanban, card);
        bySource[card.source].push_back(std::move(moved));
    }
    for (auto &[source, items] : bySource)
        cards->applySnapshot(source, std::move(items));
    Q_EMIT kanbanChanged();
}

std::vector<KanbanColumnState> Board::kanbanColumns() const {
    return kanbanColumnStates(m_kanban, panel(ItemKind::Card)->items());
}

void Board::applyHealth(const QString &source, const SourceHealth &health) {
    const bool stale = health.state == HealthState::Stale || health.state == HealthState::Failed;
    for (PanelModel *panel : m_panels)
        panel->setSourceStale(source, stale);
    m_health->setHealth(source, health);
}

void Board::applyAnswer(const QString &source, const SourceHealth &health,
                        std::optional<Items> items) {
    const bool itemsChanged = items.has_value();
    if (items)
        applySnapshot(source, std::move(*items));
    applyHealth(source, health);
    Q_EMIT sourceRefreshed(source, health.state == HealthState::Ok, itemsChanged);
    if (!m_allAnsweredSent && everySourceAnswered()) {
        m_allAnsweredSent = true;
        Q_EMIT allAnswered();
    }
}

bool Board::seedSaved(const QString &source, Items items, const QDateTime &savedAt) {
    const SourceInfo *info = m_health->source(source);
    if (!info || info->health.lastSuccess.isValid())
        return false;
    // Stale from the start: if the first fetch fails, the panel keeps these items and says
    // how old they are and why. A source that failed already keeps its own reason.
    SourceHealth health = info->health;
    const bool failedAlready = health.state == HealthState::Failed;
    health.state = HealthState::Stale;
    health.lastSuccess = savedAt;
    if (!failedAlready)
        health.error = QStringLiteral("saved copy from the last run, waiting for the source");
    applySnapshot(source, std::move(items));
    applyHealth(source, health);
    return true;
}

void Board::removeSource(const QString &source) {
    applySnapshot(source, {});
    m_health->removeSource(source);
}

bool Board::everySourceAnswered() const {
    for (const SourceInfo &info : m_health->sources()) {
        if (!info.health.lastAttempt.isValid())
            return false;
    }
    return true;
}

int Board::refreshAges() {
    int rows = 0;
    for (PanelModel *panel : m_panels)
        rows += panel->refreshAges();
    return rows;
}
