// SPDX-License-Identifier: MIT
#include "ItemFilter.h"

#include <algorithm>
#include <utility>

ItemFilter::ItemFilter(FilterQuery query, FilterToggles toggles, ContextSource context)
    : m_query(std::move(query))
    , m_toggles(toggles)
    , m_context(std::move(context)) {}

bool ItemFilter::usesOwner() const {
    return m_toggles.any() || m_query.usesOwner();
}

bool ItemFilter::usesAge() const {
    return std::any_of(m_query.terms().begin(), m_query.terms().end(),
                       [](const auto &term) { return term.field == FilterQuery::Field::Age; });
}

FilterContext ItemFilter::context() const {
    return m_context ? m_context() : FilterContext{};
}

bool ItemFilter::accepts(const Item &item, const FilterContext &context) const {
    if (m_toggles.hideSilenced || m_toggles.onlyUnowned || m_toggles.onlyMine) {
        const QString owner = context.ownerOfItem(item);
        // Acknowledging an alert silences it: an owned one stays, with its owner.
        if (m_toggles.hideSilenced && owner.isEmpty() && isMutedState(item.state))
            return false;
        if (m_toggles.onlyUnowned && !owner.isEmpty())
            return false;
        if (m_toggles.onlyMine &&
            (owner.isEmpty() || owner.compare(context.me, Qt::CaseInsensitive) != 0))
            return false;
    }
    return m_query.matches(item, context);
}

bool isMutedState(const QString &state) {
    return state.compare(QLatin1String("silenced"), Qt::CaseInsensitive) == 0 ||
           state.compare(QLatin1String("inhibited"), Qt::CaseInsensitive) == 0 ||
           state.compare(QLatin1String("suppressed"), Qt::CaseInsensitive) == 0;
}
