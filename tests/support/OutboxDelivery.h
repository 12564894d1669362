// SPDX-License-Identifier: MIT
// One write sent the way the lean workflow sends it: stored in a real Outbox (a fresh store),
// then sent through the connector, every step of a multi-step write in one attempt.
#pragma once

#include "core/lean/OutboxTable.h"
#include "core/sources/Connector.h"

// The row once its first attempt ended: state "delivered" (with what the source made), or
// still "pending" with lastError. A row that did not end within `timeoutMs` is "pending" with
// lastError "no answer from the outbox".
OutboxEntry deliverThroughOutbox(const Connector &connector, const WriteAction &action,
                                 int timeoutMs = 10000);
