// SPDX-License-Identifier: MIT
// The panels' order on items: every panel shows the oldest first (an item without a date last),
// then by source and id, so equal items never swap; the incidents panel puts the worst severity
// before that. PanelSortProxy sorts by it, and the grouping orders its groups by it.
#pragma once

#include "core/board/Item.h"

bool oldestBefore(const Item &left, const Item &right);
bool incidentBefore(const Item &left, const Item &right);
