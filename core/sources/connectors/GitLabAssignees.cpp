// SPDX-License-Identifier: MIT
// GitLabConnector's "I'm on it": the token's own user added to (or removed from) an issue's
// assignees, through GitLab's GraphQL API.
//
// Why GraphQL and not REST: items carry the issue's global id (iids repeat across projects),
// and REST addresses an issue by project and iid (GET /issues/:id is for administrators only);
// GraphQL finds it by its global id. And REST's PUT .../issues/:iid takes the whole
// assignee_ids list, so an assignee added by someone between our read and our write would be
// dropped; issueSetAssignees with operationMode APPEND / REMOVE changes only the token's user.
#include "core/sources/connectors/GitLabConnector.h"

#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"

using nlohmann::json;

namespace {

// The token's user, and the issue's project and iid. The global id as GraphQL names it.
constexpr const char *lookupQuery = "query($id: IssueID!) { currentUser { username } "
                                    "issue(id: $id) { iid reference(full: true) } }";

constexpr const char *assignMutation =
    "mutation($projectPath: ID!, $iid: String!, $usernames: [String!]!, "
    "$mode: MutationOperationMode!) { issueSetAssignees(input: {projectPath: $projectPath, "
    "iid: $iid, assigneeUsernames: $usernames, operationMode: $mode}) "
    "{ issue { assignees { nodes { username } } } errors } }";

// Members along `keys`, or nullptr where one is missing or not an object on the way.
const json *at(const json &root, std::initializer_list<std::string_view> keys) {
    const json *node = &root;
    for (const std::string_view key : keys) {
        node = jsonMember(node, key);
        if (!node)
            return nullptr;
    }
    return node;
}

QString text(const json *value) {
    return value && value->is_string() ? utf8ToQString(value->get_ref<const std::string &>())
                                       : QString();
}

// The messages of GraphQL's "errors" (top level, or a mutation's own list of strings).
QStringList messages(const json *errors) {
    QStringList out;
    if (!errors || !errors->is_array())
        return out;
    for (const json &error : *errors) {
        const QString message =
            error.is_string() ? text(&error) : text(jsonMember(&error, "message"));
        if (!message.isEmpty())
            out.append(message);
    }
    return out;
}

WriteOutcome refused(WriteOutcome outcome, const QString &why) {
    outcome.accepted = false;
    outcome.next.reset();
    outcome.error = why;
    return outcome;
}

} // namespace

HttpRequest GitLabConnector::assigneeRequest(const WriteAction &action) const {
    json body;
    if (action.lookups.isEmpty()) {
        body = {{"query", lookupQuery},
                {"variables", {{"id", "gid://gitlab/Issue/" + action.itemId.toStdString()}}}};
    } else {
        body = {{"query", assignMutation},
                {"variables",
                 {{"projectPath", action.lookups.value(1).toStdString()},
                  {"iid", action.lookups.value(2).toStdString()},
                  {"usernames", {action.lookups.value(0).toStdString()}},
                  {"mode", action.kind == WriteKind::Acknowledge ? "APPEND" : "REMOVE"}}}};
    }
    HttpRequest request = makeRequest(QByteArrayLiteral("/api/graphql"));
    setJsonBody(&request, body);
    return request;
}

WriteOutcome GitLabConnector::parseAssigneeResult(const WriteAction &action,
                                                  const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted)
        return outcome;
    const json root = jsonOrNull(result);
    // GraphQL answers its refusals with 200 and "errors".
    if (const QStringList why = messages(jsonMember(&root, "errors")); !why.isEmpty())
        return refused(outcome,
                       QStringLiteral("GitLab refused it: ") + why.join(QStringLiteral("; ")));
    const json *data = jsonMember(&root, "data");
    if (!data)
        return refused(outcome, QStringLiteral("GitLab's GraphQL answer has no \"data\""));

    if (action.lookups.isEmpty()) {
        const QString username = text(at(*data, {"currentUser", "username"}));
        if (username.isEmpty())
            return refused(outcome, QStringLiteral("GitLab names no user for this token "
                                                   "(currentUser is null)"));
        const json *issue = jsonMember(data, "issue");
        if (!issue || issue->is_null())
            return refused(
                outcome,
                QStringLiteral("GitLab has no issue %1 that the token may see").arg(action.itemId));
        const QString iid = text(jsonMember(issue, "iid"));
        const QString reference = text(jsonMember(issue, "reference")); // "group/project#12"
        const qsizetype hash = reference.lastIndexOf(QLatin1Char('#'));
        if (iid.isEmpty() || hash <= 0)
            return refused(outcome, QStringLiteral("GitLab's issue %1 has no iid or full "
                                                   "reference")
                                        .arg(action.itemId));
        auto next = std::make_shared<WriteAction>(action);
        next->lookups = {username, reference.left(hash), iid};
        outcome.next = next;
        return outcome;
    }

    const json *set = jsonMember(data, "issueSetAssignees");
    if (const QStringList why = messages(jsonMember(set, "errors")); !why.isEmpty())
        return refused(outcome,
                       QStringLiteral("GitLab refused it: ") + why.join(QStringLiteral("; ")));
    const json *assignees = at(*data, {"issueSetAssignees", "issue", "assignees"});
    const json *nodes = jsonMember(assignees, "nodes");
    if (!nodes || !nodes->is_array())
        return refused(outcome, QStringLiteral("GitLab's answer has no assignees"));
    FieldReader read;
    const QString username = action.lookups.value(0);
    const bool assigned =
        read.names(*assignees, QString(), "nodes", {"username"}).contains(username);
    if (action.kind == WriteKind::Acknowledge && !assigned)
        return refused(outcome,
                       QStringLiteral("GitLab did not add %1 to the assignees of %2#%3: one "
                                      "assignee only (several need GitLab Premium)?")
                           .arg(username, action.lookups.value(1), action.lookups.value(2)));
    if (action.kind == WriteKind::Release && assigned)
        return refused(outcome,
                       QStringLiteral("GitLab kept %1 among the assignees of %2#%3")
                           .arg(username, action.lookups.value(1), action.lookups.value(2)));
    return outcome;
}
