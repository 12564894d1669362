// SPDX-License-Identifier: MIT
#include "GroupSummary.h"

#include "core/grouping/GroupKey.h"

#include <QMap>

GroupSummary summariseGroup(const std::vector<const Item *> &members, const QStringList &groupBy) {
    GroupSummary summary;
    if (members.empty())
        return summary;
    const QString label =
        distinguishingLabel(members.front()->labels, members.back()->labels, groupBy);
    QString low;
    QString high;
    QMap<QString, int> states;
    QStringList people;
    for (const Item *it : members) {
        // A member without the label (an alert from another rule set) is left out of the span:
        // "— … eu-2" says nothing.
        const QString value = label.isEmpty() ? QString() : labelValue(it->labels, label);
        if (!value.isEmpty()) {
            if (low.isEmpty() || value < low)
                low = value;
            if (value > high)
                high = value;
        }
        ++states[it->state];
        for (const QString &person : it->people) {
            if (!people.contains(person))
                people.append(person);
        }
    }
    if (!low.isEmpty())
        summary.span = low == high ? low : low + QStringLiteral(" \u2026 ") + high;
    QStringList stateText;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        stateText.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    summary.states = stateText.join(QStringLiteral(" \u00B7 "));
    summary.people = people.join(QStringLiteral(", "));
    return summary;
}
