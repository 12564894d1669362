// SPDX-License-Identifier: MIT
#pragma once

class Board;

// For benchmarks (DUTYBOARD_TRACE_PAINT=1): once the board holds items and a widget has painted
// them, prints "dutyboard-trace: first-data-painted epoch_ms=… items=…" on stderr, once; then
// "first-fresh-data-painted" once items from a source's first good answer are painted (the
// first line can come from the copy saved by the last run).
void traceFirstDataPaint(Board *board);
