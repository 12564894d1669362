// SPDX-License-Identifier: MIT
// The last good items of every source, kept in the local store between runs: a restarted
// dashboard (or a wall screen after a power cut) shows them at once, marked stale with their
// age, instead of an empty board while the sources are asked again.
#pragma once

#include "core/board/Board.h"
#include "core/sources/ConnectorLookup.h"
#include "core/store/Store.h"

#include <QObject>
#include <QSet>
#include <QTimer>

class SnapshotCache final : public QObject {
    Q_OBJECT
public:
    // `sources` tells each source's type and URL: a copy saved for another one is not shown.
    SnapshotCache(Store *store, Board *board, ConnectorLookup sources, QObject *parent = nullptr);
    ~SnapshotCache() override; // saves what changed

    // Reads the saved snapshots on the store's thread; each one seeds its source on the board
    // unless the source has answered in the meantime. Emits loaded() with the sources seeded.
    void load();
    // Writes the sources whose items changed since their last save (called at quit too).
    void saveNow();

    // A source's changed items are written at most this often (first save: soon after start).
    static constexpr int saveIntervalMs = 60 * 1000;
    static constexpr int firstSaveDelayMs = 3 * 1000;

Q_SIGNALS:
    void loaded(int sourcesSeeded);

private:
    void onRefreshed(const QString &source, bool itemsChanged);
    Items itemsOf(const QString &source) const;
    QString configKey(const QString &source) const; // of type and URL: a moved source starts empty

    Store *m_store;
    Board *m_board;
    ConnectorLookup m_sources;
    QSet<QString> m_dirty;
    QTimer m_saveTimer;
    bool m_savedOnce = false;
};
