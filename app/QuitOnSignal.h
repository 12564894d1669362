// SPDX-License-Identifier: MIT
#pragma once

// SIGINT and SIGTERM end the event loop cleanly (systemd stopping the wall screen, Ctrl+C, a
// benchmark ending a run), so that state is flushed and exit reports are printed.
void quitOnTerminationSignals();
