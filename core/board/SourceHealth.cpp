// SPDX-License-Identifier: MIT
#include "SourceHealth.h"

bool SourceHealth::operator==(const SourceHealth &o) const {
    return state == o.state && error == o.error && lastSuccess == o.lastSuccess &&
           lastAttempt == o.lastAttempt && retryAt == o.retryAt && rateLimited == o.rateLimited &&
           tlsVerifyOff == o.tlsVerifyOff && replicasAnswering == o.replicasAnswering &&
           replicasTotal == o.replicasTotal && replicaErrors == o.replicaErrors &&
           unreadable == o.unreadable;
}

QString replicasText(const SourceHealth &health) {
    if (health.replicasTotal == 0)
        return {};
    return QStringLiteral("%1/%2 replicas").arg(health.replicasAnswering).arg(health.replicasTotal);
}

QString healthStateName(HealthState state) {
    switch (state) {
    case HealthState::Pending:
        return QStringLiteral("pending");
    case HealthState::Ok:
        return QStringLiteral("ok");
    case HealthState::Stale:
        return QStringLiteral("stale");
    case HealthState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

QString healthWarning(const SourceHealth &health) {
    return unreadableText(health.unreadable);
}

QString healthStateText(const SourceHealth &health) {
    const QString warning = healthWarning(health);
    const QString name = healthStateName(health.state);
    return warning.isEmpty() ? name : name + QStringLiteral(" \u00B7 ") + warning;
}
