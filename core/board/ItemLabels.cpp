// SPDX-License-Identifier: MIT
#include "ItemLabels.h"

bool itemLabelValue(const QStringList &labels, const QString &name, QString *value) {
    const qsizetype prefix = name.size() + 2; // name="
    for (const QString &label : labels) {
        if (label.size() <= prefix || !label.startsWith(name) ||
            label[name.size()] != QLatin1Char('=') || label[name.size() + 1] != QLatin1Char('"'))
            continue;
        // Quoted as the connector wrote it: \" and \\ inside.
        value->clear();
        for (qsizetype i = prefix; i < label.size() - 1; ++i) {
            if (label[i] == QLatin1Char('\\') && i + 1 < label.size() - 1)
                ++i;
            value->append(label[i]);
        }
        return true;
    }
    return false;
}
