// SPDX-License-Identifier: MIT
// `dutyboard andon raise|resolve`, `incident declare`: one action through the same outbox as the
// window. What earlier runs left queued goes first. Exits 0 when every target accepted the
// action, 3 when it is queued but not yet delivered (the reason on stderr), 2 when there is no
// target for it.
#pragma once

#include "app/CommandLine.h"

#include <QString>
#include <QStringList>

class AppContext;

void startActionCommand(AppContext *context, const ActionRequest &request);

// Waits for the outbox to settle, says what became of `actionId` (named `verb`), and exits 0
// (delivered to `targets`), 3 (queued) or 2 (refused: someone else's claim).
void reportWhenSettled(AppContext *context, const QString &verb, const QString &actionId,
                       const QStringList &targets);
