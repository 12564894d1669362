// SPDX-License-Identifier: MIT
#include "WallConfig.h"

#include "core/config/ConfigError.h"
#include "core/config/ConfigSection.h"
#include "core/filter/FilterQuery.h"

#include <algorithm>

namespace {

using json = nlohmann::json;

const QString panelNames = QStringLiteral("expected one of requests, bugs, incidents, andons");
const QString pageNames = QStringLiteral(
    "expected an array of panel names (requests, bugs, incidents, andons), or \"kanban\" or "
    "\"charts\" for a page of its own");

// One panel name, or a ConfigError at `pointer`.
ItemKind panelAt(const json &value, const QString &pointer) {
    ItemKind kind = ItemKind::Incident;
    if (!value.is_string() ||
        !itemKindFromPanelName(QString::fromStdString(value.get<std::string>()), &kind))
        throw ConfigError(pointer, panelNames);
    // Cards need their columns: the Kanban board fills a page of its own.
    if (kind == ItemKind::Card)
        throw ConfigError(pointer, QStringLiteral("the Kanban board fills a page of its own: "
                                                  "write \"kanban\" as the page; ") +
                                       panelNames);
    return kind;
}

// A non-empty list of distinct panel names.
std::vector<ItemKind> panelList(const json &value, const QString &pointer) {
    if (!value.is_array() || value.empty())
        throw ConfigError(pointer, QStringLiteral("expected a non-empty array of panel names "
                                                  "(requests, bugs, incidents, andons)"));
    std::vector<ItemKind> kinds;
    for (size_t i = 0; i < value.size(); ++i) {
        const QString where = QStringLiteral("%1/%2").arg(pointer).arg(i);
        const ItemKind kind = panelAt(value[i], where);
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
            throw ConfigError(where, QStringLiteral("panel \"%1\" is listed twice on this page")
                                         .arg(itemKindPanelName(kind)));
        kinds.push_back(kind);
    }
    return kinds;
}

// One page of "pages": an array of panels, or "kanban" / "charts" (also as a one-word array).
WallPage pageAt(const json &value, const QString &pointer) {
    const json *word = &value;
    if (value.is_array() && value.size() == 1 && value[0].is_string())
        word = &value[0];
    if (word->is_string()) {
        const std::string name = word->get<std::string>();
        if (name == "kanban")
            return WallPage::kanban();
        if (name == "charts")
            return WallPage::charts();
        if (!value.is_array())
            throw ConfigError(pointer, pageNames);
    }
    return WallPage(panelList(value, pointer));
}

} // namespace

WallPage WallPage::kanban() {
    WallPage page;
    page.kind = Kind::Kanban;
    return page;
}

WallPage WallPage::charts() {
    WallPage page;
    page.kind = Kind::Charts;
    return page;
}

bool WallConfig::shows(WallPage::Kind kind) const {
    return std::any_of(pages.begin(), pages.end(),
                       [kind](const WallPage &page) { return page.kind == kind; });
}

std::vector<ItemKind> defaultWallPanels() {
    return {ItemKind::Incident, ItemKind::Andon, ItemKind::Request, ItemKind::Bug};
}

WallConfig parseWallConfig(const json &document) {
    WallConfig config;
    config.pages = {defaultWallPanels()};
    const json *wall = configSection(document, "wall");
    if (!wall)
        return config;
    const QString pointer = QStringLiteral("/wall");
    rejectUnknownKeys(*wall, pointer,
                      {"layout", "tiles", "pages", "page_interval_s", "screen", "name", "filter",
                       "hide_silenced"});

    if (const auto it = wall->find("layout"); it != wall->end()) {
        const std::string layout = it->is_string() ? it->get<std::string>() : std::string();
        if (layout == "tiles")
            config.layout = WallConfig::Layout::Tiles;
        else if (layout == "pages")
            config.layout = WallConfig::Layout::Pages;
        else
            throw ConfigError(jsonPointerAt(pointer, QStringLiteral("layout")),
                              QStringLiteral("expected \"tiles\" or \"pages\""));
    }
    if (const auto it = wall->find("tiles"); it != wall->end())
        config.pages = {panelList(*it, jsonPointerAt(pointer, QStringLiteral("tiles")))};

    if (const auto it = wall->find("pages"); it != wall->end()) {
        const QString where = jsonPointerAt(pointer, QStringLiteral("pages"));
        if (!it->is_array() || it->empty())
            throw ConfigError(where, QStringLiteral("expected a non-empty array of pages, each an "
                                                    "array of panel names"));
        if (config.layout == WallConfig::Layout::Pages) {
            config.pages.clear();
            for (size_t i = 0; i < it->size(); ++i)
                config.pages.push_back(pageAt((*it)[i], QStringLiteral("%1/%2").arg(where).arg(i)));
        } else {
            // Checked even when unused, so switching the layout later cannot surprise.
            for (size_t i = 0; i < it->size(); ++i)
                pageAt((*it)[i], QStringLiteral("%1/%2").arg(where).arg(i));
        }
    } else if (config.layout == WallConfig::Layout::Pages) {
        // Pages without a list: two pages of two, the urgent pair first.
        config.pages = {{ItemKind::Incident, ItemKind::Andon}, {ItemKind::Request, ItemKind::Bug}};
    }

    if (const auto it = wall->find("page_interval_s"); it != wall->end()) {
        constexpr long long minS = 3;
        constexpr long long maxS = 3600;
        if (!it->is_number_integer() || it->get<long long>() < minS || it->get<long long>() > maxS)
            throw ConfigError(
                jsonPointerAt(pointer, QStringLiteral("page_interval_s")),
                QStringLiteral("expected an integer from %1 to %2 (seconds)").arg(minS).arg(maxS));
        config.pageIntervalS = static_cast<int>(it->get<long long>());
    }

    if (const auto it = wall->find("screen"); it != wall->end()) {
        const QString where = jsonPointerAt(pointer, QStringLiteral("screen"));
        if (it->is_number_integer() && it->get<long long>() >= 0 && it->get<long long>() < 64)
            config.screen = QString::number(it->get<long long>());
        else if (it->is_string() && !it->get<std::string>().empty())
            config.screen = QString::fromStdString(it->get<std::string>());
        else
            throw ConfigError(where, QStringLiteral("expected a monitor name such as \"HDMI-1\" "
                                                    "or a screen index from 0"));
    }
    if (const auto it = wall->find("name"); it != wall->end()) {
        config.name =
            it->is_string() ? QString::fromStdString(it->get<std::string>()).trimmed() : QString();
        if (config.name.isEmpty())
            throw ConfigError(
                jsonPointerAt(pointer, QStringLiteral("name")),
                QStringLiteral("expected this wall's name, such as \"tv-3rd-floor\""));
    }
    if (const auto it = wall->find("filter"); it != wall->end()) {
        const QString where = jsonPointerAt(pointer, QStringLiteral("filter"));
        if (!it->is_string())
            throw ConfigError(where, QStringLiteral("expected a filter such as \"team=sre\" "
                                                    "(the filter bar's words)"));
        config.filter = QString::fromStdString(it->get<std::string>()).trimmed();
        FilterError error;
        FilterQuery::parse(config.filter, &error);
        if (error.isError())
            throw ConfigError(
                where,
                QStringLiteral("%1, at character %2").arg(error.message).arg(error.position + 1));
    }
    if (const auto it = wall->find("hide_silenced"); it != wall->end()) {
        if (!it->is_boolean())
            throw ConfigError(jsonPointerAt(pointer, QStringLiteral("hide_silenced")),
                              QStringLiteral("expected true or false"));
        config.hideSilenced = it->get<bool>();
    }
    return config;
}
