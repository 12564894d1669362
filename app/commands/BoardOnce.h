// SPDX-License-Identifier: MIT
// What the one-shot commands that read the board (--print, handover) share: fetch every source
// once and act when the board is complete (every source answered, the outbox had its go at
// what earlier runs left queued, the ownerships read), then say which sources failed.
#pragma once

#include <functional>

class AppContext;

// Fetches every source once; `done` runs once, when the board is complete.
void whenBoardComplete(AppContext *context, std::function<void()> done);
// Says on stderr each source that failed, and the warning of each that did not ("1 item
// unreadable: …"); returns 2 when one failed, else 0.
int sayFailedSources(const AppContext &context);
