// SPDX-License-Identifier: MIT
// Keeps acknowledgements true to the source after they are made: an owned item that its source
// no longer lists (resolved, closed) is owned no more, and what the acknowledgement made there
// that would outlive it (an Alertmanager silence) is expired at once; a silence of an alert
// that still fires is renewed before it ends. So an acknowledged alert is never silently
// dropped, and a resolved one never leaves a silence behind.
//
// Every screen runs one; the store decides which does each change (OwnershipChange's checks),
// and the outbox action ids are derived from the acknowledgement, so none is done twice.
#pragma once

#include "core/sources/ConnectorLookup.h"

#include <QObject>

class Board;
class LeanState;
struct Ownership;

class OwnershipKeeper final : public QObject {
    Q_OBJECT
public:
    // Renewed when less than this is left (of Connector::acknowledgementLifetimeS()).
    static constexpr qint64 renewBeforeS = 3600;

    OwnershipKeeper(Board *board, LeanState *state, ConnectorLookup connectors,
                    QObject *parent = nullptr);

    // Looks at the ownerships of `source` against its items on the board now (the board calls
    // it after each good answer of the source).
    void check(const QString &source);

    // Actions this keeper derives: another screen may have done them first (refused there).
    static bool isKeeperAction(const QString &actionId);

Q_SIGNALS:
    void notice(const QString &text);

private:
    void end(const Ownership &owned);
    void renew(const Ownership &owned, const struct Item &item, qint64 lifetimeS);

    Board *m_board;
    LeanState *m_state;
    ConnectorLookup m_connectors;
};
