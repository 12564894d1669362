// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

// SIGINT and SIGTERM end the event loop cleanly (systemd stopping the wall screen, Ctrl+C, a
// benchmark ending a run), so that state is flushed and exit reports are printed.
void quitOnTerminationSignals();
// SIGHUP calls `reload` (the wall's systemd unit: ExecReload=kill -HUP $MAINPID), on the event
// loop's thread. Call after quitOnTerminationSignals().
void reloadOnHangup(std::function<void()> reload);
