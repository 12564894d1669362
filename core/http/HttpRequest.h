// SPDX-License-Identifier: MIT
// What the HTTP client is asked to do and what it answers: plain values, safe to copy across
// threads.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct TlsOptions {
    bool verify = true; // off only by explicit per-source config, and then shown as a warning
    QString caFile;     // custom CA bundle
    QString clientCert; // PEM client certificate
    QString clientKey;  // PEM client key
};

struct HttpRequest {
    QByteArray method = "GET";
    QByteArray url;
    HttpHeaders headers;
    QByteArray body;
    int timeoutMs = 20000;
    qint64 maxBodyBytes = 64LL * 1024 * 1024;
    bool conditional = true; // send If-None-Match with the last ETag seen for this URL
    // Off when a credential travels in a custom header: libcurl strips only Authorization and
    // cookies when a redirect leaves the host, so such a request must not follow redirects.
    bool followRedirects = true;
    TlsOptions tls;
    QByteArray proxy; // empty: libcurl honours http_proxy / https_proxy / no_proxy

    // Sets a header, replacing any of that name (case-insensitively): a vendor's own Accept.
    void setHeader(const QByteArray &name, const QByteArray &value);
};

enum class HttpError {
    None,
    Dns,
    Connect,
    Timeout,
    Tls,
    HttpStatus, // the server answered with a status >= 400
    BodyTooLarge,
    Other,
};

struct HttpResult {
    HttpError error = HttpError::None;
    QString errorText; // libcurl's words or ours; never contains request headers
    int status = 0;
    HttpHeaders headers; // names lower-cased
    QByteArray body;
    bool notModified = false; // the server said 304: body is the cached one for this URL
    double totalMs = 0;
    double connectMs = 0;
    double firstByteMs = 0;

    bool ok() const { return error == HttpError::None; }
    // First header of that (lower-case) name, or empty.
    QByteArray header(const QByteArray &lowerName) const;
};

// Short name for logs and health: "dns", "connect", "timeout", "tls", "http", "too-large", "other".
QString httpErrorName(HttpError error);

Q_DECLARE_METATYPE(HttpResult)
