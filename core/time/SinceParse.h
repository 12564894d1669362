// SPDX-License-Identifier: MIT
// A period's start as a person types it on the command line: "7d", "36h", "90m" before `now`,
// or a date or timestamp ("2026-11-30", midnight UTC; "2026-11-30T09:00Z"). Pure.
#pragma once

#include <QDateTime>
#include <QString>

// Invalid, with `error` for a person, when `text` is neither (or lies after `now`).
QDateTime parseSince(const QString &text, const QDateTime &now, QString *error);
