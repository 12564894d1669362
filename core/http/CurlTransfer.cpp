// SPDX-License-Identifier: MIT
#include "CurlTransfer.h"

#include <QFile>

#include <algorithm>

namespace {

constexpr long kMaxRedirects = 5;
constexpr int kMaxConnectTimeoutMs = 10000;

bool isTlsError(CURLcode code) {
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return true;
    default:
        return false;
    }
}

HttpError classify(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return HttpError::Dns;
    case CURLE_COULDNT_CONNECT:
        return HttpError::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return HttpError::Timeout;
    default:
        return isTlsError(code) ? HttpError::Tls : HttpError::Other;
    }
}

// A TLS 1.3 server refuses a client (no certificate, an unknown one) after the handshake, so
// libcurl meets the server's alert while reading: still a TLS error for a person.
bool isTlsAlert(CURLcode code, const QByteArray &text) {
    return (code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR) &&
           text.contains("SSL routines") && text.contains("alert");
}

bool hasLineBreak(const QByteArray &text) {
    return text.contains('\r') || text.contains('\n');
}

bool hasHeader(const HttpHeaders &headers, const QByteArray &lowerName) {
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&](const auto &h) { return h.first.toLower() == lowerName; });
}

// `headers` already has lower-case names.
QByteArray firstHeader(const HttpHeaders &headers, const QByteArray &lowerName) {
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

double millis(CURL *easy, CURLINFO info) {
    curl_off_t micros = 0;
    curl_easy_getinfo(easy, info, &micros);
    return static_cast<double>(micros) / 1000.0;
}

} // namespace

CurlTransfer::CurlTransfer(CURL *easy, const HttpRequest &request, const QByteArray &ifNoneMatch)
    : m_easy(easy)
    , m_request(request) {
    set(CURLOPT_URL, m_request.url.constData());
    set(CURLOPT_PRIVATE, static_cast<void *>(this));
    set(CURLOPT_ERRORBUFFER, m_errorBuffer);
    set(CURLOPT_NOSIGNAL, 1L);
    // Dropping a transfer mid-resolve (client destroyed) must not wait for the resolver thread.
    set(CURLOPT_QUICK_EXIT, 1L);
    set(CURLOPT_USERAGENT, "dutyboard/" DUTYBOARD_VERSION);
    // Only HTTP(S), also after a redirect: a Location header must not reach file:// or others.
    set(CURLOPT_PROTOCOLS_STR, "http,https");
    set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1L : 0L);
    set(CURLOPT_MAXREDIRS, kMaxRedirects);
    set(CURLOPT_ACCEPT_ENCODING, ""); // every encoding libcurl decodes (gzip at least)
    set(CURLOPT_TCP_KEEPALIVE, 1L);
    set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L); // a proxy's CONNECT answer is not the response

    // A zero or negative timeout is a configuration slip, not "wait forever".
    const long timeoutMs = m_request.timeoutMs > 0 ? m_request.timeoutMs : HttpRequest().timeoutMs;
    set(CURLOPT_TIMEOUT_MS, timeoutMs);
    set(CURLOPT_CONNECTTIMEOUT_MS, std::min<long>(timeoutMs, kMaxConnectTimeoutMs));

    const TlsOptions &tls = m_request.tls;
    set(CURLOPT_SSL_VERIFYPEER, tls.verify ? 1L : 0L);
    set(CURLOPT_SSL_VERIFYHOST, tls.verify ? 2L : 0L);
    if (!tls.caFile.isEmpty())
        set(CURLOPT_CAINFO, QFile::encodeName(tls.caFile).constData());
    if (!tls.clientCert.isEmpty())
        set(CURLOPT_SSLCERT, QFile::encodeName(tls.clientCert).constData());
    if (!tls.clientKey.isEmpty())
        set(CURLOPT_SSLKEY, QFile::encodeName(tls.clientKey).constData());
    if (!m_request.proxy.isEmpty())
        set(CURLOPT_PROXY, m_request.proxy.constData());

    set(CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeader);
    set(CURLOPT_HEADERDATA, static_cast<void *>(this));
    set(CURLOPT_WRITEFUNCTION, &CurlTransfer::onBody);
    set(CURLOPT_WRITEDATA, static_cast<void *>(this));

    setupMethod();
    setupHeaders(ifNoneMatch);
}

CurlTransfer::~CurlTransfer() {
    curl_slist_free_all(m_headerList);
}

template <typename T> void CurlTransfer::set(CURLoption option, T value) {
    const CURLcode code = curl_easy_setopt(m_easy, option, value);
    if (code != CURLE_OK && m_setupError.isEmpty())
        m_setupError = QString::fromUtf8(curl_easy_strerror(code));
}

void CurlTransfer::setupMethod() {
    const QByteArray method = m_request.method.toUpper();
    if (method == "GET") {
        set(CURLOPT_HTTPGET, 1L);
        return;
    }
    if (method == "HEAD") {
        set(CURLOPT_NOBODY, 1L);
        return;
    }
    if (method.isEmpty() || hasLineBreak(method) || method.contains(' ')) {
        m_setupError = QStringLiteral("invalid HTTP method");
        return;
    }
    if (!m_request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
        // The size first, so COPYPOSTFIELDS copies exactly that many bytes (the body may hold
        // NULs).
        set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(m_request.body.size()));
        set(CURLOPT_COPYPOSTFIELDS, m_request.body.constData());
    }
    if (method != "POST")
        set(CURLOPT_CUSTOMREQUEST, method.constData());
}

void CurlTransfer::setupHeaders(const QByteArray &ifNoneMatch) {
    const auto append = [this](const QByteArray &line) {
        curl_slist *grown = curl_slist_append(m_headerList, line.constData());
        if (grown)
            m_headerList = grown;
        else if (m_setupError.isEmpty())
            m_setupError = QStringLiteral("out of memory for request headers");
    };
    for (const auto &[name, value] : m_request.headers) {
        if (name.isEmpty() || name.contains(':') || hasLineBreak(name) || hasLineBreak(value)) {
            m_setupError = QStringLiteral("invalid request header (bad name or line break)");
            return;
        }
        // "Name;" is libcurl's spelling of a header with an empty value ("Name:" removes it).
        append(value.isEmpty() ? name + ';' : name + ": " + value);
    }
    // We send exactly what the caller asked for: no default form Content-Type, no 100-continue
    // round trip.
    if (!hasHeader(m_request.headers, "content-type"))
        append(QByteArrayLiteral("Content-Type:"));
    if (!hasHeader(m_request.headers, "expect"))
        append(QByteArrayLiteral("Expect:"));
    if (!ifNoneMatch.isEmpty() && !hasLineBreak(ifNoneMatch) &&
        !hasHeader(m_request.headers, "if-none-match")) {
        append("If-None-Match: " + ifNoneMatch);
        m_sentConditional = true;
    }
    set(CURLOPT_HTTPHEADER, m_headerList);
}

size_t CurlTransfer::onHeader(char *data, size_t size, size_t count, void *self) {
    auto *t = static_cast<CurlTransfer *>(self);
    const size_t n = size * count;
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(n)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new response (after a redirect or a 100 Continue): only the last one counts.
        t->m_headers.clear();
        t->m_body.clear();
        const QList<QByteArray> parts = line.split(' ');
        t->m_status = parts.size() > 1 ? parts.at(1).toInt() : 0;
        return n;
    }
    if (line.isEmpty())
        return t->headersDone() ? n : 0;
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->m_headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    return n;
}

bool CurlTransfer::headersDone() {
    // Bodies that are never delivered: informational, redirects, 204/304 and HEAD.
    const bool bodyless = m_status < 200 || (m_status >= 300 && m_status < 400) ||
                          m_status == 204 || m_request.method.toUpper() == "HEAD";
    if (bodyless)
        return true;
    const QByteArray lengthText = firstHeader(m_headers, "content-length");
    bool known = false;
    const qint64 length = lengthText.toLongLong(&known);
    if (!known || length < 0)
        return true;
    if (length > m_request.maxBodyBytes) {
        m_tooLarge = true; // refuse before a single body byte arrives
        return false;
    }
    m_body.reserve(static_cast<qsizetype>(length));
    return true;
}

size_t CurlTransfer::onBody(char *data, size_t size, size_t count, void *self) {
    auto *t = static_cast<CurlTransfer *>(self);
    const qint64 n = static_cast<qint64>(size * count);
    if (t->m_body.isEmpty()) {
        // Second line of defence after headersDone(): libcurl's own view of the length.
        curl_off_t declared = -1;
        curl_easy_getinfo(t->m_easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &declared);
        if (declared > t->m_request.maxBodyBytes) {
            t->m_tooLarge = true;
            return 0;
        }
        // One allocation for a 20 MB answer, not a growing buffer copied again and again.
        if (declared > 0)
            t->m_body.reserve(static_cast<qsizetype>(declared));
    }
    if (t->m_body.size() + n > t->m_request.maxBodyBytes) {
        t->m_tooLarge = true;
        return 0; // libcurl aborts with CURLE_WRITE_ERROR
    }
    t->m_body.append(data, static_cast<qsizetype>(n));
    return size * count;
}

HttpResult CurlTransfer::finish(CURLcode code) {
    HttpResult result;
    long status = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
    result.status = static_cast<int>(status);
    result.headers = std::move(m_headers);
    result.body = std::move(m_body);
    result.totalMs = millis(m_easy, CURLINFO_TOTAL_TIME_T);
    result.connectMs = millis(m_easy, CURLINFO_CONNECT_TIME_T);
    result.firstByteMs = millis(m_easy, CURLINFO_STARTTRANSFER_TIME_T);

    if (m_tooLarge) {
        result.error = HttpError::BodyTooLarge;
        result.errorText = QStringLiteral("larger than %1").arg(sizeText(m_request.maxBodyBytes));
    } else if (code != CURLE_OK) {
        const QByteArray text = m_errorBuffer[0] != '\0' ? QByteArray(m_errorBuffer)
                                                         : QByteArray(curl_easy_strerror(code));
        result.error = isTlsAlert(code, text) ? HttpError::Tls : classify(code);
        result.errorText = redact(QString::fromUtf8(text.trimmed()));
    } else if (result.status >= 400) {
        result.error = HttpError::HttpStatus;
        result.errorText = QStringLiteral("HTTP %1").arg(result.status);
        return result; // the body of an error page helps the person reading it
    } else {
        return result;
    }
    result.body.clear(); // a partial body is never usable
    return result;
}

QString CurlTransfer::redact(QString text) const {
    // libcurl's messages do not quote request headers, but a token must never reach a log even
    // if one day they do.
    for (const auto &header : m_request.headers) {
        // The whole value, then its words long enough to be a token ("Bearer abc…" → "abc…").
        if (header.second.size() >= 4)
            text.replace(QString::fromUtf8(header.second), QStringLiteral("[redacted]"));
        for (const QByteArray &word : header.second.split(' ')) {
            if (word.size() >= 8)
                text.replace(QString::fromUtf8(word), QStringLiteral("[redacted]"));
        }
    }
    return text;
}

QString CurlTransfer::sizeText(qint64 bytes) {
    constexpr qint64 kib = 1024;
    constexpr qint64 mib = kib * 1024;
    if (bytes >= mib && bytes % mib == 0)
        return QStringLiteral("%1 MiB").arg(bytes / mib);
    if (bytes >= kib && bytes % kib == 0)
        return QStringLiteral("%1 KiB").arg(bytes / kib);
    return QStringLiteral("%1 bytes").arg(bytes);
}
