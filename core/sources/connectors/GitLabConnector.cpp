// SPDX-License-Identifier: MIT
#include "GitLabConnector.h"

#include "core/config/ConfigError.h"
#include "core/http/UrlJoin.h"
#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/IssueTracker.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/NextPageUrl.h"
#include "core/sources/connectors/common/SourceKeys.h"

#include <QUrl>

using nlohmann::json;

namespace {

// A numeric id, or a path sent URL-encoded as one segment ("platform%2Fsre").
QByteArray projectSegment(const SourceConfig &config) {
    const QString where = config.pointer + QStringLiteral("/project");
    const QString expected =
        QStringLiteral("expected a project path such as \"platform/sre\" or a numeric id");
    const auto it = config.raw.is_object() ? config.raw.find("project") : config.raw.end();
    if (!config.raw.is_object() || it == config.raw.end())
        throw ConfigError(where, expected);
    if (it->is_number_integer() && it->get<qint64>() > 0)
        return QByteArray::number(it->get<qint64>());
    if (!it->is_string() || it->get_ref<const std::string &>().empty())
        throw ConfigError(where, expected);
    const QString path = QString::fromStdString(it->get<std::string>()).trimmed();
    if (path.startsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('/')) ||
        path.contains(QLatin1Char(' ')))
        throw ConfigError(where, expected);
    return QUrl::toPercentEncoding(path);
}

// GitLab's error body: {"message": {"title": ["can't be blank"]}} names fields; a plain
// {"message": "…"} or {"error": "…"} is read as every vendor's (errorBodyText).
QString gitlabMessage(const HttpResult &result) {
    const json root = jsonOrNull(result);
    const json *fields = jsonMember(&root, "message");
    if (!fields || !fields->is_object())
        return errorBodyText(result.body);
    QStringList parts;
    for (const auto &[field, value] : fields->items()) {
        QStringList reasons;
        for (const json &reason : value.is_array() ? value : json::array({value})) {
            if (reason.is_string())
                reasons.append(utf8ToQString(reason.get_ref<const std::string &>()));
        }
        parts.append(utf8ToQString(field) + QStringLiteral(": ") +
                     reasons.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

GitLabConnector::GitLabConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_issuesPath("/api/v4/projects/" + projectSegment(this->config()) + "/issues")
    , m_labels(sourceStringList(this->config(), "labels",
                                QStringLiteral("an array of label names such as [\"bug\"]"),
                                QStringLiteral(",")))
    , m_severity(this->config(), {})
    , m_columns(this->config()) {
    m_listPath = m_issuesPath + "?state=opened";
    if (!m_labels.isEmpty())
        m_listPath += "&labels=" + labelsParam(m_labels);
    m_listPath += "&per_page=100";
}

HttpRequest GitLabConnector::firstRequest() const {
    return makeRequest(m_listPath);
}

void GitLabConnector::applyAuth(HttpRequest &request) const {
    if (config().auth.type == QLatin1String("vendor"))
        request.headers.append({QByteArrayLiteral("PRIVATE-TOKEN"), config().auth.secret});
    else
        Connector::applyAuth(request);
}

ParsedPage GitLabConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    const json *issues = itemArray(result, {}, &root, &page.error);
    const auto map = [this](const json &issue, const QString &at, Item *item, FieldReader *read) {
        return mapIssue(issue, at, item, read);
    };
    // An empty array ends the walk even when x-next-page still names a page.
    if (!issues)
        return page;
    mapEntries(*issues, QString(), config(), map, &page);
    if (issues->empty())
        return page;
    page.next = nextRequest(result, &page.error);
    if (!page.error.isEmpty())
        page.items.clear();
    return page;
}

bool GitLabConnector::mapIssue(const json &issue, const QString &at, Item *item,
                               FieldReader *read) const {
    item->id = read->id(issue, at, "id"); // global and stable; iid repeats across projects
    item->title = read->string(issue, at, "title", true);
    item->state = read->string(issue, at, "state");
    item->url = read->string(issue, at, "web_url");
    item->people = read->names(issue, at, "assignees", {"name", "username"});
    item->owner = item->people.value(0);
    // Scoped labels first (severity::2, priority::1), else the incident severity field.
    const QStringList labels = read->names(issue, at, "labels", {"name"});
    item->severity = m_severity.fromLabels(labels);
    if (item->severity.raw.isEmpty()) {
        const QString severity = read->string(issue, at, "severity");
        if (severity.compare(QLatin1String("UNKNOWN"), Qt::CaseInsensitive) != 0)
            item->severity = m_severity.map(severity);
    }
    item->createdAt = read->time(issue, at, "created_at");
    if (item->kind == ItemKind::Card) {
        item->column = m_columns.columnFor(item->state, labels);
        item->due = read->time(issue, at, "due_date"); // a date: "2026-12-04"
    }
    return read->ok();
}

std::optional<HttpRequest> GitLabConnector::nextRequest(const HttpResult &result,
                                                        QString *error) const {
    // x-next-page builds on our own URL (GitLab's Link uses its external_url, which behind a
    // proxy may not be the URL configured here).
    bool isNumber = false;
    const int page = result.header("x-next-page").trimmed().toInt(&isNumber);
    if (isNumber && page > 0)
        return makeRequest(m_listPath + "&page=" + QByteArray::number(page));
    const QByteArray next = nextLinkUrl(result, joinUrl(config().url, m_listPath), error);
    if (next.isEmpty())
        return std::nullopt;
    return makeRequest(next);
}

QString GitLabConnector::describeFailure(const HttpResult &result) const {
    const QString failure = Connector::describeFailure(result);
    if (failure.isEmpty() || result.error != HttpError::HttpStatus)
        return failure;
    if (result.status == 404)
        return QStringLiteral("project not found (HTTP 404): check \"project\" and that the "
                              "token may read it");
    const QString refused = refusal(result, QStringLiteral("GitLab"), gitlabMessage);
    return refused.isEmpty() ? failure : refused;
}

bool GitLabConnector::supportsWrite(WriteKind kind) const {
    return kind == WriteKind::CreateBug || kind == WriteKind::Acknowledge ||
           kind == WriteKind::Release;
}

HttpRequest GitLabConnector::writeRequest(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release)
        return assigneeRequest(action);
    // GitLab takes labels as one comma-separated string: a comma inside a label would split it.
    QStringList labels;
    for (const QString &label : issueLabels(action, m_labels))
        labels.append(QString(label).replace(QLatin1Char(','), QLatin1Char(' ')));
    json body = {{"title", oneLineTitle(action.title).toStdString()}};
    if (!action.description.isEmpty())
        body["description"] = action.description.toStdString();
    if (!labels.isEmpty())
        body["labels"] = labels.join(QLatin1Char(',')).toStdString();
    HttpRequest request = makeRequest(m_issuesPath);
    setJsonBody(&request, body);
    return request;
}

WriteOutcome GitLabConnector::parseWriteResult(const WriteAction &action,
                                               const HttpResult &result) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release)
        return parseAssigneeResult(action, result);
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (outcome.accepted)
        readCreatedIssue(result, "id", "web_url", &outcome);
    return outcome;
}
