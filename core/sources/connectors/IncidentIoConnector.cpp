// SPDX-License-Identifier: MIT
#include "IncidentIoConnector.h"

#include "core/config/ConfigError.h"
#include "core/http/RateLimit.h"
#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/SourceKeys.h"
#include "core/sources/connectors/common/VendorMessage.h"

#include <QCryptographicHash>
#include <QUrl>

#include <algorithm>

using nlohmann::json;

namespace {

const QByteArray categoryParam = QByteArrayLiteral("&status_category%5Bone_of%5D=");

// {"type":"validation_error","errors":[{"code":"is_required","message":"A severity is
// required to open an incident","source":{"field":"severity_id"}}]}
QString incidentIoMessage(const json &body) {
    QStringList parts;
    const json *errors = jsonMember(&body, "errors");
    if (!errors || !errors->is_array())
        return {};
    for (const json &error : *errors) {
        QString message = utf8ToQString(jsonString(&error, "message")).trimmed();
        const QString field = utf8ToQString(jsonString(jsonMember(&error, "source"), "field"));
        if (!field.isEmpty())
            message += QStringLiteral(" (%1)").arg(field);
        if (!message.isEmpty())
            parts.append(message);
    }
    return parts.join(QStringLiteral("; "));
}

// The lead first (who to talk to), the reporter last; one entry per person. `lead`: the
// lead's name, empty when the role is not assigned.
QStringList peopleOf(const json &incident, const QString &at, FieldReader *read, QString *lead) {
    const json *assignments = read->array(incident, at, "incident_role_assignments");
    if (!assignments)
        return {};
    std::vector<std::pair<int, QString>> ranked;
    for (std::size_t i = 0; i < assignments->size(); ++i) {
        const json &assignment = (*assignments)[i];
        const QString where = at + QStringLiteral("/incident_role_assignments/%1").arg(i);
        const json *assignee = read->object(assignment, where, "assignee");
        const json *role = read->object(assignment, where, "role");
        const QString name =
            assignee ? read->string(*assignee, where + QStringLiteral("/assignee"), "name")
                     : QString();
        const QString type =
            role ? read->string(*role, where + QStringLiteral("/role"), "role_type") : QString();
        if (type == QLatin1String("lead") && lead->isEmpty())
            *lead = name;
        if (!name.isEmpty())
            ranked.emplace_back(type == QLatin1String("lead")       ? 0
                                : type == QLatin1String("reporter") ? 2
                                                                    : 1,
                                name);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList people;
    for (const auto &entry : ranked) {
        if (!people.contains(entry.second))
            people.append(entry.second);
    }
    return people;
}

QString summaryOf(const WriteAction &action) {
    QString summary = action.description;
    if (!action.customerImpact.isEmpty()) {
        if (!summary.isEmpty())
            summary += QStringLiteral("\n\n");
        summary += QStringLiteral("Customer impact: %1").arg(action.customerImpact);
    }
    return summary;
}

// The outbox gives every action a key; one that arrives without stays safe to retry with a
// key derived from what it says.
QString idempotencyKeyOf(const WriteAction &action) {
    if (!action.idempotencyKey.isEmpty())
        return action.idempotencyKey;
    const QByteArray text = (action.title + QLatin1Char('\n') + action.description +
                             QLatin1Char('\n') + action.severity)
                                .toUtf8();
    return QStringLiteral("dutyboard-") +
           QString::fromLatin1(
               QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(32));
}

} // namespace

IncidentIoConnector::IncidentIoConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_severity(this->config(), {}) {
    const SourceConfig &source = this->config();
    m_path = QByteArrayLiteral("/v2/incidents?page_size=25") + categoryParam + "live";
    if (sourceBool(source, "include_learning", true))
        m_path += categoryParam + "learning";
    m_severityIds = sourceStringMap(source, "severity_ids",
                                    QStringLiteral("an object of severity ids such as "
                                                   "{\"SEV-1\": \"01H…\"}"));
    static const QStringList levels = {QStringLiteral("SEV-1"), QStringLiteral("SEV-2"),
                                       QStringLiteral("SEV-3"), QStringLiteral("SEV-4")};
    for (auto it = m_severityIds.constBegin(); it != m_severityIds.constEnd(); ++it) {
        if (!levels.contains(it.key()))
            throw ConfigError(source.pointer + QStringLiteral("/severity_ids/") + it.key(),
                              QStringLiteral("expected SEV-1, SEV-2, SEV-3 or SEV-4 as keys"));
    }
    m_visibility =
        sourceString(source, "visibility", QStringLiteral("\"public\" or \"private\""), false);
    if (m_visibility.isEmpty())
        m_visibility = QStringLiteral("public");
    if (m_visibility != QLatin1String("public") && m_visibility != QLatin1String("private"))
        throw ConfigError(source.pointer + QStringLiteral("/visibility"),
                          QStringLiteral("expected \"public\" or \"private\""));
    const QString emails = QStringLiteral("an object of incident.io emails such as "
                                          "{\"victor\": \"victor@example.com\"}");
    m_people = sourceStringMap(source, "people", emails);
    for (auto it = m_people.constBegin(); it != m_people.constEnd(); ++it) {
        if (!it.value().contains(QLatin1Char('@')))
            throw ConfigError(source.pointer + QStringLiteral("/people/") + it.key(),
                              QStringLiteral("expected %1").arg(emails));
    }
}

HttpRequest IncidentIoConnector::firstRequest() const {
    return makeRequest(m_path);
}

bool IncidentIoConnector::mapIncident(const json &incident, const QString &at, Item *item,
                                      FieldReader *read) const {
    item->id = read->id(incident, at, "id");
    const QString reference = read->string(incident, at, "reference");
    const QString name = read->string(incident, at, "name");
    item->title = reference.isEmpty() ? name
                  : name.isEmpty()    ? reference
                                      : reference + QLatin1Char(' ') + name;
    if (item->title.isEmpty())
        item->title = item->id;
    const QString statusAt = at + QStringLiteral("/incident_status");
    const json *status = read->object(incident, at, "incident_status");
    const QString category = status ? read->string(*status, statusAt, "category") : QString();
    if (category == QLatin1String("learning")) {
        item->state = QStringLiteral("post-mortem due");
    } else {
        item->state = status ? read->string(*status, statusAt, "name") : QString();
        if (item->state.isEmpty())
            item->state = category;
    }
    // By name: ranks only order one organisation's own list (the lowest is the least severe),
    // so a rank alone says nothing on our scale.
    const json *severity = read->object(incident, at, "severity");
    item->severity = m_severity.map(
        severity ? read->string(*severity, at + QStringLiteral("/severity"), "name") : QString());
    item->createdAt = read->time(incident, at, "created_at");
    item->people = peopleOf(incident, at, read, &item->owner);
    item->url = read->string(incident, at, "permalink");
    return true;
}

ParsedPage IncidentIoConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    const json *incidents = itemArray(result, "incidents", &root, &page.error);
    const EntryMapper map = [this](const json &entry, const QString &at, Item *item,
                                   FieldReader *read) {
        return mapIncident(entry, at, item, read);
    };
    if (!incidents)
        return page;
    mapEntries(*incidents, QStringLiteral("/incidents"), config(), map, &page);
    const std::string *after = jsonString(jsonMember(&root, "pagination_meta"), "after");
    if (after && !after->empty())
        page.next = makeRequest(m_path + "&after=" + QUrl::toPercentEncoding(utf8ToQString(after)));
    return page;
}

QString IncidentIoConnector::describeFailure(const HttpResult &result) const {
    return withVendorMessage(Connector::describeFailure(result), result, incidentIoMessage);
}

QDateTime IncidentIoConnector::rateLimitedUntil(const HttpResult &result,
                                                const QDateTime &now) const {
    if (result.status == 429) {
        const json body = jsonOrNull(result);
        const json *retry = jsonMember(jsonMember(&body, "rate_limit"), "retry_after");
        if (retry && (retry->is_string() || retry->is_number())) {
            const QByteArray text = QByteArray::fromStdString(
                retry->is_string() ? retry->get<std::string>() : retry->dump());
            const QDateTime until = retryTimeFromText(text, now);
            if (until.isValid())
                return boundedRetryTime(until, now);
        }
    }
    return Connector::rateLimitedUntil(result, now);
}

bool IncidentIoConnector::supportsWrite(WriteKind kind) const {
    return kind == WriteKind::CreateIncident || kind == WriteKind::Acknowledge ||
           kind == WriteKind::Release;
}

HttpRequest IncidentIoConnector::writeRequest(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release)
        return leadRequest(action);
    json body = {{"idempotency_key", idempotencyKeyOf(action).toStdString()},
                 {"name", action.title.toStdString()},
                 {"summary", summaryOf(action).toStdString()},
                 {"visibility", m_visibility.toStdString()},
                 {"mode", "standard"}};
    if (const QString severityId = m_severityIds.value(action.severity); !severityId.isEmpty())
        body["severity_id"] = severityId.toStdString();
    HttpRequest request = makeRequest(QByteArrayLiteral("/v2/incidents"));
    setJsonBody(&request, body);
    return request;
}

WriteOutcome IncidentIoConnector::parseWriteResult(const WriteAction &action,
                                                   const HttpResult &result) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release)
        return parseLeadResult(action, result);
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (outcome.accepted) {
        const json body = jsonOrNull(result);
        const json *incident = jsonMember(&body, "incident");
        outcome.createdId = utf8ToQString(jsonString(incident, "id"));
        outcome.createdUrl = utf8ToQString(jsonString(incident, "permalink"));
    }
    return outcome;
}
