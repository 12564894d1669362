// SPDX-License-Identifier: MIT
#include "GitHubConnector.h"

#include "ConfigError.h"
#include "JsonFields.h"
#include "LinkHeader.h"
#include "NextPageUrl.h"
#include "SourceKeys.h"
#include "TimeParse.h"
#include "UrlJoin.h"

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
                details.append(jsonText(error.get_ref<const std::string &>()));
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
    , m_severity(this->config(), {}) {
    m_listPath = m_issuesPath + "?state=open";
    if (!m_labels.isEmpty()) {
        QByteArrayList encoded;
        for (const QString &label : m_labels)
            encoded.append(QUrl::toPercentEncoding(label));
        m_listPath += "&labels=" + encoded.join(',');
    }
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
    if (!issues)
        return page;
    FieldReader read;
    page.items.reserve(issues->size());
    for (std::size_t i = 0; i < issues->size(); ++i) {
        const json &issue = (*issues)[i];
        // The issues list includes pull requests; they carry a "pull_request" object.
        if (issue.is_object() && issue.contains("pull_request")) {
            ++page.skipped;
            continue;
        }
        Item item;
        if (!mapIssue(issue, QLatin1Char('/') + QString::number(i), &item, &read)) {
            page.items.clear();
            page.error = read.error();
            return page;
        }
        page.items.push_back(std::move(item));
    }
    if (issues->empty())
        return page;
    const QByteArray link = findLinkByRel(result.headers, QByteArrayLiteral("next"));
    if (!link.isEmpty()) {
        const QByteArray url =
            resolveNextPageUrl(joinUrl(config().url, m_listPath), link, &page.error);
        if (url.isEmpty())
            page.items.clear();
        else
            page.next = githubRequest(makeRequest(url));
    }
    return page;
}

bool GitHubConnector::mapIssue(const json &issue, const QString &at, Item *item,
                               FieldReader *read) const {
    if (!issue.is_object()) {
        read->fail(at, QStringLiteral("an issue object"));
        return false;
    }
    item->kind = config().panel;
    item->source = config().name;
    item->id = read->id(issue, at, "number");
    item->title = read->string(issue, at, "title", true);
    item->state = read->string(issue, at, "state");
    item->url = read->string(issue, at, "html_url");
    item->people = read->names(issue, at, "assignees", {"login"});
    item->severity = m_severity.fromLabels(read->names(issue, at, "labels", {"name"}));
    const QString created = read->string(issue, at, "created_at");
    if (!created.isEmpty()) {
        item->createdAt = parseIsoUtc(created.toStdString());
        if (!item->createdAt.isValid())
            read->fail(at + QStringLiteral("/created_at"), QStringLiteral("an ISO 8601 time"));
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
    if (result.status == 400 || result.status == 422) {
        const QString message = githubMessage(result);
        if (!message.isEmpty())
            return QStringLiteral("GitHub refused it (HTTP %1): %2")
                .arg(result.status)
                .arg(message);
    }
    return failure;
}

bool GitHubConnector::supportsWrite(WriteKind kind) const {
    return kind == WriteKind::CreateBug;
}

HttpRequest GitHubConnector::writeRequest(const WriteAction &action) const {
    // The configured labels too, so the new issue shows up on this board.
    json labels = json::array();
    for (const QString &label : action.labels + m_labels) {
        const std::string name = label.trimmed().toStdString();
        if (!name.empty() && std::find(labels.begin(), labels.end(), name) == labels.end())
            labels.push_back(name);
    }
    json body = {{"title", oneLineTitle(action.title, 256).toStdString()}};
    if (!action.description.isEmpty())
        body["body"] = action.description.toStdString();
    if (!labels.empty())
        body["labels"] = std::move(labels);
    return githubRequest(makeJsonRequest("POST", m_issuesPath, body));
}

WriteOutcome GitHubConnector::parseWriteResult(const WriteAction &action,
                                               const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted)
        return outcome;
    const json root = jsonOrNull(result);
    FieldReader read;
    outcome.createdId = read.id(root, QString(), "number");
    outcome.createdUrl = read.string(root, QString(), "html_url");
    return outcome;
}
