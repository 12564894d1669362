// SPDX-License-Identifier: MIT
// The report's inputs from a running board: its items, who is on duty, who owns what (this
// screen's view, newer than the store's), the lean config and the objectives, with what the
// state holds for the period (HandoverState, read on the store's thread). The command line and
// the dialog build the report the same way.
#pragma once

#include "core/handover/HandoverStore.h"

class Board;
class OnDuty;
class Ownerships;

// `ownerships` may be null (no lean state): the state's are used.
HandoverInputs handoverInputsOf(const Board &board, const OnDuty &onDuty,
                                const Ownerships *ownerships, const LeanConfig &lean,
                                const Objectives &objectives, HandoverState state,
                                const QDateTime &now);
