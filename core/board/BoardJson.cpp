// SPDX-License-Identifier: MIT
#include "BoardJson.h"

#include "core/ownership/Ownerships.h"

namespace {

using json = nlohmann::json;

std::string utf8(const QString &s) {
    return s.toStdString();
}

json itemToJson(const Item &item, bool stale, const Ownerships *ownerships) {
    json j = {{"source", utf8(item.source)},
              {"id", utf8(item.id)},
              {"title", utf8(item.title)},
              {"state", utf8(item.state)},
              {"created_at", isoUtc(item.createdAt)},
              {"url", utf8(item.url)},
              {"stale", stale}};
    json people = json::array();
    for (const QString &person : item.people)
        people.push_back(utf8(person));
    j["people"] = std::move(people);
    const Ownership *owned = ownerships ? ownerships->find(item.source, item.id) : nullptr;
    if (owned) {
        j["owner"] = utf8(owned->owner);
        j["owned_since"] = isoUtc(owned->since);
        j["acknowledged"] = owned->acknowledged.isValid();
    } else {
        j["owner"] = item.owner.isEmpty() ? json(nullptr) : json(utf8(item.owner));
        j["owned_since"] = nullptr;
        j["acknowledged"] = !item.owner.isEmpty();
    }
    if (item.kind == ItemKind::Incident || item.kind == ItemKind::Bug) {
        j["severity"] = utf8(item.severity.name());
        j["severity_label"] = utf8(item.severity.label());
    }
    if (item.kind == ItemKind::Andon) {
        j["project"] = utf8(item.project);
        j["reason"] = utf8(item.reason);
        j["raised_by"] = utf8(item.raisedBy);
    }
    return j;
}

json optionalInt(const std::optional<int> &value) {
    return value ? json(*value) : json(nullptr);
}

// Cards carry their column's WIP state and whether an andon halts them.
json cardsToJson(const Board &board, const std::vector<KanbanColumnState> &columns,
                 const Ownerships *ownerships) {
    const PanelModel &panel = *board.panel(ItemKind::Card);
    json cards = json::array();
    for (const Item &card : panel.items()) {
        json j = itemToJson(card, panel.isSourceStale(card.source), ownerships);
        bool exceeded = false;
        for (const KanbanColumnState &column : columns) {
            if (column.name == card.column)
                exceeded = column.exceeded();
        }
        j["column"] = utf8(card.column);
        j["wip_exceeded"] = exceeded;
        j["halted"] = panel.isHalted(card);
        j["project"] = utf8(card.project);
        j["due"] = isoUtc(card.due);
        j["column_since"] = isoUtc(card.columnSince);
        cards.push_back(std::move(j));
    }
    return cards;
}

json columnsToJson(const std::vector<KanbanColumnState> &columns) {
    json out = json::array();
    for (const KanbanColumnState &column : columns) {
        out.push_back({{"name", utf8(column.name)},
                       {"count", column.count},
                       {"limit", optionalInt(column.limit)},
                       {"wip_exceeded", column.exceeded()}});
    }
    return out;
}

json panelToJson(const PanelModel &panel, const Ownerships *ownerships) {
    json items = json::array();
    for (const Item &item : panel.items())
        items.push_back(itemToJson(item, panel.isSourceStale(item.source), ownerships));
    return items;
}

} // namespace

json isoUtc(const QDateTime &t) {
    if (!t.isValid())
        return nullptr;
    return utf8(t.toUTC().toString(Qt::ISODate));
}

json boardToJson(const Board &board, const Ownerships *ownerships) {
    json sources = json::array();
    for (const SourceInfo &info : board.health()->sources()) {
        const SourceHealth &h = info.health;
        json s = {{"name", utf8(info.name)},
                  {"type", utf8(info.type)},
                  {"panel", utf8(info.panel)},
                  {"health", utf8(healthStateName(h.state))},
                  {"error", h.error.isEmpty() ? json(nullptr) : json(utf8(h.error))},
                  {"last_success", isoUtc(h.lastSuccess)}};
        if (h.rateLimited)
            s["rate_limited_until"] = isoUtc(h.retryAt);
        if (h.tlsVerifyOff)
            s["tls_verify"] = false;
        if (const QString warning = healthWarning(h); !warning.isEmpty())
            s["warning"] = utf8(warning);
        if (h.replicasTotal > 0) {
            s["replicas"] = {{"answering", h.replicasAnswering}, {"total", h.replicasTotal}};
            if (!h.replicaErrors.isEmpty()) {
                json reasons = json::array();
                for (const QString &reason : h.replicaErrors)
                    reasons.push_back(reason.toStdString());
                s["replicas"]["errors"] = std::move(reasons);
            }
        }
        sources.push_back(std::move(s));
    }
    const std::vector<KanbanColumnState> columns = board.kanbanColumns();
    return {{"generated_at", isoUtc(board.clock().now())},
            {"sources", std::move(sources)},
            {"requests", panelToJson(*board.panel(ItemKind::Request), ownerships)},
            {"bugs", panelToJson(*board.panel(ItemKind::Bug), ownerships)},
            {"incidents", panelToJson(*board.panel(ItemKind::Incident), ownerships)},
            {"andons", panelToJson(*board.panel(ItemKind::Andon), ownerships)},
            {"cards", cardsToJson(board, columns, ownerships)},
            {"columns", columnsToJson(columns)}};
}
