// SPDX-License-Identifier: MIT
// PagerDuty REST API v2: open incidents (triggered and acknowledged) on the incidents panel,
// who acknowledged them (Item::owner), incident declaration (POST /incidents) and
// acknowledgement.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/SeverityMap.h"

class PagerDutyConnector final : public Connector {
public:
    // Optional keys: "statuses" (default ["triggered","acknowledged"]), "service_ids",
    // "team_ids" (filters), "severity_map", and for writes "service_id" and "from" (the
    // PagerDuty user's email). Throws ConfigError when one has the wrong shape.
    explicit PagerDutyConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // `{incidents[…], limit, offset, more}`; the next page is offset + limit while `more`.
    ParsedPage parsePage(const HttpResult &result) const override;
    // PagerDuty's own message ({"error":{"message","errors"}}) after the usual words.
    QString describeFailure(const HttpResult &result) const override;

    // CreateIncident, once "service_id" and "from" are configured; Acknowledge once "from" is
    // (PUT /incidents/{id} with status acknowledged, as that user). Never Release: PagerDuty
    // has no un-acknowledge.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // 201: createdId is the incident's id, createdUrl its html_url. A 400 naming the action's
    // idempotency key means an earlier attempt already opened it: accepted. Acknowledge: the
    // answer's incident must be acknowledged.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

protected:
    // "vendor" auth: Authorization: Token token=<key> (an OAuth token uses "bearer"). Also sets
    // the Accept every PagerDuty request needs (application/vnd.pagerduty+json;version=2).
    void applyAuth(HttpRequest &request) const override;

private:
    QByteArray pageQuery(qint64 offset) const;

    QByteArray m_filters; // the status/service/team part of the query, encoded
    SeverityMap m_severity;
    QString m_serviceId;
    QString m_from;
};
