// SPDX-License-Identifier: MIT
// `dutyboard keyring set ENTRY` stores a secret in the desktop keyring, read from stdin (not
// echoed on a terminal, so it stays out of the shell's history and the screen);
// `dutyboard keyring delete ENTRY` removes it. The config then names the entry:
// "auth": {"type": "bearer", "token_keyring": "ENTRY"}.
#pragma once

#include <QString>

#include <cstdio>

// Exit 0 when the keyring did it; 1 with the keyring's reason on `err`; 2 for an empty secret.
int runKeyringCommand(const QString &command, const QString &entry, std::FILE *in, std::FILE *err);
