// SPDX-License-Identifier: MIT
#include "HandoverInputsOf.h"

#include "core/board/Board.h"
#include "core/lean/OnDuty.h"
#include "core/ownership/Ownerships.h"

HandoverInputs handoverInputsOf(const Board &board, const OnDuty &onDuty,
                                const Ownerships *ownerships, const LeanConfig &lean,
                                const Objectives &objectives, HandoverState state,
                                const QDateTime &now) {
    HandoverInputs in;
    in.now = now;
    in.since = state.since;
    in.sinceLastHandover = state.sinceLastHandover;
    in.onDuty = onDuty.person();
    for (ItemKind kind : allItemKinds) {
        const Items &items = board.panel(kind)->items();
        in.items.insert(in.items.end(), items.begin(), items.end());
    }
    in.ownerships =
        ownerships && ownerships->isLoaded() ? ownerships->all() : std::move(state.ownerships);
    in.clocks = std::move(state.clocks);
    in.decisions = std::move(state.decisions);
    in.triagedInPeriod = std::move(state.triagedInPeriod);
    in.samples = std::move(state.samples);
    in.outbox = std::move(state.outbox);
    in.objectives = objectives;
    in.lean = lean;
    in.notes = std::move(state.notes);
    return in;
}
