// SPDX-License-Identifier: MIT
// The demo Alertmanager's silences, as the real one keeps them (API v2): created, listed,
// expired, and marking the alerts whose labels they match as suppressed. Enough for an
// acknowledgement made on the demo to behave as on a real Alertmanager. Not thread-safe: the
// demo server guards it.
#pragma once

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

class DemoSilences final {
public:
    // POST /api/v2/silences: a new one, or `id` extended; the id, empty when the body is not a
    // silence.
    std::string set(const nlohmann::json &silence, const QDateTime &now);
    // DELETE /api/v2/silence/{id}: false when there is none.
    bool expire(const std::string &id, const QDateTime &now);
    // GET /api/v2/silences.
    nlohmann::json list(const QDateTime &now) const;
    // Marks the alerts of a GET /api/v2/alerts answer that an active silence matches.
    void apply(nlohmann::json *alerts, const QDateTime &now) const;

private:
    std::vector<nlohmann::json> m_silences;
    int m_next = 1;
};
