// SPDX-License-Identifier: MIT
// A generic source's "write" section: a webhook for the lean workflow's actions, whose JSON
// body is a template. Placeholders are filled inside the JSON tree's string values, so any
// text an action carries (quotes, newlines, braces) stays valid JSON.
#pragma once

#include "core/http/HttpRequest.h"
#include "core/lean/WriteAction.h"
#include "core/sources/connectors/common/JsonPath.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <optional>
#include <vector>

struct GenericWrite {
    QByteArray method = "POST"; // POST, PUT or PATCH
    QByteArray path;            // joined to the source URL; {{placeholders}} percent-encoded
    HttpHeaders headers;        // extra headers (auth comes from the source's "auth")
    QByteArray contentType = "application/json";
    nlohmann::json body; // the template
    // The actions this webhook takes: "kinds", else all but acknowledge and release (which a
    // webhook takes only when it lists them).
    std::vector<WriteKind> kinds;
    std::optional<JsonPath> createdId;  // in the answer: the new thing's id…
    std::optional<JsonPath> createdUrl; // …and link, for replies such as "bug filed: <url>"
};

// The names a template may use: kind, title, description, severity, customer_impact, project,
// reason, raised_by, decision, note, text, item_id, idempotency_key, labels (joined by ","),
// reaction, starts_at, ends_at (ISO 8601 UTC, or empty).
const QStringList &genericWritePlaceholders();

// Reads `source`'s "write" key (nullopt when there is none); `pointer` is the source's place in
// the config. Throws ConfigError naming the exact key, including an unknown {{placeholder}}.
std::optional<GenericWrite> parseGenericWrite(const nlohmann::json &source, const QString &pointer);

enum class Placeholders { Plain, PercentEncoded };
// `text` with every {{name}} replaced by the action's value (percent-encoded for a URL path).
QString fillPlaceholders(const QString &text, const WriteAction &action,
                         Placeholders style = Placeholders::Plain);
// The body template with every string value filled.
nlohmann::json renderGenericBody(const nlohmann::json &body, const WriteAction &action);
