// SPDX-License-Identifier: MIT
#include "NextPageUrl.h"

#include "core/sources/connectors/common/LinkHeader.h"

#include <QUrl>

namespace {

int effectivePort(const QUrl &url) {
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

QByteArray resolveNextPageUrl(const QByteArray &pageUrl, const QByteArray &link, QString *error) {
    const QUrl base = QUrl::fromEncoded(pageUrl);
    const QUrl target = QUrl::fromEncoded(link);
    if (target.isRelative())
        return base.resolved(target).toEncoded();
    if (target.scheme() != base.scheme() || target.host() != base.host() ||
        effectivePort(target) != effectivePort(base)) {
        *error = QStringLiteral("next page is on another server (%1): not followed")
                     .arg(target.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString());
        return {};
    }
    return link;
}

QByteArray nextLinkUrl(const HttpResult &result, const QByteArray &pageUrl, QString *error) {
    const QByteArray link = findLinkByRel(result.headers, QByteArrayLiteral("next"));
    return link.isEmpty() ? QByteArray() : resolveNextPageUrl(pageUrl, link, error);
}
