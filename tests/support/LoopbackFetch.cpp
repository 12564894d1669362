// SPDX-License-Identifier: MIT
#include "LoopbackFetch.h"

#include <QTest>

HttpRequest loopbackGet(const LoopbackHttpServer &server, const QByteArray &path) {
    HttpRequest request;
    request.url = server.baseUrl() + path;
    request.timeoutMs = 3000;
    return request;
}

std::optional<HttpResult> tryFetch(HttpClient &client, const HttpRequest &request) {
    std::optional<HttpResult> got;
    QObject context;
    client.send(request, &context, [&got](const HttpResult &r) { got = r; });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, kFetchWaitMs))
        return std::nullopt;
    return got;
}
