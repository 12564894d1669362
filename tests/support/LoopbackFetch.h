// SPDX-License-Identifier: MIT
// HttpClient tests' common steps against a LoopbackHttpServer: a GET on it, and one request
// waited for where a missing callback stays visible (unlike fetchAndWait in SourceProbe.h,
// which turns it into an error result).
#pragma once

#include "core/http/HttpClient.h"
#include "demo/loopback/LoopbackHttpServer.h"

#include <optional>

// How long tryFetch() and the tests' QTRY_* wait for HttpClient's callbacks.
constexpr int kFetchWaitMs = 5000;

// GET `path` (with its query) on `server`, timing out after 3 s.
HttpRequest loopbackGet(const LoopbackHttpServer &server, const QByteArray &path);

// Runs one request and waits for its callback (on this thread) up to kFetchWaitMs; nullopt if
// it never came.
std::optional<HttpResult> tryFetch(HttpClient &client, const HttpRequest &request);
