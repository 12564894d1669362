// SPDX-License-Identifier: MIT
#include "AlertmanagerConnector.h"

#include "ConfigError.h"
#include "JsonFields.h"
#include "ResponseCheck.h"
#include "TimeParse.h"
#include "UrlJoin.h"

#include <QUrl>

#include <string_view>

using nlohmann::json;

namespace {

bool nonEmptyArray(const json *value) {
    return value && value->is_array() && !value->empty();
}

QString titleOf(const json *labels, const json *annotations, const std::string &fingerprint) {
    for (const char *key : {"summary", "description"}) {
        const std::string *s = jsonString(annotations, key);
        if (s && !s->empty()) {
            // A description may run to paragraphs; the title is its first line.
            const std::string_view view(*s);
            const std::string_view line = view.substr(0, view.find('\n'));
            return QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size())).trimmed();
        }
    }
    const std::string *name = jsonString(labels, "alertname");
    if (!name || name->empty())
        return QStringLiteral("alert %1").arg(utf8ToQString(&fingerprint));
    for (const char *key : {"service", "instance", "job"}) {
        const std::string *hint = jsonString(labels, key);
        if (hint && !hint->empty())
            return QStringLiteral("%1 (%2)").arg(utf8ToQString(name), utf8ToQString(hint));
    }
    return utf8ToQString(name);
}

QString stateOf(const json &alert) {
    const json *status = jsonMember(&alert, "status");
    if (nonEmptyArray(jsonMember(status, "silencedBy")))
        return QStringLiteral("silenced");
    if (nonEmptyArray(jsonMember(status, "inhibitedBy")))
        return QStringLiteral("inhibited");
    const std::string *state = jsonString(status, "state");
    return state && !state->empty() ? utf8ToQString(state) : QStringLiteral("unknown");
}

void addPerson(const std::string *name, QStringList *people) {
    if (!name || name->empty())
        return;
    const QString person = utf8ToQString(name);
    if (!people->contains(person))
        people->append(person);
}

} // namespace

AlertmanagerConnector::AlertmanagerConnector(SourceConfig config)
    : Connector(std::move(config))
    , m_pathAndQuery(QByteArrayLiteral("/api/v2/alerts?active=true&silenced=true&inhibited=true"))
    , m_alertsPageUrl(QString::fromUtf8(joinUrl(this->config().url, "/#/alerts"))) {
    const json &raw = this->config().raw;
    const auto filter = raw.is_object() ? raw.find("filter") : raw.end();
    if (raw.is_object() && filter != raw.end()) {
        const QString where = this->config().pointer + QStringLiteral("/filter");
        const auto bad = [&where](const QString &at) {
            return ConfigError(at, QStringLiteral("expected a matcher string or an array of them, "
                                                  "such as [\"team=\\\"sre\\\"\"]"));
        };
        const json list = filter->is_string() ? json::array({*filter}) : *filter;
        if (!list.is_array())
            throw bad(where);
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string() || list[i].get_ref<const std::string &>().empty())
                throw bad(filter->is_string() ? where
                                              : where + QLatin1Char('/') + QString::number(i));
            m_pathAndQuery += "&filter=" + QUrl::toPercentEncoding(
                                               QString::fromStdString(list[i].get<std::string>()));
        }
    }
}

HttpRequest AlertmanagerConnector::firstRequest() const {
    return makeRequest(m_pathAndQuery);
}

ParsedPage AlertmanagerConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    json root;
    if (!parseJsonBody(result, &root, &page.error))
        return page;
    if (!root.is_array()) {
        page.error = wrongShape(QString(), QStringLiteral("an array of alerts"));
        return page;
    }
    page.items.reserve(root.size());
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json &alert = root[i];
        const QString at = QLatin1Char('/') + QString::number(i);
        if (!alert.is_object()) {
            page.items.clear();
            page.error = wrongShape(at, QStringLiteral("an alert object"));
            return page;
        }
        const std::string *fingerprint = jsonString(&alert, "fingerprint");
        if (!fingerprint || fingerprint->empty()) {
            page.items.clear();
            page.error =
                wrongShape(at + QStringLiteral("/fingerprint"), QStringLiteral("a string"));
            return page;
        }
        const json *labels = jsonMember(&alert, "labels");
        const json *annotations = jsonMember(&alert, "annotations");

        Item item;
        item.source = config().name;
        item.id = utf8ToQString(fingerprint);
        item.state = stateOf(alert);
        item.severity = severityFromText(utf8ToQString(jsonString(labels, "severity")));
        if (const std::string *startsAt = jsonString(&alert, "startsAt"))
            item.createdAt = parseIsoUtc(*startsAt);
        addPerson(jsonString(labels, "team"), &item.people);
        addPerson(jsonString(labels, "owner"), &item.people);
        addPerson(jsonString(annotations, "owner"), &item.people);

        const std::string *generatorUrl = jsonString(&alert, "generatorURL");
        const std::string *alertname = jsonString(labels, "alertname");
        if (generatorUrl && !generatorUrl->empty()) {
            item.url = utf8ToQString(generatorUrl);
        } else if (alertname && !alertname->empty()) {
            const QString filter = QStringLiteral("{alertname=\"%1\"}").arg(utf8ToQString(alertname));
            item.url = m_alertsPageUrl + QStringLiteral("?silenced=true&inhibited=true&filter=") +
                       QString::fromLatin1(QUrl::toPercentEncoding(filter));
        } else {
            item.url = m_alertsPageUrl;
        }

        const std::string *andon = jsonString(labels, "andon");
        if (andon && *andon == "true") {
            item.kind = ItemKind::Andon;
            item.project = utf8ToQString(jsonString(labels, "project"));
            item.reason = utf8ToQString(jsonString(annotations, "reason"));
            item.raisedBy = utf8ToQString(jsonString(annotations, "raised_by"));
            item.title = QStringLiteral("Andon: %1")
                             .arg(item.project.isEmpty() ? QStringLiteral("(no project label)")
                                                         : item.project);
        } else {
            item.kind = ItemKind::Incident;
            item.title = titleOf(labels, annotations, *fingerprint);
        }
        page.items.push_back(std::move(item));
    }
    return page;
}
