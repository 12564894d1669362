// SPDX-License-Identifier: MIT
// Shared first look at an answer, before any connector reads it: failures said for a person.
#pragma once

#include "core/http/HttpRequest.h"

#include <nlohmann/json.hpp>

#include <QString>

// Empty when the transfer worked and the status is 2xx/304; otherwise a reason a person
// understands: "unreachable (connection refused)", "timeout", "TLS: …", "token refused (HTTP 401)",
// "HTTP 503 from the server", "response larger than 64 MiB".
QString describeHttpFailure(const HttpResult &result);

// Parses the body in place (no copy). On failure returns false and says why:
// "not JSON (got an HTML page: login?)", "not JSON (parse error at byte 17)".
bool parseJsonBody(const HttpResult &result, nlohmann::json *out, QString *error);

// Deeply nested JSON is never a real API answer; refusing it keeps the parser's memory bounded.
inline constexpr int maxJsonDepth = 512;
// The words parseJsonBody() uses, shared with the streaming reader (JsonStream.h).
QString htmlInsteadOfJson(const QByteArray &body); // empty unless the body is an HTML page
QString jsonParseErrorText(std::size_t byte);
QString jsonTooDeepText();

// "JSON of the wrong shape at /data/0/id: expected a string".
QString wrongShape(const QString &pointer, const QString &expected);
