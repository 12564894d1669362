// SPDX-License-Identifier: MIT
// "Unowned is visible": an item that needs an owner (an incident of SEV-1 or SEV-2, an andon,
// the bug in progress) and has had nobody on it, neither through dutyboard nor as its source
// says, for longer than the config's "unowned_alert_min". The wall shouts it, the tray counts
// it, and the desktop is told once per item (alert()), never again while it stays on the board.
// Driven by the board's panel models and one timer; no widget involved.
#pragma once

#include "core/board/Item.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QRegularExpression>
#include <QSet>

#include <functional>

class Board;
class QTimer;

class UnownedItems final : public QObject {
    Q_OBJECT
public:
    // Who owns an item now (dutyboard's owner, else the source's); empty: nobody.
    using OwnerOf = std::function<QString(const Item &item)>;

    // `inProgress` tells the bug in progress by its state (the lean config's). Once start()ed,
    // checks whenever a source answers and when the next item passes the delay; `board` must
    // outlive it.
    UnownedItems(Board *board, int delayMin, OwnerOf ownerOf, QRegularExpression inProgress,
                 QObject *parent = nullptr);

    void start();
    // Items of `source` never need an owner here (the placeholders of incidents being declared).
    void ignoreSource(const QString &source) { m_ignored.insert(source); }
    int delayMin() const { return m_delayMin; }
    // A reloaded config's delay and bug-in-progress pattern, applied at the next check().
    void setRules(int delayMin, QRegularExpression inProgress);
    // Whether the item is one that must have an owner (whoever owns it now).
    bool needsOwner(const Item &item) const;
    // Needs an owner, has none, and has waited longer than the delay (as of the last check).
    bool isUnowned(const Item &item) const;
    // Since when it waits: its creation, else when this screen first saw it; invalid: unknown.
    QDateTime waitingSince(const Item &item) const;
    // Unowned now (as of the last check): every kind, and the SEV-1/SEV-2 incidents alone.
    int count() const { return static_cast<int>(m_unowned.size()); }
    int severeCount() const { return m_severe; }

public Q_SLOTS:
    // Looks at every item now: alert() with those newly past the delay, changed() when the set
    // moved.
    void check();

Q_SIGNALS:
    // The items newly unowned past the delay, in one check (a bad morning can bring dozens at
    // once: the notifier then says them in one summary).
    void alert(const Items &items);
    void changed();

private:
    static QString keyOf(const Item &item);

    Board *m_board;
    int m_delayMin;
    OwnerOf m_ownerOf;
    QRegularExpression m_inProgress;
    QTimer *m_timer; // the next check: when the next item passes the delay
    bool m_started = false;
    QHash<QString, QDateTime> m_firstSeen; // items without a creation time
    QSet<QString> m_ignored;
    QSet<QString> m_unowned;
    QSet<QString> m_alerted; // told once: never again while the item is on the board
    int m_severe = 0;
};
