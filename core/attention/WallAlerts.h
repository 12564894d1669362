// SPDX-License-Identifier: MIT
// What the wall screen must shout about, and what someone in the room has acknowledged:
// every andon takes the screen over until acknowledged (then a band stays until it is
// resolved); a SEV-1/SEV-2 incident that arrives after start gets a banner until acknowledged
// or resolved. Driven by the board's panel models; no widget involved. With a store's
// acknowledgements (setAcknowledgements) what the room acknowledged survives a restart and is
// the same on every instance showing this wall.
#pragma once

#include "core/board/Item.h"

#include <QObject>
#include <QSet>

class Board;
class PanelModel;
class WallAcknowledgements;

class WallAlerts final : public QObject {
    Q_OBJECT
public:
    explicit WallAlerts(Board *board, QObject *parent = nullptr);

    // Andons nobody acknowledged yet, most recent first (andons present at start included).
    Items takeoverAndons() const;
    // Acknowledged andons still unresolved, most recent first: the red band.
    Items acknowledgedAndons() const;
    // New SEV-1/SEV-2 incidents not yet acknowledged, most severe then most recent first.
    Items incidentBanners() const;
    bool hasTakeover() const;

    // What a key press in the room acknowledges: the takeover if there is one, otherwise the
    // incident banners. Returns false when there was nothing to acknowledge.
    bool acknowledge();

    // Keeps acknowledgements in `acks` (may be null: in memory only), which must outlive this.
    void setAcknowledgements(WallAcknowledgements *acks);

    // Bookkeeping sizes, for soak checks: bounded by the items on the board.
    int trackedKeys() const { return static_cast<int>(m_acked.size() + m_banners.size()); }

Q_SIGNALS:
    // Anything shown by the takeover, the band or the banners may have changed.
    void changed();

private:
    Items andons(bool acknowledged) const;
    bool isAcknowledged(const Item &andon) const;
    void onIncidentsInserted(int first, int last);
    void dropAcknowledgedBanners();
    void prune();

    Board *m_board;
    PanelModel *m_andons;
    PanelModel *m_incidents;
    QSet<QString> m_acked;   // andon keys
    QSet<QString> m_banners; // incident keys awaiting acknowledgement
    WallAcknowledgements *m_stored = nullptr;
};
