// SPDX-License-Identifier: MIT
// A free TCP port on 127.0.0.1 for a server a test starts (Alertmanager, PostgreSQL).
#pragma once

#include <QtGlobal>

// Bound and released at once: the server takes it a moment later, so another process may take
// it first (a rare race: callers retry on "address already in use"). 0 when none is free.
quint16 freeLoopbackPort();
