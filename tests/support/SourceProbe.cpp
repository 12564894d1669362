// SPDX-License-Identifier: MIT
#include "SourceProbe.h"

#include "core/config/AppConfig.h"
#include "core/sources/ConnectorRegistry.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <memory>
#include <optional>

SourceProbe::SourceProbe(const QByteArray &sourceJson)
    : m_poller(&m_board, &m_http) {
    const AppConfig config =
        parseConfig("{\"sources\":[" + sourceJson + "]}", QStringLiteral("probe"));
    m_name = config.sources.at(0).name;
    m_panel = config.sources.at(0).panel;
    m_poller.addSource(m_sources.add(ConnectorRegistry::builtin().create(config.sources.at(0))));
}

bool SourceProbe::fetchOnce(int timeoutMs) {
    QSignalSpy answered(&m_board, &Board::sourceRefreshed);
    m_poller.fetchAllOnce();
    return !answered.isEmpty() || answered.wait(timeoutMs);
}

SourceHealth SourceProbe::health() const {
    const SourceInfo *info = m_board.health()->source(m_name);
    return info ? info->health : SourceHealth();
}

const Items &SourceProbe::items() const {
    return m_board.panel(m_panel)->items();
}

HttpResult fetchAndWait(HttpClient &http, const HttpRequest &request, int timeoutMs) {
    QObject context;
    auto answer = std::make_shared<std::optional<HttpResult>>();
    http.send(request, &context, [answer](const HttpResult &result) { *answer = result; });
    if (QTest::qWaitFor([&answer]() { return answer->has_value(); }, timeoutMs))
        return **answer;
    HttpResult none;
    none.error = HttpError::Other;
    none.errorText = QStringLiteral("no answer");
    return none;
}

FetchOutcome fetchOutcome(const SourceConfig &config) {
    const std::unique_ptr<Connector> connector = ConnectorRegistry::builtin().create(config);
    HttpClient http;
    QThreadPool pool; // waits for its parses before the connector goes
    SourceFetcher fetcher(*connector, &http, &pool);
    QObject context;
    std::optional<FetchOutcome> outcome;
    QObject::connect(&fetcher, &SourceFetcher::finished, &context,
                     [&outcome](const FetchOutcome &o) { outcome = o; });
    fetcher.start();
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 10000)) {
        FetchOutcome none;
        none.error = QStringLiteral("no outcome within 10 s");
        return none;
    }
    return *outcome;
}

WriteOutcome sendWrite(const Connector &connector, const WriteAction &action) {
    HttpClient http;
    return connector.parseWriteResult(action, fetchAndWait(http, connector.writeRequest(action)));
}

QString healthMismatch(const SourceHealth &health, const QString &error, int retryAfterS,
                       const QDateTime &resetAt) {
    QStringList problems;
    if (health.state != HealthState::Failed)
        problems.append(
            QStringLiteral("health %1, expected failed").arg(healthStateName(health.state)));
    const bool prefix = error.endsWith(QChar(0x2026));
    if (prefix ? !health.error.startsWith(error.chopped(1)) : health.error != error)
        problems.append(QStringLiteral("error \"%1\", expected \"%2\"").arg(health.error, error));
    if (health.rateLimited != (retryAfterS >= 0))
        problems.append(QStringLiteral("rateLimited %1").arg(health.rateLimited));
    if (retryAfterS > 0) {
        const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(health.retryAt);
        if (wait <= retryAfterS - 10 || wait > retryAfterS)
            problems.append(
                QStringLiteral("retry in %1 s, expected %2 s").arg(wait).arg(retryAfterS));
    } else if (retryAfterS == 0 && health.retryAt != resetAt) {
        problems.append(
            QStringLiteral("retry at %1, expected %2")
                .arg(health.retryAt.toString(Qt::ISODate), resetAt.toString(Qt::ISODate)));
    }
    return problems.join(QStringLiteral("; "));
}

void addFailureColumnsAndCommonRows(const QString &unauthorizedError) {
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("error");   // exact, or a prefix ending in "…"
    QTest::addColumn<int>("retryAfterS"); // -1: not rate limited
    QTest::newRow("401") << int(FixtureFault::Unauthorized) << unauthorizedError << -1;
    QTest::newRow("html login page") << int(FixtureFault::HtmlLogin)
                                     << QStringLiteral("not JSON (got an HTML page: login?)") << -1;
    QTest::newRow("malformed json")
        << int(FixtureFault::Malformed) << QStringLiteral("not JSON (parse error at byte …") << -1;
}

QString probeFailure(FixtureServer &server, const QByteArray &sourceJson, FixtureFault fault,
                     const QString &error, int retryAfterS) {
    server.setFault(fault);
    SourceProbe probe(sourceJson);
    const bool answered = probe.fetchOnce();
    server.setFault(FixtureFault::None);
    if (!answered)
        return QStringLiteral("no answer");
    return healthMismatch(probe.health(), error, retryAfterS, server.resetAt());
}
