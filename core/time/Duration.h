// SPDX-License-Identifier: MIT
// A duration as a person types it in a filter: "30s", "30m", "2h", "1d", "1w", or a sum such as
// "1h30m" (units in any case). Pure.
#pragma once

#include <QString>

// In seconds; -1 when `text` is not one.
qint64 parseDuration(const QString &text);
