// SPDX-License-Identifier: MIT
// Incidents and andons resolved, seen as they leave the board between two refreshes: the
// history's "resolved" counts and each incident's time to resolve. Pure, no timers.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <vector>

class Board;

class ResolutionWatch final {
public:
    // What resolved in a period.
    struct Resolved {
        std::vector<qint64> resolveS; // each incident's time to resolve, seconds
        int andons = 0;
    };

    // Compares the board's incidents and andons with the previous look: those gone are
    // resolved at `now`. The first look only learns what is open. A failing source keeps its
    // items on the board (stale), so a failure is not a resolution.
    void observe(const Board &board, const QDateTime &now);

    // What resolved in (since, upTo] (since invalid: everything up to upTo). Kept until
    // forgetUpTo(): a sample another instance recorded first leaves it for the next period.
    Resolved resolvedIn(const QDateTime &since, const QDateTime &upTo) const;
    // Drops what resolved at or before `at`: recorded, by this instance or another.
    void forgetUpTo(const QDateTime &at);
    int size() const { return static_cast<int>(m_resolved.size()); }

private:
    struct Resolution {
        QDateTime at;
        qint64 resolveS = -1; // -1: an andon
    };
    bool m_primed = false;
    QHash<QString, QDateTime> m_incidents; // item key -> since when it is open
    QSet<QString> m_andons;
    std::vector<Resolution> m_resolved; // in observation order
};
