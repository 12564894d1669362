// SPDX-License-Identifier: MIT
// A loopback server that misbehaves on purpose. In every case the dashboard keeps running,
// keeps the last good items marked stale, says why, and recovers when the server does.
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>

#include <functional>

namespace {

using Fault = std::function<HttpServerResponse()>;

const QByteArray goodBody =
    "{\"data\":[{\"id\":1,\"subject\":\"Disk full\"},{\"id\":2,\"subject\":\"Access\"}]}";

// The server's behaviour, switched by the test while the server thread reads it.
class Behaviour {
public:
    void set(Fault fault) {
        QMutexLocker lock(&m_mutex);
        m_fault = std::move(fault);
    }
    HttpServerResponse answer() {
        QMutexLocker lock(&m_mutex);
        return m_fault ? m_fault() : HttpServerResponse::json(goodBody);
    }

private:
    QMutex m_mutex;
    Fault m_fault;
};

QByteArray deeplyNested(int depth) {
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

Q_DECLARE_METATYPE(Fault)

class TestFaults final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void faultKeepsLastGoodDataAndRecovers_data() {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QString>("reason");
        QTest::newRow("accept then silence") << Fault([] {
            HttpServerResponse r;
            r.silence = true;
            return r;
        }) << QStringLiteral("timeout");
        QTest::newRow("reset mid-body") << Fault([] {
            HttpServerResponse r = HttpServerResponse::json(QByteArray(100000, ' ') + goodBody);
            r.resetMidBody = true;
            return r;
        }) << QStringLiteral("transfer failed");
        QTest::newRow("500") << Fault([] {
            return HttpServerResponse::json("{\"error\":\"boom\"}", 500);
        }) << QStringLiteral("HTTP 500 from the server");
        QTest::newRow("429 storm") << Fault([] {
            HttpServerResponse r = HttpServerResponse::json("{}", 429);
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
            return r;
        }) << QStringLiteral("rate-limited until");
        QTest::newRow("2 GB body") << Fault([] {
            HttpServerResponse r = HttpServerResponse::json("{\"data\":[");
            r.fillerBytes = 2LL * 1024 * 1024 * 1024;
            r.filler = QByteArrayLiteral(" ");
            return r;
        }) << QStringLiteral("response larger than 64 MiB (max_body_mb)");
        QTest::newRow("invalid UTF-8") << Fault([] {
            return HttpServerResponse::json(
                "{\"data\":[{\"id\":1,\"subject\":\"\xff\xfe broken\"}]}");
        }) << QStringLiteral("not JSON (parse error");
        QTest::newRow("JSON nested 100,000 deep")
            << Fault([] { return HttpServerResponse::json(deeplyNested(100000)); })
            << QStringLiteral("nested deeper than");
        // Found by fuzz_generic: nlohmann throws out_of_range, not parse_error, for 1e999.
        QTest::newRow("number beyond a double") << Fault([] {
            return HttpServerResponse::json(
                "{\"data\":[{\"id\":1,\"subject\":7777777777777777777777E7777777777777}]}");
        }) << QStringLiteral("not usable JSON");
        QTest::newRow("HTML with 200") << Fault([] {
            return HttpServerResponse::text(
                "<!DOCTYPE html><html><head><title>Sign in</title></head></html>");
        }) << QStringLiteral("not JSON (got an HTML page: login?)");
        QTest::newRow("redirect loop") << Fault([] {
            HttpServerResponse r = HttpServerResponse::text("", 302);
            r.headers.append({QByteArrayLiteral("Location"), QByteArrayLiteral("/api")});
            return r;
        }) << QStringLiteral("transfer failed");
        QTest::newRow("wrong shape")
            << Fault([] { return HttpServerResponse::json("{\"data\":{\"id\":1}}"); })
            << QStringLiteral("JSON of the wrong shape at /data");
    }

    void faultKeepsLastGoodDataAndRecovers() {
        QFETCH(Fault, fault);
        QFETCH(QString, reason);
        Behaviour behaviour;
        LoopbackHttpServer server(
            [&behaviour](const HttpServerRequest &) { return behaviour.answer(); });
        QVERIFY(server.start());
        Board board;
        HttpClient http;
        SourceSet sources; // outlives the poller
        Poller poller(&board, &http);
        poller.addSource(
            sources.add(ConnectorRegistry::builtin().create(sourceAt(server.baseUrl()))));
        QSignalSpy answered(&board, &Board::sourceRefreshed);
        const SourceInfo *info = board.health()->source(QStringLiteral("desk"));
        PanelModel *panel = board.panel(ItemKind::Request);

        fetchOnce(poller, answered);
        QCOMPARE(info->health.state, HealthState::Ok);
        QCOMPARE(panel->rowCount(), 2);

        behaviour.set(fault);
        fetchOnce(poller, answered);
        QCOMPARE(info->health.state, HealthState::Stale);
        QVERIFY2(info->health.error.contains(reason), qPrintable(info->health.error));
        QCOMPARE(panel->rowCount(), 2);
        QVERIFY(panel->index(0).data(PanelModel::StaleRole).toBool());

        behaviour.set({});
        fetchOnce(poller, answered);
        QCOMPARE(info->health.state, HealthState::Ok);
        QCOMPARE(panel->rowCount(), 2);
        QVERIFY(!panel->index(0).data(PanelModel::StaleRole).toBool());
    }

    void connectionRefusedThenServerComesBack() {
        LoopbackHttpServer server(
            [](const HttpServerRequest &) { return HttpServerResponse::json(goodBody); });
        QVERIFY(server.start());
        const quint16 port = server.port();
        Board board;
        HttpClient http;
        SourceSet sources; // outlives the poller
        Poller poller(&board, &http);
        poller.addSource(
            sources.add(ConnectorRegistry::builtin().create(sourceAt(server.baseUrl()))));
        QSignalSpy answered(&board, &Board::sourceRefreshed);
        const SourceInfo *info = board.health()->source(QStringLiteral("desk"));
        fetchOnce(poller, answered);
        QCOMPARE(info->health.state, HealthState::Ok);

        server.stop();
        fetchOnce(poller, answered);
        QCOMPARE(info->health.state, HealthState::Stale);
        QVERIFY2(info->health.error.startsWith(QStringLiteral("unreachable")),
                 qPrintable(info->health.error));
        QCOMPARE(board.panel(ItemKind::Request)->rowCount(), 2);

        QVERIFY(server.start(port));
        fetchOnce(poller, answered);
        QCOMPARE(info->health.state, HealthState::Ok);
    }

    void dnsFailureIsSaid() {
        Board board;
        HttpClient http;
        SourceSet sources; // outlives the poller
        Poller poller(&board, &http);
        poller.addSource(sources.add(
            ConnectorRegistry::builtin().create(sourceAt("http://no-such-host.invalid"))));
        QSignalSpy answered(&board, &Board::sourceRefreshed);
        fetchOnce(poller, answered);
        const SourceInfo *info = board.health()->source(QStringLiteral("desk"));
        QCOMPARE(info->health.state, HealthState::Failed);
        QVERIFY2(info->health.error.contains(QStringLiteral("host name not found")),
                 qPrintable(info->health.error));
    }

private:
    static SourceConfig sourceAt(const QByteArray &base) {
        const QByteArray json = "{\"sources\":[{\"name\":\"desk\",\"type\":\"generic\",\"panel\":"
                                "\"requests\",\"url\":\"" +
                                base +
                                "\",\"timeout_s\":1,\"path\":\"/api\",\"items\":\"/data\","
                                "\"fields\":{\"id\":\"/id\",\"title\":\"/subject\"}}]}";
        return parseConfig(json, QStringLiteral("faults")).sources[0];
    }

    static void fetchOnce(Poller &poller, QSignalSpy &answered) {
        const int before = int(answered.count());
        poller.fetchAllOnce();
        QTRY_COMPARE_WITH_TIMEOUT(int(answered.count()), before + 1, 15000);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
