// SPDX-License-Identifier: MIT
#include "Clock.h"

const Clock &Clock::system() {
    static const Clock clock;
    return clock;
}
