// SPDX-License-Identifier: MIT
#pragma once

class AppContext;

// Fetches every source once, prints the board as JSON on stdout, then quits the event loop
// with 0 (every source answered) or 2 (one failed; reasons on stderr).
void startPrintCommand(AppContext *context);
