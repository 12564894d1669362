// SPDX-License-Identifier: MIT
#include "JiraConnector.h"

#include "core/config/ConfigError.h"
#include "core/http/ResponseCheck.h"
#include "core/http/UrlJoin.h"
#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/IssueTracker.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/SourceKeys.h"
#include "core/sources/connectors/common/WriteSteps.h"

#include <QRegularExpression>
#include <QUrl>

using nlohmann::json;

namespace {

// Jira Cloud's default scheme (Highest…Lowest) and the older Server one (Blocker…Trivial).
const SeverityMap::Words jiraPriorities = {
    {"Highest", SeverityLevel::Critical}, {"Blocker", SeverityLevel::Critical},
    {"High", SeverityLevel::High},        {"Critical", SeverityLevel::High},
    {"Medium", SeverityLevel::Warning},   {"Major", SeverityLevel::Warning},
    {"Low", SeverityLevel::Info},         {"Minor", SeverityLevel::Info},
    {"Lowest", SeverityLevel::Info},      {"Trivial", SeverityLevel::Info},
};

constexpr const char *fieldList = "summary,status,assignee,created,updated,priority,labels";

JiraConnector::Flavor flavorOf(const SourceConfig &config) {
    const QString flavor =
        sourceString(config, "flavor", QStringLiteral("\"cloud\" or \"datacenter\""), false);
    if (flavor.isEmpty() || flavor == QLatin1String("cloud"))
        return JiraConnector::Flavor::Cloud;
    if (flavor == QLatin1String("datacenter") || flavor == QLatin1String("server"))
        return JiraConnector::Flavor::DataCenter;
    throw ConfigError(config.pointer + QStringLiteral("/flavor"),
                      QStringLiteral("expected \"cloud\" or \"datacenter\""));
}

// Jira's error body: {"errorMessages": ["…"], "errors": {"summary": "…"}}, as one line.
QString jiraMessages(const HttpResult &result) {
    const json root = jsonOrNull(result);
    if (!root.is_object())
        return {};
    QStringList parts;
    if (const auto it = root.find("errorMessages"); it != root.end() && it->is_array()) {
        for (const json &message : *it) {
            if (message.is_string())
                parts.append(utf8ToQString(message.get_ref<const std::string &>()));
        }
    }
    if (const auto it = root.find("errors"); it != root.end() && it->is_object()) {
        for (const auto &[field, message] : it->items()) {
            if (message.is_string())
                parts.append(QString::fromStdString(field) + QStringLiteral(": ") +
                             utf8ToQString(message.get_ref<const std::string &>()));
        }
    }
    return parts.join(QStringLiteral("; "));
}

// Atlassian Document Format (Cloud v3 takes no plain text): one paragraph per line.
json adfDocument(const QString &text) {
    json paragraphs = json::array();
    for (QString line : text.split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        json content = json::array();
        if (!line.isEmpty()) // ADF refuses empty text nodes: an empty line is an empty paragraph
            content.push_back({{"type", "text"}, {"text", line.toStdString()}});
        paragraphs.push_back({{"type", "paragraph"}, {"content", std::move(content)}});
    }
    return {{"type", "doc"}, {"version", 1}, {"content", std::move(paragraphs)}};
}

} // namespace

JiraConnector::JiraConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_flavor(flavorOf(this->config()))
    , m_browseBase(QString::fromUtf8(joinUrl(this->config().url, "/browse/")))
    , m_project(sourceString(this->config(), "project",
                             QStringLiteral("a project key such as \"SRE\""), false))
    , m_issueType(sourceString(this->config(), "issue_type",
                               QStringLiteral("an issue type name such as \"Bug\""), false))
    , m_labels(
          sourceStringList(this->config(), "labels", QStringLiteral("an array of label strings")))
    , m_severity(this->config(), jiraPriorities)
    , m_columns(this->config()) {
    const QString jql = sourceString(this->config(), "jql", QStringLiteral("a JQL string"), true);
    if (m_issueType.isEmpty())
        m_issueType = QStringLiteral("Bug");
    m_searchPath = (m_flavor == Flavor::Cloud ? QByteArrayLiteral("/rest/api/3/search/jql")
                                              : QByteArrayLiteral("/rest/api/2/search")) +
                   "?jql=" + QUrl::toPercentEncoding(jql) + "&fields=" + fieldList +
                   (this->config().panel == ItemKind::Card ? ",duedate" : "") + "&maxResults=100";
}

HttpRequest JiraConnector::firstRequest() const {
    return makeRequest(m_flavor == Flavor::Cloud ? m_searchPath : m_searchPath + "&startAt=0");
}

ParsedPage JiraConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    const json *issues = itemArray(result, "issues", &root, &page.error);
    const auto map = [this](const json &issue, const QString &at, Item *item, FieldReader *read) {
        return mapIssue(issue, at, item, read);
    };
    if (!issues)
        return page;
    mapEntries(*issues, QStringLiteral("/issues"), config(), map, &page);
    page.next = nextRequest(root, issues->size(), &page.error);
    if (!page.error.isEmpty())
        page.items.clear();
    return page;
}

bool JiraConnector::mapIssue(const json &issue, const QString &at, Item *item,
                             FieldReader *read) const {
    item->id = read->string(issue, at, "key", true);
    const json *fields = read->object(issue, at, "fields");
    if (!fields && read->ok())
        read->fail(at + QStringLiteral("/fields"), QStringLiteral("an object"));
    if (!read->ok())
        return false;
    const QString f = at + QStringLiteral("/fields");
    item->title = read->string(*fields, f, "summary", true);
    if (const json *status = read->object(*fields, f, "status"))
        item->state = read->string(*status, f + QStringLiteral("/status"), "name");
    if (const json *assignee = read->object(*fields, f, "assignee")) {
        const QString name =
            read->string(*assignee, f + QStringLiteral("/assignee"), "displayName");
        if (!name.isEmpty())
            item->people.append(name);
        item->owner = name;
    }
    if (const json *priority = read->object(*fields, f, "priority"))
        item->severity =
            m_severity.map(read->string(*priority, f + QStringLiteral("/priority"), "name"));
    item->createdAt = read->time(*fields, f, "created");
    item->url = m_browseBase + item->id;
    if (item->kind == ItemKind::Card) {
        item->column = m_columns.columnFor(item->state, read->names(*fields, f, "labels", {}));
        item->due = read->time(*fields, f, "duedate"); // a date: "2026-12-04"
    }
    return read->ok();
}

std::optional<HttpRequest> JiraConnector::nextRequest(const json &root, std::size_t count,
                                                      QString *error) const {
    FieldReader read;
    if (m_flavor == Flavor::Cloud) {
        // No total: the last page omits the token (a short page may still have more).
        const QString token = read.string(root, QString(), "nextPageToken");
        const auto isLast = root.find("isLast");
        if (!read.ok()) {
            *error = read.error();
            return std::nullopt;
        }
        if (token.isEmpty() ||
            (isLast != root.end() && isLast->is_boolean() && isLast->get<bool>()))
            return std::nullopt;
        return makeRequest(m_searchPath + "&nextPageToken=" + QUrl::toPercentEncoding(token));
    }
    const auto number = [&root](const char *key) -> std::optional<qint64> {
        const auto it = root.find(key);
        if (it == root.end() || !it->is_number_integer())
            return std::nullopt;
        return it->get<qint64>();
    };
    const qint64 startAt = number("startAt").value_or(0);
    const std::optional<qint64> total = number("total");
    if (!total) {
        *error = wrongShape(QStringLiteral("/total"), QStringLiteral("an integer"));
        return std::nullopt;
    }
    const qint64 next = startAt + qint64(count);
    if (count == 0 || next >= *total)
        return std::nullopt;
    return makeRequest(m_searchPath + "&startAt=" + QByteArray::number(next));
}

QString JiraConnector::describeFailure(const HttpResult &result) const {
    const QString failure = Connector::describeFailure(result);
    if (failure.isEmpty() || result.error != HttpError::HttpStatus)
        return failure;
    if (result.status == 410 && m_flavor == Flavor::DataCenter)
        return QStringLiteral("Jira Cloud retired this search API (HTTP 410): use \"flavor\": "
                              "\"cloud\" (/rest/api/3/search/jql)");
    if (result.status == 404 && m_flavor == Flavor::Cloud)
        return failure + QStringLiteral(" (Jira Server / Data Center: use \"flavor\": "
                                        "\"datacenter\")");
    const QString refused = refusal(result, QStringLiteral("Jira"), jiraMessages);
    return refused.isEmpty() ? failure : refused;
}

bool JiraConnector::supportsWrite(WriteKind kind) const {
    return (kind == WriteKind::CreateBug && !m_project.isEmpty()) ||
           kind == WriteKind::Acknowledge || kind == WriteKind::Release;
}

QByteArray JiraConnector::apiPath() const {
    return m_flavor == Flavor::Cloud ? QByteArrayLiteral("/rest/api/3")
                                     : QByteArrayLiteral("/rest/api/2");
}

// Cloud knows people by accountId only (GDPR); Server / Data Center by user name.
const char *JiraConnector::userKey() const {
    return m_flavor == Flavor::Cloud ? "accountId" : "name";
}

HttpRequest JiraConnector::writeRequest(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge && action.lookups.isEmpty())
        return makeRequest(apiPath() + "/myself");
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release) {
        // Release sets no one: Jira's null assignee is "unassigned" (its "-1" would be the
        // project's default assignee).
        const json assignee = action.kind == WriteKind::Acknowledge
                                  ? json(action.lookups.constFirst().toStdString())
                                  : json(nullptr);
        HttpRequest request = makeRequest(apiPath() + "/issue/" +
                                          QUrl::toPercentEncoding(action.itemId) + "/assignee");
        setJsonBody(&request, {{userKey(), assignee}}, QByteArrayLiteral("PUT"));
        return request;
    }
    json fields = {{"project", {{"key", m_project.toStdString()}}},
                   {"issuetype", {{"name", m_issueType.toStdString()}}},
                   {"summary", oneLineTitle(action.title).toStdString()}};
    if (!action.description.isEmpty()) {
        fields["description"] = m_flavor == Flavor::Cloud ? adfDocument(action.description)
                                                          : json(action.description.toStdString());
    }
    // Jira labels are single words: "needs triage" becomes "needs-triage".
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    json labels = json::array();
    for (QString label : issueLabels(action, m_labels)) {
        const std::string word = label.replace(spaces, QStringLiteral("-")).toStdString();
        if (std::find(labels.begin(), labels.end(), word) == labels.end())
            labels.push_back(word);
    }
    if (!labels.empty())
        fields["labels"] = std::move(labels);
    HttpRequest request = makeRequest(apiPath() + "/issue");
    setJsonBody(&request, {{"fields", std::move(fields)}});
    return request;
}

WriteOutcome JiraConnector::parseWriteResult(const WriteAction &action,
                                             const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (action.kind == WriteKind::Acknowledge && action.lookups.isEmpty())
        return lookupStep(
            outcome, action, result, userKey(),
            QStringLiteral("Jira's answer to %1/myself").arg(QString::fromLatin1(apiPath())));
    if (action.kind != WriteKind::CreateBug) {
        // Not the Data Center hint of a 404 on a search: the issue itself is not there.
        if (result.error == HttpError::HttpStatus && result.status == 404)
            outcome.error = QStringLiteral("Jira has no issue %1 that the token may see (HTTP 404)")
                                .arg(action.itemId);
        return outcome; // an assignment answers 204, without a body
    }
    if (!outcome.accepted)
        return outcome;
    // {"id": "10042", "key": "SRE-312", "self": "…"}: created even if the answer is odd.
    readCreatedIssue(result, "key", {}, &outcome);
    if (!outcome.createdId.isEmpty())
        outcome.createdUrl = m_browseBase + outcome.createdId;
    return outcome;
}
