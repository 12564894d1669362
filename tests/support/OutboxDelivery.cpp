// SPDX-License-Identifier: MIT
#include "OutboxDelivery.h"

#include "core/http/HttpClient.h"
#include "core/lean/Outbox.h"
#include "core/store/Store.h"
#include "tests/support/TestStateStore.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

OutboxEntry deliverThroughOutbox(const Connector &connector, const WriteAction &action,
                                 int timeoutMs) {
    OutboxEntry entry;
    entry.lastError = QStringLiteral("no answer from the outbox");
    QTemporaryDir dir;
    Store store(testStateLocation(dir.filePath(QStringLiteral("outbox.sqlite"))));
    QString notice;
    if (!store.open(&notice)) {
        entry.lastError = QStringLiteral("store: ") + notice;
        return entry;
    }
    HttpClient http;
    const QString target = connector.config().name;
    Outbox outbox(&store, &http, [&connector, target](const QString &name) {
        return name == target ? &connector : nullptr;
    });
    outbox.start();
    bool ended = false;
    const auto end = [&entry, &ended](const OutboxEntry &row) {
        if (!ended)
            entry = row;
        ended = true;
    };
    QObject::connect(&outbox, &Outbox::delivered, end);
    QObject::connect(&outbox, &Outbox::attemptFailed, end);
    if (outbox.submit(action, {target}).isEmpty()) {
        entry.lastError = QStringLiteral("the outbox refused the action");
        return entry;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!ended && !deadline.hasExpired())
        QTest::qWait(20);
    return entry;
}
