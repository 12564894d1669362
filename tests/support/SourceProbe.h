// SPDX-License-Identifier: MIT
// One configured source polled the way the dashboard polls it (HttpClient, SourceFetcher,
// Poller, Board), for connector tests against fixture servers: what a user would see.
#pragma once

#include "core/board/Board.h"
#include "core/http/HttpClient.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceFetcher.h"
#include "core/sources/SourceSet.h"
#include "tests/support/FixtureServer.h"

#include <QByteArray>

class SourceProbe final {
public:
    // `sourceJson`: one source object as written in a config file. Throws ConfigError as the
    // app would.
    explicit SourceProbe(const QByteArray &sourceJson);

    // One fetch of every page; false when the source did not answer within `timeoutMs`.
    bool fetchOnce(int timeoutMs = 10000);
    SourceHealth health() const;
    const Items &items() const; // what its panel shows

private:
    Board m_board;
    HttpClient m_http;
    SourceSet m_sources; // outlives the poller
    Poller m_poller;
    QString m_name;
    ItemKind m_panel = ItemKind::Incident;
};

// One request through `http`, waited for with events processed; on timeout an HttpResult with
// error Other and errorText "no answer".
HttpResult fetchAndWait(HttpClient &http, const HttpRequest &request, int timeoutMs = 10000);

// One SourceFetcher run (every page) of the connector the registry makes for `config`, through
// a fresh HttpClient, waited for with events processed; on timeout an outcome with the error
// "no outcome within 10 s". Throws ConfigError as the registry does.
FetchOutcome fetchOutcome(const SourceConfig &config);

// The write built by `connector`, sent through a fresh HttpClient, judged by `connector`.
WriteOutcome sendWrite(const Connector &connector, const WriteAction &action);

// Empty when `health` is the failure expected, else what differs: `error` exact (a prefix when
// it ends in "…"); rate limited when `retryAfterS` >= 0, until about now + retryAfterS seconds,
// or exactly `resetAt` when 0.
QString healthMismatch(const SourceHealth &health, const QString &error, int retryAfterS,
                       const QDateTime &resetAt);

// The columns of a failure table (fault as int, error, retryAfterS as healthMismatch takes
// them) and the rows every vendor has: its 401 (`unauthorizedError` in full), an HTML login
// page, broken JSON. Callers add their rate-limit rows.
void addFailureColumnsAndCommonRows(const QString &unauthorizedError);

// One fetch of `sourceJson` while `server` answers `fault`: healthMismatch() of the result.
QString probeFailure(FixtureServer &server, const QByteArray &sourceJson, FixtureFault fault,
                     const QString &error, int retryAfterS);
