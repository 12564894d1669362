// SPDX-License-Identifier: MIT
// Prometheus Alertmanager API v2: alerts become incidents; an alert labelled andon="true" is
// an andon (a halted project), which every dashboard sees through the shared Alertmanager.
#pragma once

#include "Connector.h"

#include <QByteArrayList>

class AlertmanagerConnector final : public Connector {
public:
    // Optional key "filter": a matcher string or an array of them (`team="sre"`), sent as
    // repeated filter= parameters. Throws ConfigError when it has another shape.
    explicit AlertmanagerConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    // The body is the array GET /api/v2/alerts answers; one alert without a fingerprint makes
    // the whole page a shape error (an id is what keeps items stable between refreshes).
    ParsedPage parsePage(const HttpResult &result) const override;

private:
    QByteArray m_pathAndQuery;
    QString m_alertsPageUrl; // the Alertmanager UI's alert list, for alerts without generatorURL
};
