// SPDX-License-Identifier: MIT
// The poller through the real HTTP path: health, stale data kept, reasons, rate limits, recovery.
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "core/time/Clock.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

namespace {

enum class Mode { Ok, ServerError, Html, WrongShape, RateLimited, Changed };

const QByteArray okBody =
    R"({"data":[{"id":1,"subject":"Disk full on ci-3","created":"2026-11-30T09:00:00Z"},
                                      {"id":2,"subject":"Grant access","created":"2026-11-30T09:30:00Z"}]})";

} // namespace

class TestPoller final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void healthFollowsTheServer() {
        std::atomic<Mode> mode{Mode::Ok};
        LoopbackHttpServer server([&mode](const HttpServerRequest &) {
            switch (mode.load()) {
            case Mode::Ok:
                return HttpServerResponse::json(okBody);
            case Mode::Changed:
                return HttpServerResponse::json(
                    R"({"data":[{"id":2,"subject":"Grant access","created":"2026-11-30T09:30:00Z"}]})");
            case Mode::ServerError:
                return HttpServerResponse::json(R"({"error":"boom"})", 503);
            case Mode::Html:
                return HttpServerResponse::text("<!DOCTYPE html><html><body>Sign in</body></html>",
                                                200);
            case Mode::WrongShape:
                // The answer as a whole (one item alone is left out: tst_unreadable_items).
                return HttpServerResponse::json(R"({"data":{"subject":"no list"}})");
            case Mode::RateLimited: {
                HttpServerResponse r = HttpServerResponse::json("{}", 429);
                r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("120")});
                return r;
            }
            }
            return HttpServerResponse::json("{}", 500);
        });
        QVERIFY(server.start());
        const AppConfig config = parseConfig(
            R"({"sources":[{"name":"desk","type":"generic","panel":"requests","url":")" +
                server.baseUrl() +
                R"(","path":"/api","items":"/data","fields":{"id":"/id","title":"/subject","created_at":"/created"}}]})",
            QStringLiteral("test"));
        // Health is stamped with the injected clock, never the wall clock.
        ManualClock clock(
            QDateTime::fromString(QStringLiteral("2026-12-01T09:00:00Z"), Qt::ISODate));
        Board board(clock);
        HttpClient http;
        SourceSet sources; // outlives the poller
        Poller poller(&board, &http);
        poller.addSource(
            sources.add(ConnectorRegistry::builtin().create(config.sources[0], clock)));
        QSignalSpy answered(&board, &Board::sourceRefreshed);
        PanelModel *requests = board.panel(ItemKind::Request);
        const SourceInfo *info = board.health()->source(QStringLiteral("desk"));
        QVERIFY(info);
        QCOMPARE(info->health.state, HealthState::Pending);

        auto fetchOnce = [&]() {
            const int before = int(answered.count());
            poller.fetchAllOnce();
            QTRY_COMPARE_WITH_TIMEOUT(int(answered.count()), before + 1, 10000);
        };

        fetchOnce();
        QCOMPARE(info->health.state, HealthState::Ok);
        QCOMPARE(requests->rowCount(), 2);
        QCOMPARE(info->health.lastSuccess, clock.now());
        const QDateTime firstSuccess = clock.now();
        clock.advanceSecs(60);

        mode = Mode::ServerError;
        fetchOnce();
        QCOMPARE(info->health.state, HealthState::Stale);
        QCOMPARE(info->health.error, QStringLiteral("HTTP 503 from the server"));
        QCOMPARE(info->health.lastAttempt, clock.now());
        QCOMPARE(info->health.lastSuccess, firstSuccess); // the age of the data kept
        QCOMPARE(requests->rowCount(), 2);                // last good data kept
        QVERIFY(requests->index(0).data(PanelModel::StaleRole).toBool());

        mode = Mode::Html;
        fetchOnce();
        QCOMPARE(info->health.error, QStringLiteral("not JSON (got an HTML page: login?)"));
        QCOMPARE(requests->rowCount(), 2);

        mode = Mode::WrongShape;
        fetchOnce();
        QCOMPARE(info->health.error,
                 QStringLiteral("JSON of the wrong shape at /data: expected an array of items"));
        QCOMPARE(requests->rowCount(), 2);

        mode = Mode::RateLimited;
        fetchOnce();
        QVERIFY(info->health.rateLimited);
        QVERIFY(info->health.error.startsWith(QStringLiteral("rate-limited until ")));
        QCOMPARE(info->health.retryAt, clock.now().addSecs(120)); // Retry-After: 120

        mode = Mode::Changed; // recovery, with one item gone
        fetchOnce();
        QCOMPARE(info->health.state, HealthState::Ok);
        QVERIFY(info->health.error.isEmpty());
        QCOMPARE(requests->rowCount(), 1);
        QVERIFY(!requests->index(0).data(PanelModel::StaleRole).toBool());
    }

    void unreachableSourceFailsWithAReason() {
        const AppConfig config = parseConfig(
            R"({"sources":[{"name":"gone","type":"alertmanager","panel":"incidents","url":"http:\/\/127.0.0.1:1"}]})",
            QStringLiteral("test"));
        Board board;
        HttpClient http;
        SourceSet sources; // outlives the poller
        Poller poller(&board, &http);
        poller.addSource(sources.add(ConnectorRegistry::builtin().create(config.sources[0])));
        QSignalSpy all(&board, &Board::allAnswered);
        poller.fetchAllOnce();
        QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 10000);
        const SourceInfo *info = board.health()->source(QStringLiteral("gone"));
        QCOMPARE(info->health.state, HealthState::Failed);
        QVERIFY2(info->health.error.startsWith(QStringLiteral("unreachable")),
                 qPrintable(info->health.error));
    }
};

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
