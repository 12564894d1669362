// SPDX-License-Identifier: MIT
// The last good items of every source, kept in the local store between runs: a restarted
// dashboard (or a wall screen after a power cut) shows them at once, marked stale with their
// age, instead of an empty board while the sources are asked again.
#pragma once

#include "core/board/Board.h"
#include "core/sources/Poller.h"
#include "core/store/LocalStore.h"

#include <QObject>
#include <QSet>
#include <QTimer>

class SnapshotCache final : public QObject {
    Q_OBJECT
public:
    SnapshotCache(LocalStore *store, Board *board, Poller *poller, QObject *parent = nullptr);

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
    void onSnapshotApplied(const QString &source);
    Items itemsOf(const QString &source) const;
    QString configKey(const QString &source) const; // of type and URL: a moved source starts empty

    LocalStore *m_store;
    Board *m_board;
    Poller *m_poller;
    QSet<QString> m_dirty;
    QTimer m_saveTimer;
    bool m_savedOnce = false;
};
