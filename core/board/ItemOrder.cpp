// SPDX-License-Identifier: MIT
#include "ItemOrder.h"

bool oldestBefore(const Item &l, const Item &r) {
    if (l.createdAt.isValid() != r.createdAt.isValid())
        return l.createdAt.isValid();
    if (l.createdAt != r.createdAt)
        return l.createdAt < r.createdAt;
    if (l.source != r.source)
        return l.source < r.source;
    return l.id < r.id;
}

bool incidentBefore(const Item &l, const Item &r) {
    if (l.severity.rank() != r.severity.rank())
        return l.severity.rank() < r.severity.rank();
    return oldestBefore(l, r);
}
