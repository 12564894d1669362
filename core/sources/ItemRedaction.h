// SPDX-License-Identifier: MIT
// A server that echoes a credential back (in an error, in an item's text) must not get it onto
// the screen, into --print or into the saved snapshot.
#pragma once

#include "core/board/Item.h"

// Every text field of every item through redactSecrets().
void redactSecretsIn(Items *items);
