// SPDX-License-Identifier: MIT
// incident.io API v2: live incidents, and those resolved whose post-mortem is still to do
// (status category "learning"), on the incidents panel; incident declaration with an
// idempotency key.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/SeverityMap.h"

#include <QHash>

class FieldReader;

class IncidentIoConnector final : public Connector {
public:
    // Optional keys: "include_learning" (default true), "severity_map" (by severity name),
    // and for writes "severity_ids" ({"SEV-1":"01H…"}: our levels to the organisation's
    // severity ids) and "visibility" ("public", the default, or "private"). Throws ConfigError
    // on a wrong shape.
    explicit IncidentIoConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // `{incidents[…], pagination_meta{after}}`; the next page passes `after` back.
    ParsedPage parsePage(const HttpResult &result) const override;
    // incident.io's own words (errors[].message) after ours.
    QString describeFailure(const HttpResult &result) const override;
    // A 429 says when in its body (rate_limit.retry_after, an HTTP date); else Retry-After.
    QDateTime rateLimitedUntil(const HttpResult &result, const QDateTime &now) const override;

    bool supportsWrite(WriteKind kind) const override;
    // POST /v2/incidents with the action's idempotency key: a retry after a crash returns the
    // incident the first attempt made instead of a second one.
    HttpRequest writeRequest(const WriteAction &action) const override;
    // 2xx: createdId is the incident's id (as listed), createdUrl its permalink.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

private:
    bool mapIncident(const nlohmann::json &incident, const QString &at, Item *item,
                     FieldReader *read) const;

    QByteArray m_path; // the first page's path and query
    SeverityMap m_severity;
    QHash<QString, QString> m_severityIds;
    QString m_visibility;
};
