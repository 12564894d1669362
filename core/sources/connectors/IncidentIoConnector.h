// SPDX-License-Identifier: MIT
// incident.io API v2: live incidents, and those resolved whose post-mortem is still to do
// (status category "learning"), on the incidents panel, their lead as owner; incident
// declaration with an idempotency key; "I'm on it" as the incident's lead.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/SeverityMap.h"

#include <QHash>

class FieldReader;

class IncidentIoConnector final : public Connector {
public:
    // Optional keys: "include_learning" (default true), "severity_map" (by severity name),
    // and for writes "severity_ids" ({"SEV-1":"01H…"}: our levels to the organisation's
    // severity ids), "visibility" ("public", the default, or "private") and "people"
    // ({"victor": "victor@acme.io"}: the incident.io email of who acts in dutyboard). Throws
    // ConfigError on a wrong shape.
    explicit IncidentIoConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // `{incidents[…], pagination_meta{after}}`; the next page passes `after` back. The lead's
    // name is Item::owner.
    ParsedPage parsePage(const HttpResult &result) const override;
    // incident.io's own words (errors[].message) after ours.
    QString describeFailure(const HttpResult &result) const override;
    // A 429 says when in its body (rate_limit.retry_after, an HTTP date); else Retry-After.
    QDateTime rateLimitedUntil(const HttpResult &result, const QDateTime &now) const override;

    // CreateIncident, Acknowledge and Release.
    bool supportsWrite(WriteKind kind) const override;
    // CreateIncident: POST /v2/incidents with the action's idempotency key: a retry after a
    // crash returns the incident the first attempt made instead of a second one.
    // Acknowledge: GET /v2/incident_roles (the lead role's id), then POST
    // /v2/incidents/{id}/actions/edit assigning it to the acting person's email. Release: GET
    // /v2/incidents/{id}, then, only while that person leads it, the same edit without assignee.
    HttpRequest writeRequest(const WriteAction &action) const override;
    // 2xx: createdId is the incident's id (as listed), createdUrl its permalink. Acknowledge
    // and Release: the edit's answer must show the lead as asked; without the acting person's
    // email (see "people"), a failure that says which key to add.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

private:
    bool mapIncident(const nlohmann::json &incident, const QString &at, Item *item,
                     FieldReader *read) const;
    // The acting person's incident.io email: from "people", else the name itself when it is
    // one; empty when unknown. (IncidentIoLeadRole.cpp, with the two below.)
    QString emailOf(const QString &person) const;
    HttpRequest leadRequest(const WriteAction &action) const;
    WriteOutcome parseLeadResult(const WriteAction &action, const HttpResult &result) const;

    QByteArray m_path; // the first page's path and query
    SeverityMap m_severity;
    QHash<QString, QString> m_severityIds;
    QString m_visibility;
    QHash<QString, QString> m_people; // dutyboard name -> incident.io email
};
