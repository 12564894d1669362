// SPDX-License-Identifier: MIT
// What must hold for an action to go into the outbox, checked in the same transaction as its
// rows: a request's escalation claim (one bug per request), a change of ownership (one owner
// per item). Refused, nothing is written or sent.
#pragma once

#include "core/lean/EscalationTable.h"
#include "core/ownership/Ownership.h"

#include <optional>

struct OutboxGuard {
    std::optional<EscalationClaim> escalation;
    std::optional<OwnershipChange> ownership;
};
