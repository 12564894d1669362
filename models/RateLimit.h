// SPDX-License-Identifier: MIT
// When a server says "not before then": Retry-After and the vendors' reset headers.
#pragma once

#include "HttpRequest.h"

#include <QDateTime>

// The time before which the source must not be asked again, or an invalid QDateTime when the
// answer is not a rate limit. Reads 429 (and 403 with a rate-limit header saying 0 remaining,
// or with Retry-After: GitHub's secondary limit):
// Retry-After (seconds or HTTP date), X-RateLimit-Reset (epoch seconds or ISO 8601, Jira),
// ratelimit-reset (seconds from now, PagerDuty / IETF draft).
QDateTime rateLimitedUntil(const HttpResult &result, const QDateTime &now);
