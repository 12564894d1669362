// SPDX-License-Identifier: MIT
// How a source is doing, as one value carried with every snapshot.
#pragma once

#include "core/board/UnreadableItems.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

enum class HealthState {
    Pending, // not answered yet
    Ok,      // the last fetch worked
    Stale,   // the last fetch failed; earlier good items are still shown
    Failed,  // failed and never answered: nothing to show
};

struct SourceHealth {
    HealthState state = HealthState::Pending;
    QString error;         // why the last fetch failed, for a person
    QDateTime lastSuccess; // UTC
    QDateTime lastAttempt; // UTC
    QDateTime retryAt;     // UTC: rate limit or backoff; invalid when polling normally
    bool rateLimited = false;
    bool tlsVerifyOff = false; // permanent warning on the source
    // A cluster source: replicas that answered the last fetch, of how many (0 of 0 for a plain
    // source), and why the others did not.
    int replicasAnswering = 0;
    int replicasTotal = 0;
    QStringList replicaErrors;
    // Items the last good answer held but that could not be read, left out of the panel (the
    // others are fresh). Only while ok: a failed fetch says its error instead.
    UnreadableItems unreadable;

    bool operator==(const SourceHealth &o) const;
    bool operator!=(const SourceHealth &o) const { return !(*this == o); }
};

// "2/3 replicas" for a cluster source, empty for a plain one.
QString replicasText(const SourceHealth &health);

// "ok", "stale", "failed", "pending".
QString healthStateName(HealthState state);
// What is wrong while the source answers, for a person ("1 item unreadable: /0/fingerprint
// expected a string"); empty when nothing is.
QString healthWarning(const SourceHealth &health);
// The state name with the warning, as the source bar and the wall say it: "ok · 1 item
// unreadable: /0/fingerprint expected a string", "stale".
QString healthStateText(const SourceHealth &health);
