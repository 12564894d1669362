// SPDX-License-Identifier: MIT
#pragma once

class Board;

// For benchmarks (DUTYBOARD_TRACE_PAINT=1): once the board holds items and a widget has painted
// them, prints "dutyboard-trace: first-data-painted epoch_ms=… items=…" on stderr, once.
void traceFirstDataPaint(Board *board);
