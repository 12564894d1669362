// SPDX-License-Identifier: MIT
// The generic connector over real HTTP: pages walked through HttpClient against the loopback
// server, so Link headers arrive as libcurl delivers them and auth reaches every page.
#include "core/http/HttpClient.h"
#include "core/sources/connectors/GenericConnector.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"

#include <QMutex>
#include <QUrlQuery>
#include <QtTest>

#include <memory>
#include <optional>

using nlohmann::json;

class TestGenericHttp final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void walk_data();
    void walk();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    HttpClient m_http;
    QMutex m_mutex;
    QList<QByteArray> m_seen; // "target auth" per request, guarded by m_mutex
};

namespace {

// Three pages of items 1..5 in every pagination style, the last one empty.
HttpServerResponse page(const HttpServerRequest &request, const QByteArray &baseUrl) {
    const QUrlQuery query(QString::fromUtf8(request.query));
    const int n = qMax(1, query.queryItemValue(QStringLiteral("page")).toInt() +
                              query.queryItemValue(QStringLiteral("cursor")).toInt());
    json items = json::array();
    for (int id = n * 2 - 1; id <= n * 2 && id <= 5; ++id)
        items.push_back({{"id", id}, {"subject", "item " + std::to_string(id)}});
    const bool more = n < 5; // page 4 is empty but still offers page 5: the walk must stop
    const std::string next = std::to_string(n + 1);
    json body = {{"data", items}};
    if (request.path == "/link") {
        HttpServerResponse r = HttpServerResponse::json(QByteArray::fromStdString(body.dump()));
        if (more) {
            r.headers.append(
                {QByteArrayLiteral("Link"),
                 "</link?page=" + QByteArray::fromStdString(next) + ">; rel=\"next\""});
        }
        return r;
    }
    if (request.path == "/next_url")
        body["next"] =
            more ? json(baseUrl.toStdString() + "/next_url?page=" + next) : json(nullptr);
    else if (request.path == "/cursor")
        body["meta"] = {{"cursor", more ? next : ""}};
    else
        return HttpServerResponse::json("{}", 404);
    return HttpServerResponse::json(QByteArray::fromStdString(body.dump()));
}

} // namespace

void TestGenericHttp::initTestCase() {
    prepareTestEnvironment();
    m_server = std::make_unique<LoopbackHttpServer>([this](const HttpServerRequest &request) {
        {
            QMutexLocker lock(&m_mutex);
            m_seen.append(request.target + ' ' + request.header("authorization"));
        }
        return page(request, m_server->baseUrl());
    });
    QVERIFY(m_server->start());
}

void TestGenericHttp::walk_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QList<QByteArray>>("targets");
    QTest::newRow("link") << QByteArray(R"({"path":"/link","pagination":{"style":"link"}})")
                          << QList<QByteArray>{"/link", "/link?page=2", "/link?page=3"};
    QTest::newRow("next_url")
        << QByteArray(R"({"path":"/next_url","pagination":{"style":"next_url","next":"/next"}})")
        << QList<QByteArray>{"/next_url", "/next_url?page=2", "/next_url?page=3"};
    QTest::newRow("cursor") << QByteArray(R"({"path":"/cursor?limit=2",
            "pagination":{"style":"cursor","next":"/meta/cursor","param":"cursor"}})")
                            << QList<QByteArray>{"/cursor?limit=2", "/cursor?limit=2&cursor=2",
                                                 "/cursor?limit=2&cursor=3"};
}

void TestGenericHttp::walk() {
    QFETCH(QByteArray, source);
    QFETCH(QList<QByteArray>, targets);
    {
        QMutexLocker lock(&m_mutex);
        m_seen.clear();
    }
    SourceConfig config;
    config.name = QStringLiteral("desk");
    config.url = m_server->baseUrl();
    config.auth.type = QStringLiteral("bearer");
    config.auth.secret = QByteArrayLiteral("tok");
    config.raw = json::parse(R"({"items":"/data","fields":{"id":"/id","title":"/subject"}})");
    config.raw.merge_patch(json::parse(source));
    const GenericConnector connector(config);

    QStringList ids;
    std::optional<HttpRequest> next = connector.firstRequest();
    for (int pages = 0; next && pages < 10; ++pages) {
        auto answer = std::make_shared<std::optional<HttpResult>>();
        m_http.send(*next, this, [answer](const HttpResult &r) { *answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer->has_value(), 10000);
        QVERIFY2((*answer)->ok(), qPrintable((*answer)->errorText));
        const ParsedPage parsed = connector.parsePage(**answer);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        for (const Item &item : parsed.items)
            ids.append(item.id);
        next = parsed.next;
    }
    QCOMPARE(ids, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                               QStringLiteral("4"), QStringLiteral("5")}));
    QList<QByteArray> expected;
    for (const QByteArray &target : targets)
        expected.append(target + " Bearer tok");
    // Page 4 is fetched and found empty: it ends the walk although it offers a next page.
    expected.append(targets.back().left(targets.back().size() - 1) + "4 Bearer tok");
    QMutexLocker lock(&m_mutex);
    QCOMPARE(m_seen, expected);
}

QTEST_GUILESS_MAIN(TestGenericHttp)
#include "tst_generic_http.moc"
