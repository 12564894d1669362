// SPDX-License-Identifier: MIT
#include "IssueTracker.h"

#include "core/sources/connectors/common/FieldReader.h"

#include <QUrl>

QByteArray labelsParam(const QStringList &labels) {
    QByteArrayList encoded;
    for (const QString &label : labels)
        encoded.append(QUrl::toPercentEncoding(label));
    return encoded.join(',');
}

QStringList issueLabels(const WriteAction &action, const QStringList &configured) {
    QStringList labels;
    for (const QString &label : action.labels + configured) {
        const QString name = label.trimmed();
        if (!name.isEmpty() && !labels.contains(name))
            labels.append(name);
    }
    return labels;
}

void readCreatedIssue(const HttpResult &result, std::string_view idKey, std::string_view urlKey,
                      WriteOutcome *outcome) {
    const nlohmann::json root = jsonOrNull(result);
    if (!root.is_object())
        return;
    FieldReader read;
    outcome->createdId = read.id(root, QString(), idKey);
    if (!urlKey.empty())
        outcome->createdUrl = read.string(root, QString(), urlKey);
}

QString refusal(const HttpResult &result, const QString &vendor,
                QString (*message)(const HttpResult &)) {
    if (result.error != HttpError::HttpStatus || (result.status != 400 && result.status != 422))
        return {};
    const QString said = message(result);
    if (said.isEmpty())
        return {};
    return QStringLiteral("%1 refused it (HTTP %2): %3").arg(vendor).arg(result.status).arg(said);
}
