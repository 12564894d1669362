// SPDX-License-Identifier: MIT
#include "TestSource.h"

#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"
#include "tests/support/TestEnvironment.h"

using nlohmann::json;

std::unique_ptr<Connector> makeTestConnector(const json &source) {
    SourceConfig config;
    config.raw = source;
    config.pointer = QStringLiteral("/sources/0");
    config.name = QString::fromStdString(source.value("name", std::string("test")));
    config.type = QString::fromStdString(source.value("type", std::string()));
    config.url = QByteArray::fromStdString(source.value("url", std::string()));
    itemKindFromPanelName(QString::fromStdString(source.value("panel", std::string("bugs"))),
                          &config.panel);
    config.maxPages = source.value("max_pages", 20);
    const json auth = source.value("auth", json::object());
    config.auth.type = QString::fromStdString(auth.value("type", std::string("none")));
    config.auth.user = QString::fromStdString(auth.value("user", std::string()));
    config.auth.secret = QByteArray::fromStdString(auth.value("secret", std::string()));
    return ConnectorRegistry::builtin().create(config);
}

std::unique_ptr<Connector> makeTestConnectorAt(const json &source, const QByteArray &url,
                                               const json &patch) {
    return makeTestConnector(withPatch(withPatch(source, {{"url", url.toStdString()}}), patch));
}

QByteArray probeSourceJson(const json &source, const QByteArray &url, const char *tokenEnv,
                           const json &patch) {
    const json located =
        withPatch(source, {{"url", url.toStdString()}, {"auth", {{"token_env", tokenEnv}}}});
    return QByteArray::fromStdString(withPatch(located, patch).dump());
}

ParsedPage parseTestData(const Connector &connector, const QString &relative) {
    HttpResult result;
    result.status = 200;
    result.body = readTestData(relative);
    return connector.parsePage(result);
}

QString configErrorOf(const json &source) {
    try {
        const AppConfig config = parseConfig(
            QByteArray::fromStdString(json{{"sources", json::array({source})}}.dump()), QString());
        ConnectorRegistry::builtin().create(config.sources.at(0));
    } catch (const ConfigError &e) {
        return e.describe();
    }
    return {};
}

HttpResult cannedAnswer(const QByteArray &body) {
    HttpResult r;
    r.status = 200;
    r.body = body;
    return r;
}

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name) {
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

json withPatch(json base, const json &patch) {
    if (!patch.is_null())
        base.merge_patch(patch);
    return base;
}

WriteAction sampleBugAction() {
    WriteAction action;
    action.kind = WriteKind::CreateBug;
    action.idempotencyKey = QStringLiteral("b7c1");
    action.title = QStringLiteral("Checkout 500s\nafter deploy");
    action.description = QStringLiteral("Seen at 09:40 by the on-call.\n\nRollback pending.");
    action.labels = {QStringLiteral("needs triage"), QStringLiteral("bug")};
    return action;
}

WriteAction sampleIncidentAction(const QString &idempotencyKey) {
    WriteAction action;
    action.kind = WriteKind::CreateIncident;
    action.idempotencyKey = idempotencyKey;
    action.title = QStringLiteral("Checkout down");
    action.description = QStringLiteral("5xx on /pay");
    action.severity = QStringLiteral("SEV-2");
    action.customerImpact = QStringLiteral("EU customers cannot pay");
    return action;
}
