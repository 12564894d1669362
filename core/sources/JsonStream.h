// SPDX-License-Identifier: MIT
// Streaming (SAX) reading of a response body, for the payloads that can be large (an
// Alertmanager with 10,000 alerts): no document tree is built, the handler keeps what it needs.
#pragma once

#include "core/http/HttpRequest.h"

#include <nlohmann/json.hpp>

#include <QString>

using JsonSaxHandler = nlohmann::json_sax<nlohmann::json>;

// Feeds the body to `handler` with the same checks and words as parseJsonBody(): an HTML page,
// nesting deeper than the limit, a parse error. Returns false with *error set on those; also
// returns false (error untouched) when the handler itself stopped by returning false.
bool parseJsonStream(const HttpResult &result, JsonSaxHandler *handler, QString *error);
