// SPDX-License-Identifier: MIT
// Opsgenie: open incidents (Incident API, Standard and Enterprise plans) or open alerts
// ("kind":"alerts") on the incidents panel, and incident declaration. Opsgenie is being
// retired in favour of Jira Service Management (migrations run until 2027).
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/SeverityMap.h"

class FieldReader;

class OpsgenieConnector final : public Connector {
public:
    // Optional keys: "kind" ("incidents" or "alerts"), "query" (Opsgenie search syntax,
    // default "status:open"), "ui_url" (https://acme.app.opsgenie.com: item links), "tags"
    // (added to what it creates), "severity_map". Throws ConfigError on a wrong shape.
    explicit OpsgenieConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // `{data[…], paging{next}}`; paging.next is followed when it stays on the configured server.
    // An acknowledged alert's owner is Item::owner.
    ParsedPage parsePage(const HttpResult &result) const override;
    // Opsgenie's own message, and what 402 means (the plan lacks the Incident API).
    QString describeFailure(const HttpResult &result) const override;

    // CreateIncident: POST /v1/incidents/create, or with "kind":"alerts" POST /v2/alerts with
    // the idempotency key as the alias (Opsgenie folds a repeat into the open alert).
    // With "kind":"alerts" only, Acknowledge and Release: POST /v2/alerts/{id}/acknowledge and
    // /unacknowledge, the acting person as the user (the Incident API has no acknowledgement).
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // 202: accepted; createdId is Opsgenie's requestId (the incident or alert is made later:
    // GET /v1/incidents/requests/{id} or /v2/alerts/requests/{id} tells its id).
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

protected:
    // "vendor" auth: Authorization: GenieKey <key>.
    void applyAuth(HttpRequest &request) const override;

private:
    bool mapEntry(const nlohmann::json &entry, const QString &at, Item *item,
                  FieldReader *read) const;

    bool m_alerts = false;
    QByteArray m_path; // "/v1/incidents" or "/v2/alerts" with the query
    QString m_uiUrl;
    QStringList m_tags;
    SeverityMap m_severity;
};
