// SPDX-License-Identifier: MIT
// `dutyboard state check`: where the lean state lives and whether it works. Prints the backend,
// the schema's version (and this binary's), the rows of each lean table, the changes waiting
// in this machine's journal, and whether LISTEN/NOTIFY carries a notice between two
// connections. Exit 0 when all is well, 1 otherwise. And `dutyboard state copy`.
#pragma once

#include "core/store/StoreLocation.h"

#include <cstdio>

// `where.journalPath` names this machine's file for the journal's count.
int checkState(const StoreLocation &where, std::FILE *out);

// `dutyboard state copy --from sqlite:PATH`: the desk's lean state at `sqlitePath` into the
// config's team store `to` (StateCopy); prints what was copied. Exit 0, or 1 when `to` is not
// a team store, does not answer, or the copy stopped.
int copyState(const QString &sqlitePath, const StoreLocation &to, std::FILE *out);
