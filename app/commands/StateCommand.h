// SPDX-License-Identifier: MIT
// `dutyboard state check`: where the lean state lives and whether it works. Prints the backend,
// the schema's version (and this binary's), the rows of each lean table, the changes waiting
// in this machine's journal, and whether LISTEN/NOTIFY carries a notice between two
// connections. Exit 0 when all is well, 1 otherwise.
#pragma once

#include "core/store/StoreLocation.h"

#include <cstdio>

// `where.journalPath` names this machine's file for the journal's count.
int checkState(const StoreLocation &where, std::FILE *out);
