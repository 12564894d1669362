// SPDX-License-Identifier: MIT
// `dutyboard handover [--since 7d|2026-11-30] [--format markdown|json|html] [--send]`: fetches
// every source once (like --print, so the report is complete without a window), reads the
// period from the state, prints the report. Exits 0, or 2 when a source failed (the report is
// printed all the same, the failure on stderr) or --since is not understood.
#pragma once

#include "app/CommandLine.h"

class AppContext;

void startHandoverCommand(AppContext *context, const HandoverRequest &request);
