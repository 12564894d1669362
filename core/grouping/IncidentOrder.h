// SPDX-License-Identifier: MIT
// The incidents panel's order on items (PanelSortProxy's on roles): worst severity first, then
// the oldest (an item without a date last), then source and id, so equal items never swap.
#pragma once

#include "core/board/Item.h"

bool incidentBefore(const Item &left, const Item &right);
