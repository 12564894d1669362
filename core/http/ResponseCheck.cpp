// SPDX-License-Identifier: MIT
#include "ResponseCheck.h"

namespace {

bool looksLikeHtml(const QByteArray &body) {
    const QByteArray head = body.left(512).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") ||
           head.contains("<head") || head.contains("<body");
}

// One pass over the bytes, skipping strings. (nlohmann's parser callback would do it too, but
// it rescans the parent container on every object end: quadratic on big arrays.)
bool nestedTooDeep(const QByteArray &body) {
    int depth = 0;
    bool inString = false;
    const char *p = body.constData();
    const char *end = p + body.size();
    for (; p < end; ++p) {
        const char c = *p;
        if (inString) {
            if (c == '\\')
                ++p;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxJsonDepth)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

// What to change in the config for the common TLS failures.
QString tlsHint(const QString &error) {
    if (error.contains(QLatin1String("certificate required")))
        return QStringLiteral(": the server wants a client certificate (tls.client_cert, "
                              "tls.client_key)");
    if (error.contains(QLatin1String("unable to get local issuer certificate")) ||
        error.contains(QLatin1String("self-signed certificate")) ||
        error.contains(QLatin1String("self signed certificate")))
        return QStringLiteral(": set tls.ca_file to the CA that signed the server's certificate");
    return {};
}

} // namespace

QString describeHttpFailure(const HttpResult &result) {
    switch (result.error) {
    case HttpError::None:
        if (result.status >= 300 && result.status < 400 && result.status != 304)
            return QStringLiteral(
                       "redirected (HTTP %1) to %2: not followed because the source sends its "
                       "credential in a custom header; set the source URL to the final address")
                .arg(result.status)
                .arg(QString::fromUtf8(result.header("location")));
        return {};
    case HttpError::Dns:
        return QStringLiteral("unreachable (host name not found: %1)").arg(result.errorText);
    case HttpError::Connect:
        return QStringLiteral("unreachable (%1)").arg(result.errorText);
    case HttpError::Timeout:
        return QStringLiteral("timeout (%1)").arg(result.errorText);
    case HttpError::Tls:
        return QStringLiteral("TLS error (%1)%2").arg(result.errorText, tlsHint(result.errorText));
    case HttpError::BodyTooLarge:
        return QStringLiteral("response %1").arg(result.errorText);
    case HttpError::Other:
        return QStringLiteral("transfer failed (%1)").arg(result.errorText);
    case HttpError::HttpStatus:
        break;
    }
    const int s = result.status;
    if (s == 401 || s == 403)
        return QStringLiteral("token refused (HTTP %1)").arg(s);
    if (s == 404)
        return QStringLiteral("not found (HTTP 404): check the URL");
    if (s == 429)
        return QStringLiteral("rate-limited (HTTP 429)");
    if (s >= 500)
        return QStringLiteral("HTTP %1 from the server").arg(s);
    return QStringLiteral("HTTP %1").arg(s);
}

QString htmlInsteadOfJson(const QByteArray &body) {
    return looksLikeHtml(body) ? QStringLiteral("not JSON (got an HTML page: login?)") : QString();
}

QString jsonParseErrorText(std::size_t byte) {
    return QStringLiteral("not JSON (parse error at byte %1)").arg(byte);
}

QString jsonTooDeepText() {
    return QStringLiteral("not usable JSON (nested deeper than %1 levels)").arg(maxJsonDepth);
}

bool parseJsonBody(const HttpResult &result, nlohmann::json *out, QString *error) {
    const QByteArray &body = result.body;
    if (const QString html = htmlInsteadOfJson(body); !html.isEmpty()) {
        *error = html;
        return false;
    }
    if (nestedTooDeep(body)) {
        *error = jsonTooDeepText();
        return false;
    }
    try {
        *out = nlohmann::json::parse(body.constData(), body.constData() + body.size());
    } catch (const nlohmann::json::parse_error &e) {
        *error = jsonParseErrorText(e.byte);
        return false;
    } catch (const nlohmann::json::exception &e) {
        // A number beyond a double's range is out_of_range, not parse_error (found by fuzzing).
        *error = QStringLiteral("not usable JSON (%1)").arg(QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

QString wrongShape(const QString &pointer, const QString &expected) {
    return QStringLiteral("JSON of the wrong shape at %1: expected %2")
        .arg(pointer.isEmpty() ? QStringLiteral("/") : pointer, expected);
}
