// SPDX-License-Identifier: MIT
#include "MemoryReturn.h"

#include <cstdlib> // defines __GLIBC__ on glibc: test it only after a libc header

#ifdef __GLIBC__
#include <malloc.h>
#endif

void configureMallocForLongRuns() {
#ifdef __GLIBC__
    // A fixed threshold: glibc otherwise raises it after each big free, and a 4 MiB response
    // body then stays in the heap for good.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    // Each thread that allocates gets an arena of its own by default; five worker threads then
    // keep five sets of free pages.
    mallopt(M_ARENA_MAX, 2);
#endif
}

void returnFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
