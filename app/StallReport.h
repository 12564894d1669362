// SPDX-License-Identifier: MIT
#pragma once

// --stall-report: measures how late the UI thread's event loop turns (a 5 ms heartbeat) and
// prints the longest stalls, each with the event that was being handled, when the app quits.
// traceEach (benchmarks, with DUTYBOARD_TRACE_PAINT): every late turn of traceFromMs or more is
// also printed as it happens, "dutyboard-trace: stall ms=… epoch_ms=…", so a script can take the
// longest stall within a window of its own (a refresh, typing) rather than over the whole run.
void startStallReport(bool traceEach);
