// SPDX-License-Identifier: MIT
// Sources for connector tests, built without the config file's secret rules.
#pragma once

#include "core/sources/Connector.h"

#include <nlohmann/json.hpp>

#include <memory>

// The connector the registry makes for `source` (a source object; pointer "/sources/0").
// "auth" may give the secret directly: {"type": "basic", "user": "u", "secret": "s"}.
// Throws ConfigError as the connector's constructor does.
std::unique_ptr<Connector> makeTestConnector(const nlohmann::json &source);

// makeTestConnector() of `source` pointed at `url`, with `patch` merged in.
std::unique_ptr<Connector> makeTestConnectorAt(const nlohmann::json &source, const QByteArray &url,
                                               const nlohmann::json &patch = nullptr);

// `source` pointed at `url`, its token read from the environment variable `tokenEnv` as a user
// configures it, with `patch` merged in: the JSON SourceProbe takes.
QByteArray probeSourceJson(const nlohmann::json &source, const QByteArray &url,
                           const char *tokenEnv, const nlohmann::json &patch = nullptr);

// `connector`'s page from the canned 200 answer in tests/data/<relative>.
ParsedPage parseTestData(const Connector &connector, const QString &relative);

// What loading `source` as the only source of a config file says: ConfigError::describe()
// without the file name, or empty when it loads and the connector accepts it.
QString configErrorOf(const nlohmann::json &source);

// `base` with `patch` merged in (RFC 7386: null in the patch removes a key); a null patch
// changes nothing.
nlohmann::json withPatch(nlohmann::json base, const nlohmann::json &patch);

// A CreateBug as the lean workflow sends it: a two-line title, a description with an empty
// line, labels "needs triage" and "bug".
WriteAction sampleBugAction();

// A CreateIncident as the lean workflow's declare form sends it: "Checkout down", "5xx on
// /pay", SEV-2, customer impact "EU customers cannot pay", with that idempotency key.
WriteAction sampleIncidentAction(const QString &idempotencyKey);

// A 200 answer with `body`, as HttpClient hands it to a connector.
HttpResult cannedAnswer(const QByteArray &body);

// The first header of that name (case-insensitively), or empty.
QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name);
