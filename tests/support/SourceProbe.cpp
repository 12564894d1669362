// SPDX-License-Identifier: MIT
#include "SourceProbe.h"

#include "AppConfig.h"
#include "ConnectorRegistry.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

SourceProbe::SourceProbe(const QByteArray &sourceJson)
    : m_poller(&m_board, &m_http) {
    const AppConfig config =
        parseConfig("{\"sources\":[" + sourceJson + "]}", QStringLiteral("probe"));
    m_name = config.sources.at(0).name;
    m_panel = config.sources.at(0).panel;
    m_poller.addSource(ConnectorRegistry::builtin().create(config.sources.at(0)));
}

bool SourceProbe::fetchOnce(int timeoutMs) {
    QSignalSpy answered(&m_poller, &Poller::sourceAnswered);
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
    http.fetch(request, &context, [answer](const HttpResult &result) { *answer = result; });
    if (QTest::qWaitFor([&answer]() { return answer->has_value(); }, timeoutMs))
        return **answer;
    HttpResult none;
    none.error = HttpError::Other;
    none.errorText = QStringLiteral("no answer");
    return none;
}
