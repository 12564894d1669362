// SPDX-License-Identifier: MIT
#include "DemoServer.h"

#include "DemoData.h"

DemoServer::DemoServer()
    : m_start(QDateTime::currentDateTimeUtc())
    , m_server(std::make_unique<LoopbackHttpServer>(
          [this](const HttpServerRequest &request) { return answer(request); })) {}

DemoServer::~DemoServer() {
    m_server->stop();
}

bool DemoServer::start() {
    return m_server->start(0);
}

QByteArray DemoServer::baseUrl() const {
    return m_server->baseUrl();
}

QByteArray DemoServer::config() const {
    return demoConfig(baseUrl());
}

HttpServerResponse DemoServer::answer(const HttpServerRequest &request) const {
    const qint64 elapsed = m_start.secsTo(QDateTime::currentDateTimeUtc()) + m_skipS.load();
    const DemoMoment moment{m_start, elapsed, m_server->baseUrl()};
    const QByteArray &path = request.path;
    if (path == "/alertmanager/api/v2/alerts")
        return HttpServerResponse::json(demoAlerts(moment));
    if (path == "/desk/api/requests")
        return HttpServerResponse::json(demoRequests(moment));
    if (path == "/tracker/api/bugs") {
        if (demoBugTrackerDown(elapsed))
            return HttpServerResponse::text("<html><body>502 Bad Gateway</body></html>", 502);
        return HttpServerResponse::json(
            demoBugs(moment, request.query.contains("cursor=page-2") ? 1 : 0));
    }
    if (path.startsWith("/item/"))
        return HttpServerResponse::text("<html><body><h1>dutyboard demo</h1><p>" + path.mid(6) +
                                        "</p></body></html>");
    return HttpServerResponse::text("not found", 404);
}
