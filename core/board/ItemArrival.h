// SPDX-License-Identifier: MIT
// Whether an item that just appeared on a panel is news. A source's first answer is the
// baseline (what was already there when the dashboard started); anything after it arrived.
#pragma once

#include "core/board/Item.h"

class SourceHealthModel;

// True when `source` had answered well before: the board applies a snapshot before the health
// that came with it, so during the first snapshot the source has no last success yet.
bool isArrival(const SourceHealthModel &health, const QString &source);
