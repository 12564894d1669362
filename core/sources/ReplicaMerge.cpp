// SPDX-License-Identifier: MIT
#include "ReplicaMerge.h"

#include <QSet>
#include <QUrl>

QString replicaName(const QByteArray &url) {
    const QUrl parsed(QString::fromUtf8(url));
    if (parsed.host().isEmpty())
        return QString::fromUtf8(url);
    return parsed.port() > 0 ? parsed.host() + QLatin1Char(':') + QString::number(parsed.port())
                             : parsed.host();
}

FetchOutcome mergeReplicaAnswers(std::vector<ReplicaAnswer> answers) {
    FetchOutcome outcome;
    outcome.replicasTotal = static_cast<int>(answers.size());
    QSet<QString> seen;
    QDateTime earliestRetry;
    for (ReplicaAnswer &answer : answers) {
        if (!answer.ok) {
            outcome.replicaErrors.append(replicaName(answer.url) + QStringLiteral(": ") +
                                         answer.error);
            if (answer.retryAt.isValid() &&
                (!earliestRetry.isValid() || answer.retryAt < earliestRetry))
                earliestRetry = answer.retryAt;
            continue;
        }
        ++outcome.replicasAnswering;
        outcome.pages = 1;
        if (answer.unreadable.count > outcome.unreadable.count)
            outcome.unreadable = answer.unreadable;
        outcome.items.reserve(outcome.items.size() + answer.items.size());
        for (Item &item : answer.items) {
            if (!seen.contains(item.id)) {
                seen.insert(item.id);
                outcome.items.push_back(std::move(item));
            }
        }
    }
    outcome.ok = outcome.replicasAnswering > 0;
    if (!outcome.ok) {
        outcome.error = QStringLiteral("no replica answers: ") +
                        outcome.replicaErrors.join(QStringLiteral("; "));
        outcome.retryAt = earliestRetry; // only when every replica said when to come back
        for (const ReplicaAnswer &answer : answers) {
            if (!answer.retryAt.isValid())
                outcome.retryAt = QDateTime();
        }
    }
    return outcome;
}
