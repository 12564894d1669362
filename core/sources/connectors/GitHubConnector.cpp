// SPDX-License-Identifier: MIT
#include "GitHubConnector.h"

#include "core/config/ConfigError.h"
#include "core/http/UrlJoin.h"
#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/IssueTracker.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/NextPageUrl.h"
#include "core/sources/connectors/common/SourceKeys.h"
#include "core/sources/connectors/common/WriteSteps.h"

#include <QRegularExpression>
#include <QUrl>

using nlohmann::json;

namespace {

QByteArray repoPath(const SourceConfig &config) {
    const QString repo =
        sourceString(config, "repo", QStringLiteral("\"owner/name\" such as \"acme/infra\""), true);
    // GitHub's owner and repository names: letters, digits, '-', '_' and '.'.
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
    if (!shape.match(repo).hasMatch())
        throw ConfigError(config.pointer + QStringLiteral("/repo"),
                          QStringLiteral("expected \"owner/name\" such as \"acme/infra\""));
    return "/repos/" + repo.toUtf8() + "/issues";
}

// GitHub's error body: {"message": "Validation Failed", "errors": [{"field", "code"}…]}.
QString githubMessage(const HttpResult &result) {
    const json root = jsonOrNull(result);
    FieldReader read;
    QString message = read.string(root, QString(), "message");
    QStringList details;
    if (const json *errors = read.array(root, QString(), "errors")) {
        for (const json &error : *errors) {
            if (error.is_string()) {
                details.append(utf8ToQString(error.get_ref<const std::string &>()));
                continue;
            }
            const QString text = read.string(error, QString(), "message");
            const QString field = read.string(error, QString(), "field");
            const QString code = read.string(error, QString(), "code");
            details.append(!text.isEmpty()   ? text
                           : field.isEmpty() ? code
                                             : field + QStringLiteral(": ") + code);
        }
    }
    if (!details.isEmpty())
        message += QStringLiteral(" (%1)").arg(details.join(QStringLiteral("; ")));
    return message;
}

} // namespace

GitHubConnector::GitHubConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_issuesPath(repoPath(this->config()))
    , m_labels(sourceStringList(this->config(), "labels",
                                QStringLiteral("an array of label names such as [\"bug\"]"),
                                QStringLiteral(",")))
    , m_severity(this->config(), {})
    , m_columns(this->config()) {
    m_listPath = m_issuesPath + "?state=open";
    if (!m_labels.isEmpty())
        m_listPath += "&labels=" + labelsParam(m_labels);
    m_listPath += "&per_page=100";
}

HttpRequest GitHubConnector::githubRequest(HttpRequest request) const {
    request.setHeader(QByteArrayLiteral("Accept"),
                      QByteArrayLiteral("application/vnd.github+json"));
    request.setHeader(QByteArrayLiteral("X-GitHub-Api-Version"), QByteArrayLiteral("2022-11-28"));
    return request;
}

HttpRequest GitHubConnector::firstRequest() const {
    return githubRequest(makeRequest(m_listPath));
}

ParsedPage GitHubConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    const json *issues = itemArray(result, {}, &root, &page.error);
    // The issues list includes pull requests; they carry a "pull_request" object.
    const auto pullRequest = [](const json &entry) {
        return entry.is_object() && entry.contains("pull_request");
    };
    const auto map = [this](const json &issue, const QString &at, Item *item, FieldReader *read) {
        return mapIssue(issue, at, item, read);
    };
    if (!issues)
        return page;
    mapEntries(*issues, QString(), config(), map, &page, pullRequest);
    if (issues->empty())
        return page;
    const QByteArray next = nextLinkUrl(result, joinUrl(config().url, m_listPath), &page.error);
    if (!page.error.isEmpty())
        page.items.clear();
    else if (!next.isEmpty())
        page.next = githubRequest(makeRequest(next));
    return page;
}

bool GitHubConnector::mapIssue(const json &issue, const QString &at, Item *item,
                               FieldReader *read) const {
    item->id = read->id(issue, at, "number");
    item->title = read->string(issue, at, "title", true);
    item->state = read->string(issue, at, "state");
    item->url = read->string(issue, at, "html_url");
    item->people = read->names(issue, at, "assignees", {"login"});
    item->owner = item->people.value(0);
    const QStringList labels = read->names(issue, at, "labels", {"name"});
    item->severity = m_severity.fromLabels(labels);
    item->createdAt = read->time(issue, at, "created_at");
    if (item->kind == ItemKind::Card) {
        item->column = m_columns.columnFor(item->state, labels);
        // GitHub issues have no due date of their own: their milestone's.
        if (const json *milestone = read->object(issue, at, "milestone"))
            item->due = read->time(*milestone, at + QStringLiteral("/milestone"), "due_on");
    }
    return read->ok();
}

QString GitHubConnector::describeFailure(const HttpResult &result) const {
    const QString failure = Connector::describeFailure(result);
    if (failure.isEmpty() || result.error != HttpError::HttpStatus)
        return failure;
    if (result.status == 404)
        return QStringLiteral("repository not found (HTTP 404): check \"repo\" and that the "
                              "token may read it");
    if (result.status == 410)
        return QStringLiteral("issues are turned off in this repository (HTTP 410)");
    const QString refused = refusal(result, QStringLiteral("GitHub"), githubMessage);
    return refused.isEmpty() ? failure : refused;
}

bool GitHubConnector::supportsWrite(WriteKind kind) const {
    return kind == WriteKind::CreateBug || kind == WriteKind::Acknowledge ||
           kind == WriteKind::Release;
}

HttpRequest GitHubConnector::writeRequest(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release) {
        if (action.lookups.isEmpty())
            return githubRequest(makeRequest(QByteArrayLiteral("/user")));
        // Adds or removes only this login: the other assignees stay.
        HttpRequest request = githubRequest(makeRequest(
            m_issuesPath + "/" + QUrl::toPercentEncoding(action.itemId) + "/assignees"));
        setJsonBody(&request, {{"assignees", {action.lookups.constFirst().toStdString()}}},
                    action.kind == WriteKind::Acknowledge ? QByteArrayLiteral("POST")
                                                          : QByteArrayLiteral("DELETE"));
        return request;
    }
    json body = {{"title", oneLineTitle(action.title, 256).toStdString()}};
    if (!action.description.isEmpty())
        body["body"] = action.description.toStdString();
    json labels = json::array();
    for (const QString &label : issueLabels(action, m_labels))
        labels.push_back(label.toStdString());
    if (!labels.empty())
        body["labels"] = std::move(labels);
    HttpRequest request = githubRequest(makeRequest(m_issuesPath));
    setJsonBody(&request, body);
    return request;
}

WriteOutcome GitHubConnector::parseWriteResult(const WriteAction &action,
                                               const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (action.kind == WriteKind::CreateBug) {
        if (outcome.accepted)
            readCreatedIssue(result, "number", "html_url", &outcome);
        return outcome;
    }
    if (action.lookups.isEmpty())
        return lookupStep(outcome, action, result, "login",
                          QStringLiteral("GitHub's /user answer"));
    if (result.error == HttpError::HttpStatus && result.status == 404)
        outcome.error = QStringLiteral("GitHub has no issue #%1 that the token may see (HTTP 404)")
                            .arg(action.itemId);
    if (outcome.accepted)
        checkAssignees(action, result, &outcome);
    return outcome;
}

void GitHubConnector::checkAssignees(const WriteAction &action, const HttpResult &result,
                                     WriteOutcome *outcome) const {
    // GitHub answers the issue; it silently leaves out a login that may not be assigned (no
    // push access), so the answer is the proof. An answer without assignees proves nothing.
    const json issue = jsonOrNull(result);
    const json *assignees = jsonMember(&issue, "assignees");
    if (!assignees || !assignees->is_array())
        return;
    FieldReader read;
    const QString login = action.lookups.constFirst();
    const bool assigned = read.names(issue, QString(), "assignees", {"login"}).contains(login);
    if (action.kind == WriteKind::Acknowledge && !assigned) {
        outcome->accepted = false;
        outcome->error = QStringLiteral("GitHub did not assign %1 to #%2: the token's user may "
                                        "not be assigned in this repository (push access)")
                             .arg(login, action.itemId);
    } else if (action.kind == WriteKind::Release && assigned) {
        outcome->accepted = false;
        outcome->error = QStringLiteral("GitHub kept %1 assigned to #%2").arg(login, action.itemId);
    }
}
