// SPDX-License-Identifier: MIT
#include "OpsgenieConnector.h"

#include "core/config/ConfigError.h"
#include "core/http/UrlJoin.h"
#include "core/sources/connectors/common/FieldReader.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"
#include "core/sources/connectors/common/NextPageUrl.h"
#include "core/sources/connectors/common/SourceKeys.h"
#include "core/sources/connectors/common/VendorMessage.h"

#include <QUrl>

using nlohmann::json;

namespace {

constexpr int pageLimit = 100;
constexpr int maxMessageChars = 130; // Opsgenie refuses a longer message

// {"message":"Could not authenticate","took":0.0,"requestId":"…"}
QString opsgenieMessage(const json &body) {
    return utf8ToQString(jsonString(&body, "message"));
}

bool flag(const json &entry, const char *key) {
    const json *value = jsonMember(&entry, key);
    return value && value->is_boolean() && value->get<bool>();
}

QString priorityOf(const QString &severity) {
    static const QStringList levels = {QStringLiteral("SEV-1"), QStringLiteral("SEV-2"),
                                       QStringLiteral("SEV-3"), QStringLiteral("SEV-4")};
    const int index = static_cast<int>(levels.indexOf(severity));
    return QStringLiteral("P%1").arg(index < 0 ? 3 : index + 1); // P3 is Opsgenie's default
}

} // namespace

OpsgenieConnector::OpsgenieConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_severity(this->config(), {{"P1", SeverityLevel::Critical},
                                  {"P2", SeverityLevel::High},
                                  {"P3", SeverityLevel::Warning},
                                  {"P4", SeverityLevel::Info},
                                  {"P5", SeverityLevel::Info}}) {
    const SourceConfig &source = this->config();
    const QString kind =
        sourceString(source, "kind", QStringLiteral("\"incidents\" or \"alerts\""), false);
    if (!kind.isEmpty() && kind != QLatin1String("incidents") && kind != QLatin1String("alerts"))
        throw ConfigError(source.pointer + QStringLiteral("/kind"),
                          QStringLiteral("expected \"incidents\" or \"alerts\""));
    m_alerts = kind == QLatin1String("alerts");
    QString query =
        sourceString(source, "query", QStringLiteral("an Opsgenie search query"), false);
    if (query.isEmpty())
        query = QStringLiteral("status:open");
    m_path = (m_alerts ? QByteArrayLiteral("/v2/alerts") : QByteArrayLiteral("/v1/incidents")) +
             "?query=" + QUrl::toPercentEncoding(query) +
             "&offset=0&limit=" + QByteArray::number(pageLimit) + "&sort=createdAt&order=desc";
    const QString web = QStringLiteral("the Opsgenie web address, such as "
                                       "\"https://acme.app.opsgenie.com\"");
    m_uiUrl = sourceString(source, "ui_url", web, false);
    while (m_uiUrl.endsWith(QLatin1Char('/')))
        m_uiUrl.chop(1);
    if (!m_uiUrl.isEmpty() && !m_uiUrl.startsWith(QLatin1String("https://")) &&
        !m_uiUrl.startsWith(QLatin1String("http://")))
        throw ConfigError(source.pointer + QStringLiteral("/ui_url"),
                          QStringLiteral("expected %1").arg(web));
    m_tags = sourceStringList(source, "tags", QStringLiteral("an array of strings"));
}

void OpsgenieConnector::applyAuth(HttpRequest &request) const {
    if (config().auth.type == QLatin1String("vendor"))
        request.headers.append(
            {QByteArrayLiteral("Authorization"), "GenieKey " + config().auth.secret});
    else
        Connector::applyAuth(request);
}

HttpRequest OpsgenieConnector::firstRequest() const {
    return makeRequest(m_path);
}

bool OpsgenieConnector::mapEntry(const json &entry, const QString &at, Item *item,
                                 FieldReader *read) const {
    item->id = read->id(entry, at, "id");
    item->title = read->string(entry, at, "message");
    if (item->title.isEmpty()) {
        const QString tinyId = read->string(entry, at, "tinyId");
        item->title = QStringLiteral("Opsgenie #%1").arg(tinyId.isEmpty() ? item->id : tinyId);
    }
    item->state = read->string(entry, at, "status");
    if (item->state == QLatin1String("open") && flag(entry, "snoozed"))
        item->state = QStringLiteral("snoozed");
    else if (item->state == QLatin1String("open") && flag(entry, "acknowledged"))
        item->state = QStringLiteral("acknowledged");
    item->severity = m_severity.map(read->string(entry, at, "priority"));
    item->createdAt = read->time(entry, at, "createdAt");
    // Alerts name their owner; responders count when Opsgenie gave a name (a bare team id is
    // no help to a person).
    const QString owner = read->string(entry, at, "owner");
    if (!owner.isEmpty())
        item->people.append(owner);
    // Opsgenie makes whoever acknowledges an alert its owner; the Incident API has no owner.
    if (m_alerts && flag(entry, "acknowledged")) {
        item->owner = owner;
        if (const json *report = read->object(entry, at, "report"); report && owner.isEmpty())
            item->owner = read->string(*report, at + QStringLiteral("/report"), "acknowledgedBy");
    }
    for (const QString &name : read->names(entry, at, "responders", {"name", "username"})) {
        if (!item->people.contains(name))
            item->people.append(name);
    }
    if (!m_uiUrl.isEmpty()) {
        item->url = m_alerts ? QStringLiteral("%1/alert/detail/%2/details").arg(m_uiUrl, item->id)
                             : QStringLiteral("%1/incident/detail/%2").arg(m_uiUrl, item->id);
    }
    return true;
}

ParsedPage OpsgenieConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    const json *data = itemArray(result, "data", &root, &page.error);
    const EntryMapper map = [this](const json &entry, const QString &at, Item *item,
                                   FieldReader *read) { return mapEntry(entry, at, item, read); };
    if (!data)
        return page;
    mapEntries(*data, QStringLiteral("/data"), config(), map, &page);
    FieldReader read;
    const json *paging = read.object(root, QString(), "paging");
    const QString next =
        paging ? read.string(*paging, QStringLiteral("/paging"), "next") : QString();
    if (!read.ok()) {
        page.items.clear();
        page.error = read.error();
    } else if (!next.isEmpty()) {
        const QByteArray url =
            resolveNextPageUrl(joinUrl(config().url, m_path), next.toUtf8(), &page.error);
        if (url.isEmpty())
            page.items.clear();
        else
            page.next = makeRequest(url);
    }
    return page;
}

QString OpsgenieConnector::describeFailure(const HttpResult &result) const {
    QString failure = Connector::describeFailure(result);
    if (result.error == HttpError::HttpStatus && result.status == 402)
        failure = QStringLiteral("the Opsgenie plan does not include this API (HTTP 402)");
    return withVendorMessage(failure, result, opsgenieMessage);
}

bool OpsgenieConnector::supportsWrite(WriteKind kind) const {
    // The Incident API has no acknowledgement: dutyboard keeps the owner of an incident itself.
    if (kind == WriteKind::Acknowledge || kind == WriteKind::Release)
        return m_alerts;
    return kind == WriteKind::CreateIncident;
}

HttpRequest OpsgenieConnector::writeRequest(const WriteAction &action) const {
    if (action.kind == WriteKind::Acknowledge || action.kind == WriteKind::Release) {
        const bool acknowledge = action.kind == WriteKind::Acknowledge;
        HttpRequest request =
            makeRequest("/v2/alerts/" + QUrl::toPercentEncoding(action.itemId) +
                        (acknowledge ? "/acknowledge" : "/unacknowledge") + "?identifierType=id");
        const QString note = acknowledge ? QStringLiteral("acknowledged via dutyboard")
                                         : QStringLiteral("released via dutyboard");
        json body = {{"source", "dutyboard"}, {"note", note.toStdString()}};
        if (!action.raisedBy.isEmpty())
            body["user"] = action.raisedBy.toStdString();
        setJsonBody(&request, body);
        return request;
    }
    QString message = action.title;
    if (message.size() > maxMessageChars)
        message = message.left(maxMessageChars - 1) + QChar(0x2026);
    json body = {{"message", message.toStdString()},
                 {"description", action.description.toStdString()},
                 {"priority", priorityOf(action.severity).toStdString()}};
    if (!m_tags.isEmpty()) {
        json tags = json::array();
        for (const QString &tag : m_tags)
            tags.push_back(tag.toStdString());
        body["tags"] = std::move(tags);
    }
    json details = json::object();
    if (!action.severity.isEmpty())
        details["severity"] = action.severity.toStdString();
    if (!action.customerImpact.isEmpty())
        details["customer_impact"] = action.customerImpact.toStdString();
    if (!details.empty())
        body["details"] = std::move(details);
    // Alerts deduplicate on their alias; the Incident API has no such key.
    if (m_alerts && !action.idempotencyKey.isEmpty())
        body["alias"] = action.idempotencyKey.toStdString();
    HttpRequest request = makeRequest(m_alerts ? QByteArrayLiteral("/v2/alerts")
                                               : QByteArrayLiteral("/v1/incidents/create"));
    setJsonBody(&request, body);
    return request;
}

WriteOutcome OpsgenieConnector::parseWriteResult(const WriteAction &action,
                                                 const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (outcome.accepted) {
        const json body = jsonOrNull(result);
        outcome.createdId = utf8ToQString(jsonString(&body, "requestId"));
    }
    return outcome;
}
