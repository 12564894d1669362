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
    // Compares the board's incidents and andons with the previous look: those gone are
    // resolved. The first look only learns what is open. A failing source keeps its items on
    // the board (stale), so a failure is not a resolution.
    void observe(const Board &board, const QDateTime &now);

    // What resolved since the last take: each incident's time to resolve (from its creation,
    // else from when it was first seen), and how many andons.
    std::vector<qint64> takeResolveS();
    int takeAndonsResolved();

private:
    bool m_primed = false;
    QHash<QString, QDateTime> m_incidents; // item key -> since when it is open
    QSet<QString> m_andons;
    std::vector<qint64> m_resolveS;
    int m_andonsResolved = 0;
};
