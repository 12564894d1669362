// SPDX-License-Identifier: MIT
// GitHub (github.com or Enterprise Server), REST API 2022-11-28: a repository's open issues
// (pull requests skipped), and creating one.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/CardColumns.h"
#include "core/sources/connectors/common/SeverityMap.h"

class FieldReader;

class GitHubConnector final : public Connector {
public:
    // Keys: "repo" (required, "owner/name"), "labels" (filter, and added to created issues),
    // "severity_map" (labels to severities), "columns" (Kanban cards: labels to columns, see
    // CardColumns). Throws ConfigError naming the key.
    explicit GitHubConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // An array of issues and pull requests; pull requests are counted in ParsedPage::skipped.
    // The next page only from the Link header.
    ParsedPage parsePage(const HttpResult &result) const override;
    // GitHub hides a repository the token may not read behind 404, and says 410 when the
    // repository has issues turned off.
    QString describeFailure(const HttpResult &result) const override;

    // CreateBug; Acknowledge adds the token's own user to the issue's assignees (GET /user,
    // then POST <issue>/assignees), Release removes it (DELETE, same body): the other
    // assignees stay. Item::owner is the first assignee's login.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // CreateBug: createdId: the issue number; createdUrl: html_url. Acknowledge fails when the
    // answered issue does not list the login (GitHub ignores one it may not assign).
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

private:
    // makeRequest() with GitHub's media type and API version.
    HttpRequest githubRequest(HttpRequest request) const;
    bool mapIssue(const nlohmann::json &issue, const QString &at, Item *item,
                  FieldReader *read) const;
    void checkAssignees(const WriteAction &action, const HttpResult &result,
                        WriteOutcome *outcome) const;

    QByteArray m_issuesPath; // /repos/<owner>/<name>/issues
    QByteArray m_listPath;   // with the list's query
    QStringList m_labels;
    SeverityMap m_severity;
    CardColumns m_columns;
};
