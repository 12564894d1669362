// SPDX-License-Identifier: MIT
// Handing freed memory back to the system, for a process that runs for weeks and whose big
// allocations are short-lived (an HTTP body, a parse): without it glibc keeps the peak.
#pragma once

// Once, at start: big blocks come from mmap and go back on free; few malloc arenas.
void configureMallocForLongRuns();
// Returns the free pages of every arena to the system (glibc malloc_trim; elsewhere nothing).
void returnFreedMemory();
