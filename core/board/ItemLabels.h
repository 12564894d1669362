// SPDX-License-Identifier: MIT
// Reading Item::labels, kept as `name="value"` (quotes and backslashes escaped, as Alertmanager's
// matchers write them).
#pragma once

#include <QString>
#include <QStringList>

// The value of label `name`, unescaped; false when the item has no such label.
bool itemLabelValue(const QStringList &labels, const QString &name, QString *value);
