// SPDX-License-Identifier: MIT
#include "ItemText.h"

QString joinNonEmpty(const QStringList &parts, const QString &separator) {
    QStringList kept;
    for (const QString &p : parts) {
        if (!p.trimmed().isEmpty())
            kept.append(p.trimmed());
    }
    return kept.join(separator);
}
