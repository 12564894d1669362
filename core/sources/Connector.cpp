// SPDX-License-Identifier: MIT
#include "Connector.h"

#include "core/http/RateLimit.h"
#include "core/http/ResponseCheck.h"
#include "core/http/UrlJoin.h"

namespace {

bool secretInCustomHeader(const HttpRequest &request, const QByteArray &secret) {
    if (secret.isEmpty())
        return false;
    for (const auto &header : request.headers) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) != 0 &&
            header.second.contains(secret))
            return true;
    }
    return false;
}

} // namespace

Connector::Connector(SourceConfig config)
    : m_config(std::move(config)) {}

Connector::~Connector() = default;

HttpRequest Connector::makeRequest(const QByteArray &pathAndQuery) const {
    HttpRequest request;
    request.url = joinUrl(m_config.url, pathAndQuery);
    request.timeoutMs = m_config.timeoutS * 1000;
    request.maxBodyBytes = qint64(m_config.maxBodyMb) * 1024 * 1024;
    request.tls = m_config.tls;
    request.proxy = m_config.proxy;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    applyAuth(request);
    request.followRedirects = !secretInCustomHeader(request, m_config.auth.secret);
    return request;
}

void Connector::applyAuth(HttpRequest &request) const {
    const AuthConfig &auth = m_config.auth;
    if (auth.type == QLatin1String("bearer") || auth.type == QLatin1String("vendor")) {
        request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + auth.secret});
    } else if (auth.type == QLatin1String("basic")) {
        const QByteArray pair = auth.user.toUtf8() + ':' + auth.secret;
        request.headers.append({QByteArrayLiteral("Authorization"), "Basic " + pair.toBase64()});
    } else if (auth.type == QLatin1String("header")) {
        request.headers.append({auth.headerName, auth.secret});
    }
}

QStringList Connector::writeTargets(WriteKind) const {
    return {m_config.name};
}

const Connector *Connector::replica(const QString &) const {
    return nullptr;
}

HttpRequest Connector::onReplica(HttpRequest request, int index) const {
    const QByteArrayList urls = m_config.replicaUrls();
    if (index <= 0 || index >= urls.size())
        return request;
    QByteArray base = m_config.url;
    while (base.endsWith('/'))
        base.chop(1);
    if (request.url.startsWith(base))
        request.url = joinUrl(urls[index], request.url.mid(base.size()));
    return request;
}

QString Connector::describeFailure(const HttpResult &result) const {
    // The cap is the source's own: name the key that raises it.
    if (result.error == HttpError::BodyTooLarge)
        return describeHttpFailure(result) + QStringLiteral(" (max_body_mb)");
    return describeHttpFailure(result);
}

QDateTime Connector::rateLimitedUntil(const HttpResult &result, const QDateTime &now) const {
    return ::rateLimitedUntil(result, now);
}

bool Connector::supportsWrite(WriteKind) const {
    return false;
}

HttpRequest Connector::writeRequest(const WriteAction &) const {
    return {};
}

WriteOutcome Connector::parseWriteResult(const WriteAction &, const HttpResult &result) const {
    WriteOutcome outcome;
    outcome.retryAt = rateLimitedUntil(result, clock().now());
    outcome.error = describeFailure(result);
    outcome.accepted = outcome.error.isEmpty() && result.status >= 200 && result.status < 300;
    if (!outcome.accepted && outcome.error.isEmpty())
        outcome.error = QStringLiteral("HTTP %1").arg(result.status);
    return outcome;
}
