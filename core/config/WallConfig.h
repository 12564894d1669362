// SPDX-License-Identifier: MIT
// The "wall" section of the config: how the wall screen lays out its panels and pages, and
// which monitor it goes to.
#pragma once

#include "core/board/Item.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <initializer_list>
#include <utility>
#include <vector>

// What one wall page shows: panels side by side, or a board that fills the page by itself.
struct WallPage {
    enum class Kind { Panels, Kanban, Charts };
    Kind kind = Kind::Panels;
    std::vector<ItemKind> panels; // Panels only

    WallPage() = default;
    WallPage(std::vector<ItemKind> kinds)
        : panels(std::move(kinds)) {}
    WallPage(std::initializer_list<ItemKind> kinds)
        : panels(kinds) {}
    static WallPage kanban();
    static WallPage charts();
    bool operator==(const WallPage &o) const { return kind == o.kind && panels == o.panels; }
};

struct WallConfig {
    enum class Layout { Tiles, Pages };
    Layout layout = Layout::Tiles;
    // Tiles: one page. Pages: shown in turn, each tiled. Never empty; no page is empty.
    std::vector<WallPage> pages;
    int pageIntervalS = 20;
    // A monitor name ("HDMI-1") or an index into the screen list ("1"); empty: not configured.
    QString screen;
    // The wall's name, under which what the room acknowledged is kept (two TVs named apart
    // keep their own); empty: not configured (the host name is used).
    QString name;
    // The filter bar's grammar over every wall panel ("team=sre"); empty: none. Checked at start.
    QString filter;
    // Silenced and inhibited alerts off the wall (unless someone owns them).
    bool hideSilenced = true;

    bool rotates() const { return layout == Layout::Pages && pages.size() > 1; }
    // Whether a page shows the Kanban board, or the charts.
    bool shows(WallPage::Kind kind) const;
};

// The four panels, most urgent first: the default tiling.
std::vector<ItemKind> defaultWallPanels();

// Read from the whole config document (AppConfig::raw). Throws ConfigError with the JSON
// pointer of the bad value ("/wall/pages/1/0"); a missing section gives the defaults.
WallConfig parseWallConfig(const nlohmann::json &document);
