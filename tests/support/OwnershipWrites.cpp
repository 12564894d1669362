// SPDX-License-Identifier: MIT
#include "OwnershipWrites.h"

#include "core/lean/Outbox.h"
#include "core/store/Store.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestStateStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

WriteAction ownershipAction(WriteKind kind, const QString &itemId, const char *by) {
    WriteAction action;
    action.kind = kind;
    action.itemId = itemId;
    action.raisedBy = QString::fromUtf8(by);
    action.title = QStringLiteral("the item's title");
    return action;
}

WriteOutcome sendSteps(const Connector &connector, WriteAction action) {
    WriteOutcome outcome;
    for (int step = 0; step < 4; ++step) {
        outcome = sendWrite(connector, action);
        if (!outcome.accepted || !outcome.next)
            return outcome;
        action = *outcome.next;
    }
    return outcome;
}

OutboxEntry sendThroughOutbox(const Connector &connector, const WriteAction &action) {
    QTemporaryDir dir;
    Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
    QString notice;
    if (!store.open(&notice))
        qFatal("state: %s", qPrintable(notice));
    HttpClient http;
    Outbox outbox(&store, &http, [&connector](const QString &name) -> const Connector * {
        return name == connector.config().name ? &connector : nullptr;
    });
    outbox.start();
    OutboxEntry result;
    const auto keep = [&result](const OutboxEntry &entry) { result = entry; };
    QObject::connect(&outbox, &Outbox::delivered, keep);
    QObject::connect(&outbox, &Outbox::attemptFailed, keep);
    outbox.submit(action, {connector.config().name});
    if (!QTest::qWaitFor([&result] { return result.attempts > 0; }, 10000))
        qWarning("the outbox did not send it within 10 s");
    return result;
}

nlohmann::json requestJson(const HttpServerRequest &request) {
    return nlohmann::json::parse(request.body.constData(),
                                 request.body.constData() + request.body.size(), nullptr, false);
}

Items fetchItems(const QByteArray &sourceJson) {
    SourceProbe probe(sourceJson);
    if (!probe.fetchOnce() || !probe.health().error.isEmpty())
        qWarning("fetch: %s", qPrintable(probe.health().error));
    return probe.items();
}

const Item *itemWithId(const Items &items, const QString &id) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&id](const Item &item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

QString ownerIn(const Items &items, const QString &id) {
    const Item *item = itemWithId(items, id);
    return item ? item->owner : QStringLiteral("<no item %1>").arg(id);
}
