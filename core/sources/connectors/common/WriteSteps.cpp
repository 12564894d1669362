// SPDX-License-Identifier: MIT
#include "WriteSteps.h"

#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/JsonFields.h"

std::shared_ptr<const WriteAction> withLookup(const WriteAction &action, const QString &found) {
    auto next = std::make_shared<WriteAction>(action);
    next->lookups.append(found);
    return next;
}

WriteOutcome lookupStep(WriteOutcome checked, const WriteAction &action, const HttpResult &result,
                        std::string_view key, const QString &what) {
    if (!checked.accepted)
        return checked;
    const nlohmann::json root = jsonOrNull(result);
    const nlohmann::json *value = jsonMember(&root, key);
    QString found;
    if (value && value->is_string())
        found = utf8ToQString(value->get_ref<const std::string &>());
    else if (value && value->is_number_integer())
        found = QString::number(value->get<qint64>());
    if (found.isEmpty()) {
        checked.accepted = false;
        checked.error = QStringLiteral("%1 has no \"%2\"").arg(what, utf8ToQString(key));
        return checked;
    }
    checked.next = withLookup(action, found);
    return checked;
}
