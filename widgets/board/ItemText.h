// SPDX-License-Identifier: MIT
// Small text helpers shared by the desktop and wall delegates.
#pragma once

#include <QString>
#include <QStringList>

// The trimmed, non-empty parts joined by `separator`: "open · Alice · alerts" without "·  ·".
QString joinNonEmpty(const QStringList &parts, const QString &separator);
