// SPDX-License-Identifier: MIT
#include "UrlJoin.h"

QByteArray joinUrl(const QByteArray &base, const QByteArray &pathOrUrl) {
    if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://"))
        return pathOrUrl;
    if (pathOrUrl.isEmpty())
        return base;
    QByteArray left = base;
    while (left.endsWith('/'))
        left.chop(1);
    return pathOrUrl.startsWith('/') ? left + pathOrUrl : left + '/' + pathOrUrl;
}
