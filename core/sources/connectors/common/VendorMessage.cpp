// SPDX-License-Identifier: MIT
#include "VendorMessage.h"

#include "core/sources/connectors/common/FieldReader.h"

namespace {

constexpr int maxMessageChars = 300;

} // namespace

QString withVendorMessage(const QString &failure, const HttpResult &result,
                          const std::function<QString(const nlohmann::json &)> &extract) {
    if (failure.isEmpty() || result.error != HttpError::HttpStatus || result.body.isEmpty())
        return failure;
    QString message = extract(jsonOrNull(result)).simplified();
    if (message.isEmpty())
        return failure;
    if (message.size() > maxMessageChars)
        message = message.left(maxMessageChars - 1) + QChar(0x2026);
    return failure + QStringLiteral(": ") + message;
}
