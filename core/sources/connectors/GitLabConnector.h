// SPDX-License-Identifier: MIT
// GitLab (gitlab.com or self-managed), API v4: a project's open issues, and creating one.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/CardColumns.h"
#include "core/sources/connectors/common/SeverityMap.h"

class FieldReader;

class GitLabConnector final : public Connector {
public:
    // Keys: "project" (required: "group/project" or a numeric id), "labels" (filter, and added
    // to created issues), "severity_map", "columns" (Kanban cards: labels such as
    // "workflow::doing" to columns, see CardColumns). Throws ConfigError naming the key.
    explicit GitLabConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // An array of issues; the next page from x-next-page (on our own URL), else Link rel=next.
    ParsedPage parsePage(const HttpResult &result) const override;
    // GitLab answers 404 for a project the token may not read: says so.
    QString describeFailure(const HttpResult &result) const override;

    // CreateBug; Acknowledge adds the token's own user to the issue's assignees, Release
    // removes it, the others staying (GitLabAssignees.cpp: GraphQL, first the token's user and
    // the issue's project and iid, then issueSetAssignees; the token needs the "api" scope).
    // Item::owner is the first assignee's name.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // CreateBug: createdId: the issue's global id (as items carry); createdUrl: web_url.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

protected:
    // "vendor" (the default with a token): PRIVATE-TOKEN; bearer, basic, header as configured.
    void applyAuth(HttpRequest &request) const override;

private:
    bool mapIssue(const nlohmann::json &issue, const QString &at, Item *item,
                  FieldReader *read) const;
    std::optional<HttpRequest> nextRequest(const HttpResult &result, QString *error) const;
    HttpRequest assigneeRequest(const WriteAction &action) const;
    WriteOutcome parseAssigneeResult(const WriteAction &action, const HttpResult &result) const;

    QByteArray m_issuesPath; // /api/v4/projects/<id>/issues
    QByteArray m_listPath;   // with the list's query, without page
    QStringList m_labels;
    SeverityMap m_severity;
    CardColumns m_columns;
};
