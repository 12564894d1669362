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
