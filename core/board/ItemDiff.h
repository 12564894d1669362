// SPDX-License-Identifier: MIT
// What a new snapshot of one source changes: pure, no Qt model involved.
#pragma once

#include "core/board/Item.h"

#include <vector>

struct SnapshotDiff {
    std::vector<size_t> inserted; // indexes into the new snapshot
    std::vector<size_t> changed;  // indexes into the new snapshot (same id, other content)
    std::vector<QString> removed; // ids no longer present
    bool isEmpty() const { return inserted.empty() && changed.empty() && removed.empty(); }
};

// Compares by id; duplicate ids in `next` keep the first (a source repeating itself is not two
// items).
SnapshotDiff diffSnapshot(const std::vector<const Item *> &previous, const Items &next);

// Key of an item across sources.
inline QString itemKey(const QString &source, const QString &id) {
    return source + QChar(0x1f) + id;
}
