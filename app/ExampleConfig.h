// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Writes an example config (every source type; the ones needing accounts under "_examples")
// to `path` unless a file is there. Returns a sentence saying what happened, for the user.
QString writeExampleConfig(const QString &path);
