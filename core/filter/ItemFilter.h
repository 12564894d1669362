// SPDX-License-Identifier: MIT
// What the panels show: a query and the quick toggles, as one predicate on items. Built once per
// change and shared (immutable) by every panel's proxy, the filter pass and any layer above the
// items (grouping): a layer asks accepts() of an item, before it groups it.
#pragma once

#include "core/filter/FilterQuery.h"

#include <functional>

struct FilterToggles {
    bool hideSilenced = false; // states silenced, inhibited (suppressed), unless owned
    bool onlyUnowned = false;
    bool onlyMine = false;

    bool any() const { return hideSilenced || onlyUnowned || onlyMine; }
    bool operator==(const FilterToggles &o) const {
        return hideSilenced == o.hideSilenced && onlyUnowned == o.onlyUnowned &&
               onlyMine == o.onlyMine;
    }
};

class ItemFilter {
public:
    // Reads "me", the time and owners when a match needs them.
    using ContextSource = std::function<FilterContext()>;

    ItemFilter() = default; // accepts every item
    ItemFilter(FilterQuery query, FilterToggles toggles, ContextSource context);

    // Whether some item may be hidden.
    bool isActive() const { return !m_query.isEmpty() || m_toggles.any(); }
    const FilterQuery &query() const { return m_query; }
    const FilterToggles &toggles() const { return m_toggles; }
    // Whether who owns an item changes what is shown (re-run when an owner changes).
    bool usesOwner() const;
    // Whether the time changes what is shown (re-run as items age).
    bool usesAge() const;

    // The context now: resolve it once for many items.
    FilterContext context() const;
    bool accepts(const Item &item, const FilterContext &context) const;
    bool accepts(const Item &item) const { return accepts(item, context()); }

private:
    FilterQuery m_query;
    FilterToggles m_toggles;
    ContextSource m_context;
};

// Alertmanager's states for an alert a silence or an inhibition mutes.
bool isMutedState(const QString &state);
