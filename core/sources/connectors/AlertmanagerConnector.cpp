// SPDX-License-Identifier: MIT
#include "AlertmanagerConnector.h"

#include "core/sources/connectors/AlertmanagerAlertReader.h"

#include "core/config/ConfigError.h"
#include "core/http/UrlJoin.h"
#include "core/sources/ReplicaMerge.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/time/TimeParse.h"

#include <QUrl>

#include <string_view>

using nlohmann::json;

namespace {

using Field = AlertFields::Field;

QString text(const AlertFields &alert, Field field) {
    return utf8ToQString(std::string_view(alert[field]));
}

QString titleOf(const AlertFields &alert) {
    for (const Field field : {AlertFields::Summary, AlertFields::Description}) {
        if (!alert[field].empty()) {
            // A description may run to paragraphs; the title is its first line.
            const std::string_view view(alert[field]);
            return utf8ToQString(view.substr(0, view.find('\n'))).trimmed();
        }
    }
    if (alert[AlertFields::Alertname].empty())
        return QStringLiteral("alert %1").arg(text(alert, AlertFields::Fingerprint));
    for (const Field hint : {AlertFields::Service, AlertFields::Instance, AlertFields::Job}) {
        if (!alert[hint].empty())
            return QStringLiteral("%1 (%2)").arg(text(alert, AlertFields::Alertname),
                                                 text(alert, hint));
    }
    return text(alert, AlertFields::Alertname);
}

QString stateOf(const AlertFields &alert) {
    if (alert.silenced)
        return QStringLiteral("silenced");
    if (alert.inhibited)
        return QStringLiteral("inhibited");
    return alert[AlertFields::State].empty() ? QStringLiteral("unknown")
                                             : text(alert, AlertFields::State);
}

void addPerson(const AlertFields &alert, Field field, QStringList *people) {
    if (alert[field].empty())
        return;
    const QString person = text(alert, field);
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
    const QByteArrayList urls = this->config().replicaUrls();
    if (urls.size() < 2)
        return;
    for (const QByteArray &url : urls) {
        SourceConfig replica = this->config();
        replica.name += QLatin1Char('@') + replicaName(url);
        replica.url = url;
        replica.urls = {url};
        m_replicas.push_back(std::make_unique<AlertmanagerConnector>(std::move(replica)));
    }
}

void AlertmanagerConnector::setClock(const Clock &clock) {
    Connector::setClock(clock);
    for (const auto &replica : m_replicas)
        replica->setClock(clock);
}

QStringList AlertmanagerConnector::writeTargets(WriteKind kind) const {
    const bool postsAlerts = kind == WriteKind::RaiseAndon || kind == WriteKind::ResolveAndon ||
                             kind == WriteKind::CreateIncident;
    if (!postsAlerts || m_replicas.empty())
        return Connector::writeTargets(kind);
    QStringList targets;
    for (const auto &replica : m_replicas)
        targets.append(replica->config().name);
    return targets;
}

const Connector *AlertmanagerConnector::replica(const QString &target) const {
    for (const auto &replica : m_replicas) {
        if (replica->config().name == target)
            return replica.get();
    }
    return nullptr;
}

HttpRequest AlertmanagerConnector::firstRequest() const {
    return makeRequest(m_pathAndQuery);
}

ParsedPage AlertmanagerConnector::parsePage(const HttpResult &result) const {
    ParsedPage page;
    // A rough count for one allocation: an alert takes about 500 bytes of JSON.
    page.items.reserve(static_cast<std::size_t>(result.body.size() / 512));
    const auto take = [this, &page](const AlertFields &alert, int index) {
        // No fingerprint, no identity: left out, counted; the other alerts still show.
        if (alert[AlertFields::Fingerprint].empty()) {
            page.unreadable.add(QStringLiteral("/%1/fingerprint").arg(index),
                                QStringLiteral("a string"));
            return;
        }
        Item item = toItem(alert);
        if (shows(item))
            page.items.push_back(std::move(item));
    };
    AlertmanagerAlertReader reader(take, &page.unreadable);
    if (!reader.read(result, &page.error)) {
        page.items.clear();
        page.unreadable = {};
    }
    return page;
}

bool AlertmanagerConnector::shows(const Item &item) const {
    if (!config().repeats.isEmpty())
        return false;
    if (config().panel == ItemKind::Andon)
        return item.kind == ItemKind::Andon;
    return !(config().andonsElsewhere && item.kind == ItemKind::Andon);
}

Item AlertmanagerConnector::toItem(const AlertFields &alert) const {
    Item item;
    item.source = config().name;
    item.id = text(alert, AlertFields::Fingerprint);
    item.state = stateOf(alert);
    item.severity = severityFromText(text(alert, AlertFields::Severity));
    if (!alert[AlertFields::StartsAt].empty())
        item.createdAt = parseIsoUtc(alert[AlertFields::StartsAt]);
    addPerson(alert, AlertFields::Team, &item.people);
    addPerson(alert, AlertFields::Owner, &item.people);
    addPerson(alert, AlertFields::AnnotationOwner, &item.people);
    item.labels.reserve(static_cast<int>(alert.labelCount));
    for (std::size_t i = 0; i < alert.labelCount; ++i) {
        const auto &[name, value] = alert.labels[i];
        QString quoted = utf8ToQString(value);
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        item.labels.append(utf8ToQString(name) + QStringLiteral("=\"") + quoted + QLatin1Char('"'));
    }
    item.labels.sort();

    if (!alert[AlertFields::GeneratorUrl].empty()) {
        item.url = text(alert, AlertFields::GeneratorUrl);
    } else if (!alert[AlertFields::Alertname].empty()) {
        const QString filter =
            QStringLiteral("{alertname=\"%1\"}").arg(text(alert, AlertFields::Alertname));
        item.url = m_alertsPageUrl + QStringLiteral("?silenced=true&inhibited=true&filter=") +
                   QString::fromLatin1(QUrl::toPercentEncoding(filter));
    } else {
        item.url = m_alertsPageUrl;
    }

    if (alert[AlertFields::Andon] == "true") {
        item.kind = ItemKind::Andon;
        item.project = text(alert, AlertFields::Project);
        item.reason = text(alert, AlertFields::Reason);
        item.raisedBy = text(alert, AlertFields::RaisedBy);
        item.title =
            QStringLiteral("Andon: %1")
                .arg(item.project.isEmpty() ? QStringLiteral("(no project label)") : item.project);
    } else {
        item.kind = ItemKind::Incident;
        item.title = titleOf(alert);
    }
    return item;
}
