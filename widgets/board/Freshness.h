// SPDX-License-Identifier: MIT
// How fresh a panel's data is, as one badge: the worst health among the sources feeding it.
// Pure: no widget involved, so the wording is testable and shared by the desktop and the wall.
#pragma once

#include "core/board/Item.h"
#include "core/models/SourceHealthModel.h"

#include <QColor>
#include <QDateTime>
#include <QString>
#include <QStringList>

// A shape per state, so the state never depends on colour alone: ● ◐ ✕ ….
QString healthGlyph(HealthState state);
QColor healthColor(HealthState state);

struct Freshness {
    HealthState state = HealthState::Pending;
    bool hasSources = false;
    QString text;    // "fresh", "stale 3 min: timeout…", "failed: …", "waiting for first data"
    QString toolTip; // one line per source, in full
    // The worst source and its reason unabridged, for the wall's band (which has room).
    QString worstSource;
    QString reason;
    int failing = 0; // sources stale or failed
};

class Board;

// The sources a panel's freshness sums up: the configured ones, and any other that
// contributes items there (one Alertmanager can feed incidents and andons).
QStringList feedingSources(const Board &board, ItemKind kind);

// Worst first: failed, stale, pending, ok. Unknown names are ignored.
Freshness panelFreshness(const SourceHealthModel &health, const QStringList &sources,
                         const QDateTime &now);
