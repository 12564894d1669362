// SPDX-License-Identifier: MIT
#include "DemoSilences.h"

using nlohmann::json;

namespace {

std::string iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QDateTime timeOf(const json &silence, const char *key) {
    return QDateTime::fromString(QString::fromStdString(silence.value(key, std::string())),
                                 Qt::ISODateWithMs);
}

std::string stateOf(const json &silence, const QDateTime &now) {
    if (timeOf(silence, "endsAt") <= now)
        return "expired";
    return timeOf(silence, "startsAt") > now ? "pending" : "active";
}

// Equality matchers only: what dutyboard's acknowledgements make.
bool matches(const json &silence, const json &labels) {
    const json &matchers = silence["matchers"];
    if (!matchers.is_array() || matchers.empty())
        return false;
    for (const json &m : matchers) {
        const std::string name = m.value("name", std::string());
        if (m.value("isRegex", false) || !m.value("isEqual", true) || !labels.contains(name) ||
            labels[name] != m.value("value", std::string()))
            return false;
    }
    return true;
}

} // namespace

std::string DemoSilences::set(const json &silence, const QDateTime &now) {
    if (!silence.is_object() || !silence.contains("matchers"))
        return {};
    json stored = silence;
    const std::string id = silence.value("id", std::string());
    for (json &existing : m_silences) {
        if (!id.empty() && existing["id"] == id) {
            existing["endsAt"] = stored.value("endsAt", iso(now));
            return id;
        }
    }
    stored["id"] = "demo-silence-" + std::to_string(m_next++);
    m_silences.push_back(stored);
    return stored["id"].get<std::string>();
}

bool DemoSilences::expire(const std::string &id, const QDateTime &now) {
    for (json &existing : m_silences) {
        if (existing["id"] == id) {
            existing["endsAt"] = iso(now);
            return true;
        }
    }
    return false;
}

json DemoSilences::list(const QDateTime &now) const {
    json out = json::array();
    for (json silence : m_silences) {
        silence["status"] = {{"state", stateOf(silence, now)}};
        out.push_back(std::move(silence));
    }
    return out;
}

void DemoSilences::apply(json *alerts, const QDateTime &now) const {
    for (json &alert : *alerts) {
        json silencedBy = json::array();
        for (const json &silence : m_silences) {
            if (stateOf(silence, now) == "active" && matches(silence, alert["labels"]))
                silencedBy.push_back(silence["id"]);
        }
        if (!silencedBy.empty())
            alert["status"] = {{"state", "suppressed"},
                               {"silencedBy", silencedBy},
                               {"inhibitedBy", json::array()}};
    }
}
