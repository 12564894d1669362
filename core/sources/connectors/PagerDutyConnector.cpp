// SPDX-License-Identifier: MIT
#include "PagerDutyConnector.h"

#include "core/config/ConfigError.h"
#include "core/http/ResponseCheck.h"
#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/SourceKeys.h"
#include "core/sources/connectors/common/VendorMessage.h"

#include <QUrl>

using nlohmann::json;

namespace {

constexpr qint64 pageLimit = 100;
const QByteArray vendorAccept = QByteArrayLiteral("application/vnd.pagerduty+json;version=2");

// `name[]=value` for each value, brackets percent-encoded.
QByteArrayList arrayParams(const char *name, const QStringList &values) {
    QByteArrayList params;
    for (const QString &value : values)
        params.append(QByteArray(name) + "%5B%5D=" + QUrl::toPercentEncoding(value));
    return params;
}

// {"error":{"message":"Invalid Input Provided","code":2001,"errors":["Title cannot be empty."]}}
QString pagerDutyMessage(const json &body) {
    const json *error = jsonMember(&body, "error");
    QStringList parts;
    if (const std::string *message = jsonString(error, "message"))
        parts.append(utf8ToQString(message));
    if (const json *errors = jsonMember(error, "errors"); errors && errors->is_array()) {
        for (const json &entry : *errors) {
            if (entry.is_string())
                parts.append(utf8ToQString(&entry.get_ref<const std::string &>()));
        }
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(": "));
}

// Who acknowledged last (an incident re-acknowledged by someone else lists both).
QString latestAcknowledger(const json &incident, const QString &at, FieldReader *read) {
    const json *acknowledgements = read->array(incident, at, "acknowledgements");
    QString name;
    QDateTime latest;
    for (std::size_t i = 0; acknowledgements && i < acknowledgements->size(); ++i) {
        const QString where = at + QStringLiteral("/acknowledgements/%1").arg(i);
        const json &entry = (*acknowledgements)[i];
        const json *acknowledger = read->object(entry, where, "acknowledger");
        const QString who =
            acknowledger
                ? read->string(*acknowledger, where + QStringLiteral("/acknowledger"), "summary")
                : QString();
        const QDateTime when = read->time(entry, where, "at");
        if (!who.isEmpty() &&
            (name.isEmpty() || !when.isValid() || !latest.isValid() || when >= latest)) {
            name = who;
            latest = when;
        }
    }
    return name;
}

bool mapIncident(const json &incident, const QString &at, Item *item, FieldReader *read,
                 const SeverityMap &severity) {
    item->id = read->id(incident, at, "id");
    item->title = read->string(incident, at, "title");
    if (item->title.isEmpty())
        item->title = read->string(incident, at, "summary");
    if (item->title.isEmpty()) {
        const json *number = jsonMember(&incident, "incident_number");
        item->title = number && number->is_number_integer()
                          ? QStringLiteral("PagerDuty incident #%1").arg(number->get<qint64>())
                          : QStringLiteral("PagerDuty incident");
    }
    item->state = read->string(incident, at, "status");
    item->createdAt = read->time(incident, at, "created_at");
    item->url = read->string(incident, at, "html_url");
    if (item->state == QLatin1String("acknowledged"))
        item->owner = latestAcknowledger(incident, at, read);
    if (const json *assignments = read->array(incident, at, "assignments")) {
        for (std::size_t i = 0; i < assignments->size(); ++i) {
            const QString where = at + QStringLiteral("/assignments/%1").arg(i);
            const json *assignee = read->object((*assignments)[i], where, "assignee");
            const QString name =
                assignee ? read->string(*assignee, where + QStringLiteral("/assignee"), "summary")
                         : QString();
            if (!name.isEmpty() && !item->people.contains(name))
                item->people.append(name);
        }
    }
    // The priority is what the team set; the urgency only says how loudly it pages.
    const json *priority = read->object(incident, at, "priority");
    const QString level =
        priority ? read->string(*priority, at + QStringLiteral("/priority"), "summary") : QString();
    item->severity = severity.map(level.isEmpty() ? read->string(incident, at, "urgency") : level);
    return true;
}

// The incident's text: the description, then what the form said about severity and impact.
QString detailsOf(const WriteAction &action) {
    QStringList lines;
    if (!action.description.isEmpty())
        lines.append(action.description);
    if (!action.severity.isEmpty())
        lines.append(QStringLiteral("Severity: %1").arg(action.severity));
    if (!action.customerImpact.isEmpty())
        lines.append(QStringLiteral("Customer impact: %1").arg(action.customerImpact));
    return lines.join(QStringLiteral("\n\n"));
}

} // namespace

PagerDutyConnector::PagerDutyConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_severity(this->config(), {{"P1", SeverityLevel::Critical},
                                  {"P2", SeverityLevel::High},
                                  {"P3", SeverityLevel::Warning},
                                  {"P4", SeverityLevel::Info},
                                  {"P5", SeverityLevel::Info},
                                  {"high", SeverityLevel::High},
                                  {"low", SeverityLevel::Warning}}) {
    const SourceConfig &source = this->config();
    const QString list = QStringLiteral("an array of strings");
    QStringList statuses = sourceStringList(source, "statuses", list);
    if (!source.raw.contains("statuses"))
        statuses = {QStringLiteral("triggered"), QStringLiteral("acknowledged")};
    static const QStringList known = {QStringLiteral("triggered"), QStringLiteral("acknowledged"),
                                      QStringLiteral("resolved")};
    for (int i = 0; i < statuses.size(); ++i) {
        if (!known.contains(statuses[i]))
            throw ConfigError(source.pointer + QStringLiteral("/statuses/%1").arg(i),
                              QStringLiteral("expected triggered, acknowledged or resolved"));
    }
    m_filters = (arrayParams("statuses", statuses) +
                 arrayParams("service_ids", sourceStringList(source, "service_ids", list)) +
                 arrayParams("team_ids", sourceStringList(source, "team_ids", list)))
                    .join('&');
    m_serviceId =
        sourceString(source, "service_id", QStringLiteral("a PagerDuty service id"), false);
    m_from = sourceString(source, "from", QStringLiteral("the email of a PagerDuty user"), false);
}

QByteArray PagerDutyConnector::pageQuery(qint64 offset) const {
    return "/incidents?" + (m_filters.isEmpty() ? QByteArray() : m_filters + '&') +
           "limit=" + QByteArray::number(pageLimit) + "&offset=" + QByteArray::number(offset) +
           "&sort_by=created_at:desc";
}

void PagerDutyConnector::applyAuth(HttpRequest &request) const {
    if (config().auth.type == QLatin1String("vendor"))
        request.headers.append(
            {QByteArrayLiteral("Authorization"), "Token token=" + config().auth.secret});
    else
        Connector::applyAuth(request);
    request.setHeader(QByteArrayLiteral("Accept"), vendorAccept);
}

HttpRequest PagerDutyConnector::firstRequest() const {
    return makeRequest(pageQuery(0));
}

ParsedPage PagerDutyConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    const json *incidents = itemArray(result, "incidents", &root, &page.error);
    const EntryMapper map = [this](const json &entry, const QString &at, Item *item,
                                   FieldReader *read) {
        return mapIncident(entry, at, item, read, m_severity);
    };
    if (!incidents)
        return page;
    mapEntries(*incidents, QStringLiteral("/incidents"), config(), map, &page);
    const json *more = jsonMember(&root, "more");
    if (!more || !more->is_boolean() || !more->get<bool>())
        return page;
    // PagerDuty's classic pagination ends at 10,000; anything far beyond is not its answer.
    const auto sane = [](const json *n, qint64 min) {
        return n && n->is_number_integer() && n->get<qint64>() >= min &&
               n->get<qint64>() <= 1000000;
    };
    const json *offset = jsonMember(&root, "offset");
    const json *limit = jsonMember(&root, "limit");
    if (!sane(offset, 0) || !sane(limit, 1)) {
        page.items.clear();
        page.error =
            wrongShape(QStringLiteral("/offset"),
                       QStringLiteral("offset and a positive limit (at most 1000000) when more "
                                      "is true"));
        return page;
    }
    page.next = makeRequest(pageQuery(offset->get<qint64>() + limit->get<qint64>()));
    return page;
}

QString PagerDutyConnector::describeFailure(const HttpResult &result) const {
    return withVendorMessage(Connector::describeFailure(result), result, pagerDutyMessage);
}

bool PagerDutyConnector::supportsWrite(WriteKind kind) const {
    // No un-acknowledge in PagerDuty (only reassign or resolve): Release stays in dutyboard.
    if (kind == WriteKind::Acknowledge)
        return !m_from.isEmpty();
    return kind == WriteKind::CreateIncident && !m_serviceId.isEmpty() && !m_from.isEmpty();
}

HttpRequest PagerDutyConnector::writeRequest(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge) {
        HttpRequest request = makeRequest("/incidents/" + QUrl::toPercentEncoding(action.itemId));
        setJsonBody(
            &request,
            json{{"incident", {{"type", "incident_reference"}, {"status", "acknowledged"}}}},
            QByteArrayLiteral("PUT"));
        request.setHeader(QByteArrayLiteral("From"), m_from.toUtf8());
        return request;
    }
    const bool loud =
        action.severity == QLatin1String("SEV-1") || action.severity == QLatin1String("SEV-2");
    json incident = {
        {"type", "incident"},
        {"title", action.title.toStdString()},
        {"service", {{"id", m_serviceId.toStdString()}, {"type", "service_reference"}}},
        {"urgency", loud ? "high" : "low"},
        {"body", {{"type", "incident_body"}, {"details", detailsOf(action).toStdString()}}},
    };
    // PagerDuty refuses a second open incident with the same key on the service: a retry after
    // a crash cannot open it twice.
    if (!action.idempotencyKey.isEmpty())
        incident["incident_key"] = action.idempotencyKey.toStdString();
    HttpRequest request = makeRequest(QByteArrayLiteral("/incidents"));
    setJsonBody(&request, json{{"incident", std::move(incident)}});
    request.setHeader(QByteArrayLiteral("From"), m_from.toUtf8());
    return request;
}

WriteOutcome PagerDutyConnector::parseWriteResult(const WriteAction &action,
                                                  const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted) {
        if (result.status == 400 && !action.idempotencyKey.isEmpty() &&
            outcome.error.contains(action.idempotencyKey)) {
            outcome.accepted = true; // an earlier attempt opened it
            outcome.error.clear();
        }
        return outcome;
    }
    const json body = jsonOrNull(result);
    const json *incident = jsonMember(&body, "incident");
    if (action.kind == WriteKind::Acknowledge) {
        // A 200 whose incident is not acknowledged (resolved meanwhile) did not acknowledge it.
        const QString status = utf8ToQString(jsonString(incident, "status"));
        if (status != QLatin1String("acknowledged")) {
            outcome.accepted = false;
            outcome.error =
                status.isEmpty()
                    ? QStringLiteral("PagerDuty's answer does not say the incident's status")
                    : QStringLiteral("PagerDuty left the incident %1, not acknowledged")
                          .arg(status);
        }
        return outcome;
    }
    outcome.createdId = utf8ToQString(jsonString(incident, "id"));
    outcome.createdUrl = utf8ToQString(jsonString(incident, "html_url"));
    return outcome;
}
