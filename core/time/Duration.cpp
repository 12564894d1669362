// SPDX-License-Identifier: MIT
#include "Duration.h"

qint64 parseDuration(const QString &text) {
    qint64 total = 0;
    qsizetype i = 0;
    if (text.isEmpty())
        return -1;
    while (i < text.size()) {
        qint64 n = 0;
        const qsizetype digits = i;
        while (i < text.size() && text[i].isDigit() && n < 1000000000)
            n = n * 10 + text[i++].digitValue();
        if (i == digits || i >= text.size())
            return -1;
        switch (text[i++].toLower().unicode()) {
        case 's':
            total += n;
            break;
        case 'm':
            total += n * 60;
            break;
        case 'h':
            total += n * 3600;
            break;
        case 'd':
            total += n * 86400;
            break;
        case 'w':
            total += n * 7 * 86400;
            break;
        default:
            return -1;
        }
    }
    return total;
}
