// SPDX-License-Identifier: MIT
// Next-page links (Link headers, next URLs in a body) resolved and checked before they are
// followed with the source's credentials.
#pragma once

#include "core/http/HttpRequest.h"

#include <QByteArray>
#include <QString>

// `link` (absolute, or relative to `pageUrl` as a browser resolves it: "/x?page=2", "?page=2")
// as an absolute URL. Empty, with `error` said for a person, when it leaves the server of
// `pageUrl` (scheme, host or port differ), so the token never goes elsewhere.
QByteArray resolveNextPageUrl(const QByteArray &pageUrl, const QByteArray &link, QString *error);

// The answer's Link rel="next" target resolved against `pageUrl` as above; empty when there is
// none, or (with `error` set) when it leads to another server.
QByteArray nextLinkUrl(const HttpResult &result, const QByteArray &pageUrl, QString *error);
