// SPDX-License-Identifier: MIT
#include "SourceHealth.h"

bool SourceHealth::operator==(const SourceHealth &o) const {
    return state == o.state && error == o.error && lastSuccess == o.lastSuccess &&
           lastAttempt == o.lastAttempt && retryAt == o.retryAt && rateLimited == o.rateLimited &&
           tlsVerifyOff == o.tlsVerifyOff;
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
