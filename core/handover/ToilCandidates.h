// SPDX-License-Identifier: MIT
// The kaizen part of the handover: the period's requests grouped by what they ask (their
// significant words, RequestWords), each group with its count, the investigation time it took
// and whether a self-service rule answers it already. Sorted by time spent, then count: the top
// group is the next thing to automate. Pure.
#pragma once

#include "core/config/LeanConfig.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

struct ToilRequest {
    QString source;
    QString id; // as --print shows it
    QString title;
    qint64 investigationS = 0; // time on its investigation clock, 0 without one
};

struct ToilCandidate {
    QString label; // the group's most typical request text
    int count = 0;
    QStringList requestIds;
    qint64 investigationS = 0;
    std::optional<QString> selfServiceRule; // the matching rule's pattern, as configured

    int investigationMin() const { return static_cast<int>((investigationS + 30) / 60); }
};

// Whether two requests' words say the same ask: at least two significant words shared and
// at least half the shorter one's words among them (or the same words, for a one-word request).
bool sameAsk(const QSet<QString> &a, const QSet<QString> &b);

// Groups of two or more requests. A request appearing twice (same source and id: pending now
// and recorded in the period) counts once, its longest clock kept.
std::vector<ToilCandidate> toilCandidates(const std::vector<ToilRequest> &requests,
                                          const std::vector<SelfServiceRule> &rules);
