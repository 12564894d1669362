// SPDX-License-Identifier: MIT
// One fetch of a cluster source: every replica's answer, merged into one outcome. Replicas of an
// Alertmanager cluster each hold the alerts Prometheus sent them, so the same alert comes back
// from each: merged by its id (the fingerprint), it shows once.
#pragma once

#include "core/sources/SourceFetcher.h"

#include <QByteArray>

#include <vector>

struct ReplicaAnswer {
    QByteArray url;
    bool ok = false;
    Items items;
    UnreadableItems unreadable; // left out of `items`
    QString error;              // for a person, when not ok
    QDateTime retryAt;          // rate limited until then (UTC), or invalid
};

// ok while one replica answered; items are the union by id, the first replica's copy kept (the
// order of the URLs in the config). Unreadable items: the answering replica's that left out the
// most (replicas hold the same alerts, so theirs are not added up). Failed when none answered, with
// every replica's reason.
FetchOutcome mergeReplicaAnswers(std::vector<ReplicaAnswer> answers);

// "127.0.0.1:9093" for "http://127.0.0.1:9093/prefix": how a replica is named to a person.
QString replicaName(const QByteArray &url);
