// SPDX-License-Identifier: MIT
#include "OwnershipKeeper.h"

#include "core/board/Board.h"
#include "core/lean/LeanActions.h"
#include "core/lean/LeanState.h"
#include "core/models/PanelModel.h"
#include "core/sources/Connector.h"

namespace {

const QString resolvedPrefix = QStringLiteral("resolved:");
const QString renewPrefix = QStringLiteral("renew:");

} // namespace

OwnershipKeeper::OwnershipKeeper(Board *board, LeanState *state, ConnectorLookup connectors,
                                 QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_state(state)
    , m_connectors(std::move(connectors)) {
    connect(board, &Board::sourceRefreshed, this, [this](const QString &source, bool ok, bool) {
        if (ok)
            check(source);
    });
}

bool OwnershipKeeper::isKeeperAction(const QString &actionId) {
    return actionId.startsWith(resolvedPrefix) || actionId.startsWith(renewPrefix);
}

void OwnershipKeeper::check(const QString &source) {
    const Connector *connector = m_connectors(source);
    if (!connector)
        return; // a source this screen does not read: left to one that does
    std::vector<Ownership> owned;
    for (const Ownership &o : m_state->ownerships()->all()) {
        if (o.source == source)
            owned.push_back(o);
    }
    if (owned.empty())
        return;
    const qint64 lifetimeS = connector->acknowledgementLifetimeS();
    for (const Ownership &o : owned) {
        // One lookup per owned item: a bad day lists 50,000 alerts.
        const Item *item = m_board->panel(o.kind)->find(source, o.itemId);
        // A silence not made yet cannot be expired: ended once its acknowledgement is in.
        if (!item && (!o.endsAt.isValid() || o.acknowledged.isValid()))
            end(o);
        else if (item && lifetimeS > 0 && o.endsAt.isValid() && o.acknowledged.isValid() &&
                 m_board->clock().now().secsTo(o.endsAt) < renewBeforeS)
            renew(o, *item, lifetimeS);
    }
}

void OwnershipKeeper::end(const Ownership &owned) {
    OwnershipChange change;
    change.op = OwnershipChange::Op::Release;
    change.ownership = owned;
    change.expectedActionId = owned.actionId;
    // Only what outlives the item in the source is undone (a silence would hide a re-fire); an
    // assignee on a closed issue, a resolved incident's acknowledgement, stay as history.
    const bool undo = owned.endsAt.isValid() && !owned.target.isEmpty();
    const Connector *target = undo ? m_connectors(owned.target) : nullptr;
    Item item;
    item.source = owned.source;
    item.id = owned.itemId;
    item.kind = owned.kind;
    item.title = owned.title;
    m_state->outbox()->submit(LeanActions::release(item, owned.owner, owned.reference),
                              target && target->supportsWrite(WriteKind::Release)
                                  ? QStringList{owned.target}
                                  : QStringList(),
                              resolvedPrefix + owned.actionId, OutboxGuard{{}, change});
    m_state->ownerships()->noteLocal(change);
    Q_EMIT notice(QStringLiteral("\u201C%1\u201D resolved: %2 owns it no more")
                      .arg(owned.title, owned.owner));
}

void OwnershipKeeper::renew(const Ownership &owned, const Item &item, qint64 lifetimeS) {
    const QDateTime now = m_board->clock().now();
    OwnershipChange change;
    change.op = OwnershipChange::Op::Renew;
    change.ownership = owned;
    change.ownership.endsAt = now.addSecs(lifetimeS);
    change.ownership.actionId = renewPrefix + owned.actionId + QLatin1Char(':') +
                                QString::number(owned.endsAt.toMSecsSinceEpoch());
    change.expectedEndsAt = owned.endsAt;
    m_state->outbox()->submit(
        // From the same start: Alertmanager extends a silence in place only when it keeps it.
        LeanActions::acknowledge(item, owned.owner, owned.since, change.ownership.endsAt,
                                 owned.reference),
        {owned.target}, change.ownership.actionId, OutboxGuard{{}, change});
    m_state->ownerships()->noteLocal(change);
}
