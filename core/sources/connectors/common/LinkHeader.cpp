// SPDX-License-Identifier: MIT
#include "LinkHeader.h"

namespace {

QByteArray unquote(QByteArray value) {
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

bool hasRelation(const QByteArray &params, const QByteArray &rel) {
    for (const QByteArray &param : params.split(';')) {
        const qsizetype eq = param.indexOf('=');
        if (eq < 0 || param.left(eq).trimmed().toLower() != "rel")
            continue;
        for (const QByteArray &word : unquote(param.mid(eq + 1)).split(' ')) {
            if (word.compare(rel, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

QByteArray findLinkByRel(const QByteArray &header, const QByteArray &rel) {
    qsizetype pos = 0;
    while (pos < header.size()) {
        const qsizetype open = header.indexOf('<', pos);
        if (open < 0)
            break;
        const qsizetype close = header.indexOf('>', open + 1);
        if (close < 0)
            break;
        // The parameters run to the next comma outside quotes (a URL may hold commas too,
        // which is why the target is cut at '>' first).
        qsizetype end = close + 1;
        bool quoted = false;
        for (; end < header.size(); ++end) {
            const char c = header.at(end);
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                break;
        }
        if (hasRelation(header.mid(close + 1, end - close - 1), rel))
            return header.mid(open + 1, close - open - 1).trimmed();
        pos = end + 1;
    }
    return {};
}

QByteArray findLinkByRel(const HttpHeaders &headers, const QByteArray &rel) {
    for (const auto &header : headers) {
        if (header.first.compare("link", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray target = findLinkByRel(header.second, rel);
        if (!target.isEmpty())
            return target;
    }
    return {};
}
