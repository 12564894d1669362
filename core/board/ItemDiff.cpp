// SPDX-License-Identifier: MIT
#include "ItemDiff.h"

#include <QHash>
#include <QSet>

SnapshotDiff diffSnapshot(const std::vector<const Item *> &previous, const Items &next) {
    SnapshotDiff diff;
    QHash<QString, const Item *> before;
    before.reserve(static_cast<qsizetype>(previous.size()));
    for (const Item *item : previous)
        before.insert(item->id, item);

    QSet<QString> seen;
    seen.reserve(static_cast<qsizetype>(next.size()));
    for (size_t i = 0; i < next.size(); ++i) {
        const Item &item = next[i];
        if (seen.contains(item.id))
            continue; // a repeated id is the same item twice, not two items
        seen.insert(item.id);
        const auto it = before.constFind(item.id);
        if (it == before.constEnd())
            diff.inserted.push_back(i);
        else if (*it.value() != item)
            diff.changed.push_back(i);
    }
    for (const Item *item : previous) {
        if (!seen.contains(item->id))
            diff.removed.push_back(item->id);
    }
    return diff;
}
