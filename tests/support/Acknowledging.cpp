// SPDX-License-Identifier: MIT
#include "Acknowledging.h"

#include "core/lean/LeanActions.h"
#include "tests/support/SourceProbe.h"

WriteAction acknowledgeAction(const Item &item) {
    return LeanActions::acknowledge(item, QStringLiteral("victor"), QDateTime::currentDateTimeUtc(),
                                    QDateTime());
}

WriteAction releaseAction(const Item &item) {
    return LeanActions::release(item, QStringLiteral("victor"), QString());
}

QString ownerAndPeople(const Connector &connector, const QString &id) {
    for (const Item &item : fetchOutcome(connector.config()).items) {
        if (item.id == id)
            return item.owner + QStringLiteral(": ") + item.people.join(QStringLiteral(", "));
    }
    return QStringLiteral("not read");
}
