// SPDX-License-Identifier: MIT
#include "JsonWrite.h"

#include "core/sources/connectors/common/JsonFields.h"

using nlohmann::json;

namespace {
constexpr qsizetype maxErrorChars = 200;
}

void setJsonBody(HttpRequest *request, const json &body, const QByteArray &method,
                 const QByteArray &contentType) {
    request->method = method;
    // Replace rather than throw on text that is not UTF-8: a write must not crash the outbox.
    request->body = QByteArray::fromStdString(
        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    request->conditional = false;
    request->headers.append({QByteArrayLiteral("Content-Type"), contentType});
}

QString errorBodyText(const QByteArray &body) {
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith('<'))
        return {};
    QString text;
    const json parsed =
        json::parse(trimmed.constData(), trimmed.constData() + trimmed.size(), nullptr, false);
    if (parsed.is_string()) {
        text = utf8ToQString(&parsed.get_ref<const std::string &>());
    } else if (const std::string *message = jsonString(&parsed, "message")) {
        text = utf8ToQString(message);
    } else if (const std::string *error = jsonString(&parsed, "error")) {
        text = utf8ToQString(error);
    } else {
        text = QString::fromUtf8(trimmed.left(maxErrorChars * 4));
    }
    text = text.simplified();
    if (text.size() > maxErrorChars)
        text = text.left(maxErrorChars - 1) + QChar(0x2026);
    return text;
}
