// SPDX-License-Identifier: MIT
#include "HttpRequest.h"

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value) {
    headers.removeIf([&name](const QPair<QByteArray, QByteArray> &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    headers.append({name, value});
}

QByteArray HttpResult::header(const QByteArray &lowerName) const {
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

QString httpErrorName(HttpError error) {
    switch (error) {
    case HttpError::None:
        return QStringLiteral("none");
    case HttpError::Dns:
        return QStringLiteral("dns");
    case HttpError::Connect:
        return QStringLiteral("connect");
    case HttpError::Timeout:
        return QStringLiteral("timeout");
    case HttpError::Tls:
        return QStringLiteral("tls");
    case HttpError::HttpStatus:
        return QStringLiteral("http");
    case HttpError::BodyTooLarge:
        return QStringLiteral("too-large");
    case HttpError::Other:
        break;
    }
    return QStringLiteral("other");
}
