// SPDX-License-Identifier: MIT
// Jira Cloud and Jira Server / Data Center: the issues a JQL query finds (bugs, or requests on
// a service desk), and creating a bug.
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/CardColumns.h"
#include "core/sources/connectors/common/SeverityMap.h"

class FieldReader;

class JiraConnector final : public Connector {
public:
    enum class Flavor { Cloud, DataCenter };

    // Keys: "jql" (required), "flavor" ("cloud", the default, or "datacenter"/"server"),
    // "severity_map", "columns" (Kanban cards: statuses and labels to columns, see
    // CardColumns), and for writes "project" (the project key), "issue_type" ("Bug"),
    // "labels". Throws ConfigError naming the key.
    explicit JiraConnector(SourceConfig config);

    Flavor flavor() const { return m_flavor; }

    HttpRequest firstRequest() const override;
    // Cloud: {issues, nextPageToken?, isLast}; Data Center: {startAt, maxResults, total, issues}.
    ParsedPage parsePage(const HttpResult &result) const override;
    // Adds Jira's own words: the retired search (410), its errorMessages (400), a Cloud URL
    // given to a Data Center (404).
    QString describeFailure(const HttpResult &result) const override;

    // CreateBug, when "project" is configured. Acknowledge assigns the issue to the token's own
    // user (GET <api>/myself, then PUT <api>/issue/<key>/assignee); Release unassigns it,
    // whoever it is assigned to by then. Item::owner is the assignee's displayName.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // CreateBug: createdId: the new key ("SRE-312"); createdUrl: <url>/browse/<key>.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

private:
    bool mapIssue(const nlohmann::json &issue, const QString &at, Item *item,
                  FieldReader *read) const;
    std::optional<HttpRequest> nextRequest(const nlohmann::json &root, std::size_t count,
                                           QString *error) const;
    QByteArray apiPath() const; // /rest/api/3 on Cloud, /rest/api/2 on Data Center
    const char *userKey() const;

    Flavor m_flavor = Flavor::Cloud;
    QByteArray m_searchPath; // path and query without the page parameter
    QString m_browseBase;    // <url>/browse/
    QString m_project;
    QString m_issueType;
    QStringList m_labels;
    SeverityMap m_severity;
    CardColumns m_columns;
};
