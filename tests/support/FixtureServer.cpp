// SPDX-License-Identifier: MIT
#include "FixtureServer.h"

namespace {

HttpServerResponse htmlLoginPage() {
    HttpServerResponse response = HttpServerResponse::text(
        "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
        "<body><form action=\"/sso/login\"><input name=\"user\"></form></body></html>");
    response.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html")}};
    return response;
}

HttpServerResponse malformedJson() {
    return HttpServerResponse::json(R"({"issues": [{"key": "SRE-1", "fields": {"summary": )");
}

QDateTime wholeSecondsFromNow(int seconds) {
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + seconds, Qt::UTC);
}

} // namespace

FixtureServer::FixtureServer(Answer answer)
    : m_answer(std::move(answer))
    , m_resetAt(wholeSecondsFromNow(600))
    , m_server([this](const HttpServerRequest &request) {
        {
            QMutexLocker lock(&m_mutex);
            m_requests.append(request);
        }
        const FixtureFault fault = m_fault.load();
        if (fault == FixtureFault::HtmlLogin)
            return htmlLoginPage();
        if (fault == FixtureFault::Malformed)
            return malformedJson();
        return m_answer(request, fault);
    }) {}

FixtureServer::~FixtureServer() {
    m_server.stop();
}

bool FixtureServer::start() {
    return m_server.start();
}

QByteArray FixtureServer::baseUrl() const {
    return m_server.baseUrl();
}

QList<HttpServerRequest> FixtureServer::requests() const {
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void FixtureServer::clearRequests() {
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

HttpServerResponse FixtureServer::json(const nlohmann::json &body, int status) {
    return HttpServerResponse::json(QByteArray::fromStdString(body.dump()), status);
}

nlohmann::json FixtureServer::slice(const nlohmann::json &array, int from, int count) {
    nlohmann::json part = nlohmann::json::array();
    for (int i = from; i < from + count && i < int(array.size()); ++i)
        part.push_back(array[std::size_t(i)]);
    return part;
}

QUrlQuery FixtureServer::queryOf(const HttpServerRequest &request) {
    return QUrlQuery(QString::fromUtf8(request.query));
}

QStringList FixtureServer::queryValues(const HttpServerRequest &request, const QString &name) {
    QStringList values;
    for (const auto &[key, value] : queryOf(request).queryItems(QUrl::FullyDecoded)) {
        if (key == name)
            values.append(value);
    }
    return values;
}
