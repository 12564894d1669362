// SPDX-License-Identifier: MIT
// Fuzzes one connector's response parser (FUZZ_CONNECTOR_TYPE): any body, any status, any
// Link / rate-limit header must give items or a page error, never a crash.
#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

// A minimal valid source for each type (keys the connectors require).
QByteArray sourceJson(const char *type) {
    const QByteArray t(type);
    QByteArray extra;
    if (t == "generic")
        extra =
            R"(,"path":"/api","items":"/data","fields":{"id":"/id","title":"/title","state":"/state",)"
            R"("created_at":"/created","people":"/people","people_key":"name","url":"/url","severity":"/sev"},)"
            R"("values":{"severity":{"P1":"critical"}},"pagination":{"style":"cursor","next":"/next","param":"c"})";
    else if (t == "jira")
        extra = R"(,"jql":"project = SRE","project":"SRE")";
    else if (t == "gitlab")
        extra = R"(,"project":"platform/sre","labels":["bug"])";
    else if (t == "github")
        extra = R"(,"repo":"acme/infra","labels":["bug"])";
    else if (t == "slack")
        extra = R"(,"channel":"C0123456")";
    const char *panel = (t == "slack")                                    ? "requests"
                        : (t == "jira" || t == "gitlab" || t == "github") ? "bugs"
                                                                          : "incidents";
    return R"({"sources":[{"name":"fuzz","type":")" + t +
           R"(","url":"http://127.0.0.1:9","panel":")" + panel + "\"" + extra + "}]}";
}

std::unique_ptr<Connector> makeConnector() {
    try {
        const AppConfig config =
            parseConfig(sourceJson(FUZZ_CONNECTOR_TYPE), QStringLiteral("fuzz"));
        return ConnectorRegistry::builtin().create(config.sources[0]);
    } catch (const ConfigError &e) {
        std::fprintf(stderr, "SKIP fuzz_%s: no such connector here (%s)\n", FUZZ_CONNECTOR_TYPE,
                     qPrintable(e.describe()));
        return nullptr;
    }
}

} // namespace

std::unique_ptr<Connector> &connector() {
    static std::unique_ptr<Connector> instance;
    return instance;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    connector() = makeConnector();
    if (!connector())
        std::exit(0); // this type is not built in (yet): nothing to fuzz, said on stderr
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const Connector &parser = *connector();
    HttpResult result;
    result.status = 200;
    // The first bytes, when they look like a header block, become response headers (Link, paging).
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype split = input.indexOf("\n\n");
    if (split > 0 && split < 512) {
        for (const QByteArray &line : input.left(split).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                result.headers.append(
                    {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        result.body = input.mid(split + 2);
    } else {
        result.body = input;
    }
    (void)parser.describeFailure(result);
    (void)parser.rateLimitedUntil(result, QDateTime::currentDateTimeUtc());
    (void)parser.parsePage(result);
    return 0;
}
