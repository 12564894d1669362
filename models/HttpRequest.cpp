// SPDX-License-Identifier: MIT
#include "HttpRequest.h"

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
