// SPDX-License-Identifier: MIT
// RFC 8288 (ex-5988) Link headers, as GitHub, GitLab and many REST APIs paginate with.
#pragma once

#include "core/http/HttpRequest.h"

#include <QByteArray>

// The target of the first link with that relation ("next") in one Link header value
// (`<https://h/x?page=2>; rel="next", <…>; rel="last"`), or empty. Relations compare
// case-insensitively; a link may carry several (`rel="next last"`).
QByteArray findLinkByRel(const QByteArray &linkHeader, const QByteArray &rel);

// The same over every "link" header of an answer (servers may send several).
QByteArray findLinkByRel(const HttpHeaders &headers, const QByteArray &rel);
