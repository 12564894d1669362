// SPDX-License-Identifier: MIT
#include "ToilCandidates.h"

#include "core/handover/RequestWords.h"

#include <QHash>

#include <algorithm>

bool sameAsk(const QSet<QString> &a, const QSet<QString> &b) {
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a == b)
        return true;
    const qsizetype shared = QSet<QString>(a).intersect(b).size();
    // Half the shorter: "need a read replica for billing" is "create read replica orders",
    // "docker pull fails" is not "docker registry mirror project".
    return shared >= 2 && shared * 2 >= std::min(a.size(), b.size());
}

namespace {

struct Member {
    const ToilRequest *request;
    QSet<QString> words;
};

// The member most like the others (then the shortest text): what the group asks.
QString labelOf(const std::vector<Member> &group) {
    const Member *best = nullptr;
    double bestScore = -1;
    for (const Member &m : group) {
        double score = 0; // the sum of its Jaccard similarities: a long text is no better
        for (const Member &other : group)
            score += static_cast<double>(QSet<QString>(m.words).intersect(other.words).size()) /
                     static_cast<double>(QSet<QString>(m.words).unite(other.words).size());
        if (score > bestScore ||
            (score == bestScore && m.request->title.size() < best->request->title.size())) {
            best = &m;
            bestScore = score;
        }
    }
    return best->request->title.simplified();
}

std::optional<QString> ruleFor(const std::vector<Member> &group,
                               const std::vector<SelfServiceRule> &rules) {
    for (const SelfServiceRule &rule : rules) {
        for (const Member &m : group) {
            if (rule.match.match(m.request->title).hasMatch())
                return rule.pattern;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<ToilCandidate> toilCandidates(const std::vector<ToilRequest> &requests,
                                          const std::vector<SelfServiceRule> &rules) {
    // Once per request, its longest clock.
    std::vector<ToilRequest> unique;
    QHash<QString, size_t> seen;
    for (const ToilRequest &r : requests) {
        const QString key = r.source + QChar(0x1f) + r.id;
        const auto at = seen.constFind(key);
        if (at == seen.cend()) {
            seen.insert(key, unique.size());
            unique.push_back(r);
        } else {
            ToilRequest &known = unique[*at];
            known.investigationS = std::max(known.investigationS, r.investigationS);
            if (known.title.isEmpty())
                known.title = r.title;
        }
    }
    // Each request joins the first group one of whose requests asks the same: a long request
    // ("… create a PostgreSQL read replica to ingest data …") does not keep a short one
    // ("need a read replica of billing") out of the group its other wordings joined.
    std::vector<std::vector<Member>> groups;
    for (const ToilRequest &r : unique) {
        Member m{&r, RequestWords::of(r.title)};
        if (m.words.isEmpty())
            continue;
        auto group = std::find_if(groups.begin(), groups.end(), [&m](const auto &g) {
            return std::any_of(g.begin(), g.end(),
                               [&m](const Member &other) { return sameAsk(other.words, m.words); });
        });
        if (group == groups.end())
            groups.push_back({std::move(m)});
        else
            group->push_back(std::move(m));
    }
    std::vector<ToilCandidate> out;
    for (const std::vector<Member> &group : groups) {
        if (group.size() < 2)
            continue;
        ToilCandidate c;
        c.label = labelOf(group);
        c.count = static_cast<int>(group.size());
        for (const Member &m : group) {
            c.requestIds.append(m.request->id);
            c.investigationS += m.request->investigationS;
        }
        c.selfServiceRule = ruleFor(group, rules);
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const ToilCandidate &a, const ToilCandidate &b) {
        if (a.investigationS != b.investigationS)
            return a.investigationS > b.investigationS;
        return a.count > b.count;
    });
    return out;
}
