// SPDX-License-Identifier: MIT
// When a server says "not before then": Retry-After and the vendors' reset headers.
#pragma once

#include "core/http/HttpRequest.h"

#include <QDateTime>

// The time before which the source must not be asked again, or an invalid QDateTime when the
// answer is not a rate limit. Reads 429 (and 403 with a rate-limit header saying 0 remaining,
// or with Retry-After: GitHub's secondary limit):
// Retry-After (seconds or HTTP date), X-RateLimit-Reset (epoch seconds or ISO 8601, Jira),
// ratelimit-reset (seconds from now, PagerDuty / IETF draft).
QDateTime rateLimitedUntil(const HttpResult &result, const QDateTime &now);

// A "not before" value as servers write it: seconds from now (or epoch seconds when large),
// ISO 8601, or an HTTP date ("Thu, 17 Apr 2025 11:17:18 GMT"; "UTC" for "GMT" is accepted, as
// incident.io writes it). Invalid when it is none of these.
QDateTime retryTimeFromText(const QByteArray &value, const QDateTime &now);

// What rateLimitedUntil() makes of a server's "not before": one minute when the server said
// nothing usable (invalid or past), at most one hour.
QDateTime boundedRetryTime(const QDateTime &until, const QDateTime &now);
