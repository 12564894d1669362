// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

// "http://h/jira" + "/rest/api" -> "http://h/jira/rest/api" (exactly one slash; prefix kept).
// An absolute `pathOrUrl` (a next-page link) is returned as it is.
QByteArray joinUrl(const QByteArray &base, const QByteArray &pathOrUrl);
