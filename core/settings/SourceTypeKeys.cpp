// SPDX-License-Identifier: MIT
#include "SourceTypeKeys.h"

namespace {

using Kind = SourceTypeKey::Kind;

struct TypeInfo {
    const char *type;
    const char *title;
    const char *panel;
    const char *url;
};

const TypeInfo types[] = {
    {"alertmanager", "Alertmanager", "incidents", "http://127.0.0.1:9093"},
    {"jira", "Jira", "bugs", ""},
    {"gitlab", "GitLab", "bugs", "https://gitlab.com"},
    {"github", "GitHub", "bugs", "https://api.github.com"},
    {"pagerduty", "PagerDuty", "incidents", "https://api.pagerduty.com"},
    {"opsgenie", "Opsgenie", "incidents", "https://api.opsgenie.com"},
    {"incidentio", "incident.io", "incidents", "https://api.incident.io"},
    {"slack", "Slack", "requests", "https://slack.com/api"},
    {"generic", "Generic JSON API", "requests", ""},
};

const TypeInfo *infoOf(const QString &type) {
    for (const TypeInfo &info : types)
        if (type == QLatin1String(info.type))
            return &info;
    return nullptr;
}

std::vector<SourceTypeKey> commonKeys() {
    return {
        {"name", Kind::Text, true, {}, QStringLiteral("Unique name, shown in the source bar"), {}},
        {"url",
         Kind::Text,
         true,
         {},
         QStringLiteral("The API's base URL; a path prefix is kept"),
         {}},
        {"panel",
         Kind::Choice,
         true,
         {},
         QStringLiteral("The panel its items go to"),
         {QStringLiteral("requests"), QStringLiteral("bugs"), QStringLiteral("incidents"),
          QStringLiteral("andons"), QStringLiteral("kanban")}},
        {"interval_s",
         Kind::Number,
         false,
         QStringLiteral("30"),
         QStringLiteral("Seconds between refreshes (backoff on failure, at most 5 min)"),
         {}},
        {"timeout_s",
         Kind::Number,
         false,
         QStringLiteral("20"),
         QStringLiteral("Seconds before a request is given up"),
         {}},
        {"max_body_mb",
         Kind::Number,
         false,
         QStringLiteral("64"),
         QStringLiteral("Largest answer read, in MiB; a larger one fails the source"),
         {}},
    };
}

std::vector<SourceTypeKey> ownKeys(const QString &type) {
    if (type == QLatin1String("alertmanager"))
        return {
            {"filter",
             Kind::List,
             false,
             {},
             QStringLiteral("Matchers, comma-separated: team=\"sre\", severity=~\"critical|high\""),
             {}},
            {"group_by",
             Kind::List,
             false,
             QStringLiteral("alertname"),
             QStringLiteral("Labels whose values group alerts into one row, comma-separated"),
             {}}};
    if (type == QLatin1String("jira"))
        return {{"jql",
                 Kind::Text,
                 true,
                 {},
                 QStringLiteral("The query, e.g. project = SRE AND type = Bug"),
                 {}},
                {"flavor",
                 Kind::Choice,
                 false,
                 QStringLiteral("cloud"),
                 QStringLiteral("Jira Cloud, or Data Center / Server"),
                 {QStringLiteral("cloud"), QStringLiteral("datacenter")}},
                {"project",
                 Kind::Text,
                 false,
                 {},
                 QStringLiteral("Project key new bugs go to (\"SRE\"); none: cannot file bugs"),
                 {}},
                {"issue_type",
                 Kind::Text,
                 false,
                 QStringLiteral("Bug"),
                 QStringLiteral("Issue type of new bugs"),
                 {}},
                {"labels", Kind::List, false, {}, QStringLiteral("Labels put on new bugs"), {}}};
    if (type == QLatin1String("gitlab"))
        return {
            {"project",
             Kind::Text,
             true,
             {},
             QStringLiteral("Project path (\"platform/sre\") or numeric id"),
             {}},
            {"labels", Kind::List, false, {}, QStringLiteral("Only issues with these labels"), {}}};
    if (type == QLatin1String("github"))
        return {
            {"repo", Kind::Text, true, {}, QStringLiteral("\"owner/name\", e.g. acme/infra"), {}},
            {"labels", Kind::List, false, {}, QStringLiteral("Only issues with these labels"), {}}};
    if (type == QLatin1String("pagerduty"))
        return {{"service_ids", Kind::List, false, {}, QStringLiteral("Only these services"), {}},
                {"team_ids", Kind::List, false, {}, QStringLiteral("Only these teams"), {}},
                {"service_id",
                 Kind::Text,
                 false,
                 {},
                 QStringLiteral("Service new incidents are declared on"),
                 {}},
                {"from",
                 Kind::Text,
                 false,
                 {},
                 QStringLiteral("Email of the PagerDuty user actions are made as"),
                 {}}};
    if (type == QLatin1String("opsgenie"))
        return {{"kind",
                 Kind::Choice,
                 false,
                 QStringLiteral("incidents"),
                 QStringLiteral("Read incidents or alerts"),
                 {QStringLiteral("incidents"), QStringLiteral("alerts")}},
                {"query", Kind::Text, false, {}, QStringLiteral("An Opsgenie search query"), {}},
                {"ui_url",
                 Kind::Text,
                 false,
                 {},
                 QStringLiteral("Your Opsgenie web address, for links"),
                 {}},
                {"tags",
                 Kind::List,
                 false,
                 {},
                 QStringLiteral("Tags put on what dutyboard creates"),
                 {}}};
    if (type == QLatin1String("incidentio"))
        return {{"include_learning",
                 Kind::Flag,
                 false,
                 QStringLiteral("true"),
                 QStringLiteral("Also show incidents in post-incident (learning)"),
                 {}},
                {"visibility",
                 Kind::Choice,
                 false,
                 QStringLiteral("public"),
                 QStringLiteral("Visibility of declared incidents"),
                 {QStringLiteral("public"), QStringLiteral("private")}}};
    if (type == QLatin1String("slack"))
        return {{"channel", Kind::Text, true, {}, QStringLiteral("Channel id, e.g. C0123456"), {}},
                {"workspace",
                 Kind::Text,
                 false,
                 {},
                 QStringLiteral("Workspace name as in https://NAME.slack.com, for links"),
                 {}},
                {"oldest_hours",
                 Kind::Number,
                 false,
                 QStringLiteral("72"),
                 QStringLiteral("How far back requests are read"),
                 {}}};
    if (type == QLatin1String("generic"))
        return {
            {"path",
             Kind::Text,
             false,
             {},
             QStringLiteral("Path after the URL, e.g. /api/requests?status=open"),
             {}},
            {"items",
             Kind::Text,
             false,
             QStringLiteral("(the answer is the array)"),
             QStringLiteral("JSON pointer to the array of items, e.g. /data"),
             {}},
            {"fields/id",
             Kind::Text,
             true,
             {},
             QStringLiteral("JSON pointer, in an item, to its id, e.g. /id"),
             {}},
            {"fields/title",
             Kind::Text,
             true,
             {},
             QStringLiteral("JSON pointer to its title, e.g. /subject"),
             {}},
            {"fields/state",
             Kind::Text,
             false,
             {},
             QStringLiteral("JSON pointer to its state"),
             {}},
            {"fields/created_at",
             Kind::Text,
             false,
             {},
             QStringLiteral("JSON pointer to when it was created (ISO 8601 or epoch)"),
             {}},
            {"fields/severity",
             Kind::Text,
             false,
             {},
             QStringLiteral("JSON pointer to its severity (P1, critical, high…)"),
             {}},
            {"fields/url", Kind::Text, false, {}, QStringLiteral("JSON pointer to its link"), {}},
            {"url_template",
             Kind::Text,
             false,
             {},
             QStringLiteral("Link of an item when it has none, e.g. https://desk/tickets/{{id}}"),
             {}}};
    return {};
}

} // namespace

QStringList sourceTypes() {
    QStringList list;
    for (const TypeInfo &info : types)
        list.append(QLatin1String(info.type));
    return list;
}

QString sourceTypeTitle(const QString &type) {
    const TypeInfo *info = infoOf(type);
    return info ? QLatin1String(info->title) : type;
}

std::vector<SourceTypeKey> sourceTypeKeys(const QString &type) {
    if (!infoOf(type))
        return {};
    std::vector<SourceTypeKey> keys = commonKeys();
    for (SourceTypeKey &key : keys) {
        if (type == QLatin1String("alertmanager") && qstrcmp(key.name, "url") == 0) {
            key.kind = Kind::Urls;
            key.help = QStringLiteral("The API's base URL; a cluster: every replica's, "
                                      "comma-separated (read as one source)");
        }
    }
    for (SourceTypeKey &key : ownKeys(type))
        keys.push_back(std::move(key));
    return keys;
}

QString defaultPanel(const QString &type) {
    const TypeInfo *info = infoOf(type);
    return info ? QLatin1String(info->panel) : QStringLiteral("incidents");
}

QString defaultUrl(const QString &type) {
    const TypeInfo *info = infoOf(type);
    return info ? QLatin1String(info->url) : QString();
}
