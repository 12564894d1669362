// SPDX-License-Identifier: MIT
// `dutyboard andon raise|resolve`, `incident declare`: one action through the same outbox as the
// window. What earlier runs left queued goes first. Exits 0 when every target accepted the
// action, 3 when it is queued but not yet delivered (the reason on stderr), 2 when there is no
// target for it.
#pragma once

#include "app/CommandLine.h"

class AppContext;

void startActionCommand(AppContext *context, const ActionRequest &request);
