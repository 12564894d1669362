// SPDX-License-Identifier: MIT
#include "LeanConfig.h"

#include "core/config/ConfigError.h"

#include <QSet>

using nlohmann::json;

namespace {

QString qs(const json &value) {
    return QString::fromStdString(value.get<std::string>());
}

QString child(const QString &pointer, const QString &key) {
    return pointer + QLatin1Char('/') + key;
}

int intIn(const json &object, const char *key, const QString &pointer, int fallback, int min,
          int max) {
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > max)
        throw ConfigError(child(pointer, QLatin1String(key)),
                          QStringLiteral("expected an integer from %1 to %2").arg(min).arg(max));
    return static_cast<int>(it->get<long long>());
}

QRegularExpression regexAt(const json &value, const QString &pointer) {
    if (!value.is_string() || value.get_ref<const std::string &>().empty())
        throw ConfigError(pointer, QStringLiteral("expected a non-empty regular expression"));
    QRegularExpression re(qs(value), QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid())
        throw ConfigError(pointer, QStringLiteral("not a valid regular expression: %1 (at %2)")
                                       .arg(re.errorString())
                                       .arg(re.patternErrorOffset()));
    return re;
}

// What each action needs from its targets' connectors (andon: a resolve goes to the targets
// that can resolve; raising is what makes a target an andon target).
struct ActionKey {
    const char *key;
    WriteKind kind;
    const char *doing; // for the error: "cannot <doing>"
    QStringList LeanConfig::*targets;
};
const ActionKey actionKeys[] = {
    {"andon", WriteKind::RaiseAndon, "raise an andon", &LeanConfig::andonTargets},
    {"incident", WriteKind::CreateIncident, "declare an incident", &LeanConfig::incidentTargets},
    {"bug", WriteKind::CreateBug, "create a bug", &LeanConfig::bugTargets},
    {"project", WriteKind::CreateCard, "create a project card", &LeanConfig::projectTargets},
    {"handover", WriteKind::Handover, "send the handover", &LeanConfig::handoverTargets},
};

void parseActions(const json &doc, const AppConfig &config, const ConnectorLookup &connectorOf,
                  LeanConfig *out) {
    const auto it = doc.find("actions");
    if (it == doc.end())
        return;
    const QString pointer = QStringLiteral("/actions");
    if (!it->is_object())
        throw ConfigError(pointer,
                          QStringLiteral("expected an object such as "
                                         "{\"andon\":[\"prod-alerts\"],\"bug\":\"bugs\"}"));
    QStringList names;
    for (const SourceConfig &source : config.sources)
        names.append(source.name);
    for (const auto &[key, value] : it->items()) {
        const ActionKey *action = nullptr;
        for (const ActionKey &candidate : actionKeys) {
            if (key == candidate.key)
                action = &candidate;
        }
        const QString at = child(pointer, QString::fromStdString(key));
        if (!action)
            throw ConfigError(at, QStringLiteral("unknown action: expected andon, incident, bug, "
                                                 "project or handover"));
        const bool single = value.is_string();
        if (!single && !value.is_array())
            throw ConfigError(at, QStringLiteral("expected a source name or an array of them"));
        const json list = single ? json::array({value}) : value;
        QStringList &targets = out->*action->targets;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString where = single ? at : child(at, QString::number(i));
            if (!list[i].is_string() || list[i].get_ref<const std::string &>().empty())
                throw ConfigError(where, QStringLiteral("expected a source name"));
            const QString name = qs(list[i]);
            if (!names.contains(name))
                throw ConfigError(where, QStringLiteral("no source named \"%1\" (sources: %2)")
                                             .arg(name, names.join(QStringLiteral(", "))));
            const Connector *connector = connectorOf(name);
            if (!connector || !connector->supportsWrite(action->kind))
                throw ConfigError(
                    where, QStringLiteral("source \"%1\" (type %2) cannot %3: its connector has "
                                          "no %4 write call")
                               .arg(name, connector ? connector->config().type : QString(),
                                    QLatin1String(action->doing), writeKindName(action->kind)));
            if (targets.contains(name))
                throw ConfigError(where, QStringLiteral("source \"%1\" is listed twice").arg(name));
            targets.append(name);
        }
    }
}

void parseSelfService(const json &doc, LeanConfig *out) {
    const auto it = doc.find("self_service");
    if (it == doc.end())
        return;
    const QString pointer = QStringLiteral("/self_service");
    if (!it->is_array())
        throw ConfigError(pointer, QStringLiteral("expected an array of {\"match\", \"command\", "
                                                  "\"doc\"} rules"));
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json &rule = (*it)[i];
        const QString at = child(pointer, QString::number(i));
        if (!rule.is_object())
            throw ConfigError(at, QStringLiteral("expected an object with \"match\" and "
                                                 "\"command\""));
        SelfServiceRule parsed;
        if (!rule.contains("match"))
            throw ConfigError(child(at, QStringLiteral("match")),
                              QStringLiteral("required: a regular expression on the request"));
        parsed.match = regexAt(rule["match"], child(at, QStringLiteral("match")));
        parsed.pattern = parsed.match.pattern();
        const auto command = rule.find("command");
        if (command == rule.end() || !command->is_string() ||
            command->get_ref<const std::string &>().empty())
            throw ConfigError(child(at, QStringLiteral("command")),
                              QStringLiteral("expected a non-empty string (required)"));
        parsed.command = qs(*command);
        if (const auto doc = rule.find("doc"); doc != rule.end()) {
            if (!doc->is_string())
                throw ConfigError(child(at, QStringLiteral("doc")),
                                  QStringLiteral("expected a string (a link)"));
            parsed.doc = qs(*doc);
        }
        out->selfService.push_back(std::move(parsed));
    }
}

void parseInvestigation(const json &doc, LeanConfig *out) {
    const auto it = doc.find("investigation");
    if (it == doc.end())
        return;
    const QString pointer = QStringLiteral("/investigation");
    if (!it->is_object())
        throw ConfigError(pointer, QStringLiteral("expected an object such as {\"amber_min\":10,"
                                                  "\"red_min\":15}"));
    out->amberMin = intIn(*it, "amber_min", pointer, 10, 1, 1440);
    out->redMin = intIn(*it, "red_min", pointer, 15, 1, 1440);
    if (out->amberMin >= out->redMin)
        throw ConfigError(child(pointer, QStringLiteral("amber_min")),
                          QStringLiteral("expected less than red_min (%1)").arg(out->redMin));
}

// "on_duty_url": a generic source object without name or panel; read through the same config
// code as any source so that auth, TLS and the generic keys are checked the same way.
std::optional<SourceConfig> parseOnDutySource(const json &doc) {
    const auto it = doc.find("on_duty_url");
    if (it == doc.end())
        return std::nullopt;
    const QString pointer = QStringLiteral("/on_duty_url");
    json source = it->is_string() ? json{{"url", *it}} : *it;
    if (!source.is_object())
        throw ConfigError(pointer, QStringLiteral("expected a URL or a generic source object "
                                                  "(url, items, fields…)"));
    source["name"] = "on-duty";
    source["panel"] = "requests";
    if (!source.contains("type"))
        source["type"] = "generic";
    if (!source.contains("interval_s"))
        source["interval_s"] = 300; // a schedule changes weekly: every 5 min is plenty
    if (!source.contains("fields"))
        source["fields"] = {{"id", "/name"}, {"title", "/name"}};
    const json wrapper = {{"sources", json::array({source})}};
    try {
        AppConfig parsed = parseConfig(QByteArray::fromStdString(wrapper.dump()), QString());
        SourceConfig result = parsed.sources.front();
        result.pointer = pointer;
        return result;
    } catch (const ConfigError &e) {
        QString at = e.pointer();
        at.replace(QStringLiteral("/sources/0"), pointer);
        throw ConfigError(at, e.message());
    }
}

} // namespace

const SelfServiceRule *LeanConfig::suggestionFor(const QString &text) const {
    for (const SelfServiceRule &rule : selfService) {
        if (rule.match.match(text).hasMatch())
            return &rule;
    }
    return nullptr;
}

LeanConfig parseLeanConfig(const AppConfig &config, const ConnectorLookup &connectorOf) {
    try {
        LeanConfig out;
        const json &doc = config.raw;
        if (!doc.is_object())
            return out;
        out.onDuty = config.onDuty;
        parseActions(doc, config, connectorOf, &out);
        parseSelfService(doc, &out);
        parseInvestigation(doc, &out);
        out.wipLimit = intIn(doc, "wip_limit", QString(), 1, 1, 100);
        if (const auto it = doc.find("waiting_match"); it != doc.end())
            out.waiting = regexAt(*it, QStringLiteral("/waiting_match"));
        if (const auto it = doc.find("in_progress_match"); it != doc.end())
            out.inProgress = regexAt(*it, QStringLiteral("/in_progress_match"));
        out.declaringTimeoutMin = intIn(doc, "declaring_timeout_min", QString(), 10, 1, 1440);
        out.onDutySource = parseOnDutySource(doc);
        return out;
    } catch (ConfigError &e) {
        e.setFile(config.file);
        throw;
    }
}

QString actingPerson(const QString &onDuty) {
    if (!onDuty.trimmed().isEmpty())
        return onDuty.trimmed();
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("someone") : user;
}
