// SPDX-License-Identifier: MIT
// One HTTP exchange on a libcurl easy handle: option setup, response collection and error
// classification. Internal to HttpClient's worker thread; not for other callers.
#pragma once

#include "core/http/HttpRequest.h"

#include <curl/curl.h>

#include <QtGlobal>

class CurlTransfer final {
    Q_DISABLE_COPY_MOVE(CurlTransfer)
public:
    // Sets every option on `easy` (owned by the caller, reset after the transfer). A non-empty
    // `ifNoneMatch` is sent as If-None-Match unless the request already carries one.
    CurlTransfer(CURL *easy, const HttpRequest &request, const QByteArray &ifNoneMatch);
    ~CurlTransfer();

    // Non-empty when the request could not even be set up (bad header, unknown option…).
    const QString &setupError() const { return m_setupError; }
    bool sentConditional() const { return m_sentConditional; }

    // The result once libcurl reports the transfer done with `code`. Call once.
    HttpResult finish(CURLcode code);

    // "64 MiB", "10 KiB", "1000 bytes".
    static QString sizeText(qint64 bytes);

private:
    template <typename T> void set(CURLoption option, T value);
    void setupMethod();
    void setupHeaders(const QByteArray &ifNoneMatch);
    bool headersDone();
    QString redact(QString text) const;

    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onBody(char *data, size_t size, size_t count, void *self);

    CURL *m_easy;
    HttpRequest m_request;
    curl_slist *m_headerList = nullptr;
    QString m_setupError;
    bool m_sentConditional = false;
    bool m_tooLarge = false;
    int m_status = 0; // of the response whose headers are being read
    HttpHeaders m_headers;
    QByteArray m_body;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
};
