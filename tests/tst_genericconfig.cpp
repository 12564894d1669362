// SPDX-License-Identifier: MIT
// The generic connector's config checks: every mistake names its exact JSON pointer and says
// what was expected, so the user fixes the config without reading code.
#include "core/config/ConfigError.h"
#include "core/sources/connectors/GenericConnector.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestGenericConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void documentedExample();
    void configErrors_data();
    void configErrors();
};

namespace {

// A minimal valid source with `patch` merged in (RFC 7386: null removes a key).
SourceConfig configWith(const QByteArray &patch) {
    json raw = json::parse(R"({"name":"desk","type":"generic","panel":"requests",
        "url":"http://127.0.0.1:8080","items":"/data","fields":{"id":"/id","title":"/subject"}})");
    raw.merge_patch(json::parse(patch));
    SourceConfig config;
    config.name = QStringLiteral("desk");
    config.type = QStringLiteral("generic");
    config.url = QByteArrayLiteral("http://127.0.0.1:8080");
    config.pointer = QStringLiteral("/sources/0");
    config.raw = raw;
    return config;
}

} // namespace

void TestGenericConfig::documentedExample() {
    // The example the README documents, as it is written there.
    const GenericConnector connector(configWith(R"j({"path":"/api/requests?status=open",
        "items":"/data",
        "fields":{"id":"/id","title":"/subject","state":"/status","created_at":"/created",
                  "people":"/assignees","people_key":"name","url":"/link","severity":"/priority",
                  "project":"/project","reason":"/reason","raised_by":"/by"},
        "values":{"severity":{"P1":"critical","P2":"high"},"state":{"new":"open"}},
        "url_template":"https://desk.example/tickets/{{id}}",
        "pagination":{"style":"cursor","next":"/links/next","param":"cursor"}})j"));
    QCOMPARE(connector.firstRequest().url,
             QByteArray("http://127.0.0.1:8080/api/requests?status=open"));
}

void TestGenericConfig::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");

    const QString pointerText = QStringLiteral("expected a JSON pointer string such as \"%1\"");
    QTest::newRow("no fields") << QByteArray(R"({"fields":null})")
                               << QStringLiteral("/sources/0/fields")
                               << QStringLiteral(
                                      "expected an object mapping item fields to JSON "
                                      "pointers, such as {\"id\":\"/id\",\"title\":\"/title\"}");
    QTest::newRow("no id") << QByteArray(R"({"fields":{"id":null}})")
                           << QStringLiteral("/sources/0/fields/id")
                           << pointerText.arg(QLatin1String("/id"));
    QTest::newRow("title not a string")
        << QByteArray(R"({"fields":{"title":3}})") << QStringLiteral("/sources/0/fields/title")
        << pointerText.arg(QLatin1String("/title"));
    QTest::newRow("pointer without slash")
        << QByteArray(R"({"fields":{"state":"status"}})")
        << QStringLiteral("/sources/0/fields/state") << pointerText.arg(QLatin1String("/state"));
    QTest::newRow("bad pointer escape") << QByteArray(R"({"fields":{"created_at":"/a~2"}})")
                                        << QStringLiteral("/sources/0/fields/created_at")
                                        << pointerText.arg(QLatin1String("/created_at"));
    QTest::newRow("extra field not a pointer")
        << QByteArray(R"({"fields":{"iid":7}})") << QStringLiteral("/sources/0/fields/iid")
        << pointerText.arg(QLatin1String("/iid"));
    QTest::newRow("people_key not a string")
        << QByteArray(R"({"fields":{"people_key":1}})")
        << QStringLiteral("/sources/0/fields/people_key")
        << QStringLiteral("expected a key name string such as \"name\"");
    QTest::newRow("items not a pointer")
        << QByteArray(R"({"items":5})") << QStringLiteral("/sources/0/items")
        << pointerText.arg(QLatin1String("/data"));
    QTest::newRow("path not a string")
        << QByteArray(R"({"path":["/a"]})") << QStringLiteral("/sources/0/path")
        << QStringLiteral("expected a string such as \"/api/requests?status=open\"");
    QTest::newRow("unknown pagination style")
        << QByteArray(R"({"pagination":{"style":"pages"}})")
        << QStringLiteral("/sources/0/pagination/style")
        << QStringLiteral("expected one of \"none\", \"link\", \"next_url\", \"cursor\"");
    QTest::newRow("pagination without style")
        << QByteArray(R"({"pagination":{}})") << QStringLiteral("/sources/0/pagination/style")
        << QStringLiteral("expected one of \"none\", \"link\", \"next_url\", \"cursor\"");
    QTest::newRow("pagination not an object")
        << QByteArray(R"({"pagination":"link"})") << QStringLiteral("/sources/0/pagination")
        << QStringLiteral("expected an object such as {\"style\":\"link\"}");
    QTest::newRow("next_url without next") << QByteArray(R"({"pagination":{"style":"next_url"}})")
                                           << QStringLiteral("/sources/0/pagination/next")
                                           << pointerText.arg(QLatin1String("/links/next"));
    QTest::newRow("cursor without param")
        << QByteArray(R"({"pagination":{"style":"cursor","next":"/c"}})")
        << QStringLiteral("/sources/0/pagination/param")
        << QStringLiteral("expected the cursor's query parameter name such as \"cursor\"");
    QTest::newRow("cursor next not a pointer")
        << QByteArray(R"({"pagination":{"style":"cursor","next":"c","param":"c"}})")
        << QStringLiteral("/sources/0/pagination/next")
        << pointerText.arg(QLatin1String("/meta/next_cursor"));
    QTest::newRow("values not an object")
        << QByteArray(R"({"values":[]})") << QStringLiteral("/sources/0/values")
        << QStringLiteral("expected an object of value maps such as "
                          "{\"severity\":{\"P1\":\"critical\"}}");
    QTest::newRow("value map for an unconfigured field")
        << QByteArray(R"({"values":{"severity":{"P1":"critical"}}})")
        << QStringLiteral("/sources/0/values/severity")
        << QStringLiteral("expected the name of a configured field among state, severity, title, "
                          "project, reason, raised_by, column");
    QTest::newRow("value map not an object")
        << QByteArray(R"({"fields":{"state":"/s"},"values":{"state":"open"}})")
        << QStringLiteral("/sources/0/values/state")
        << QStringLiteral("expected an object such as {\"P1\":\"critical\"}");
    QTest::newRow("value not a string")
        << QByteArray(R"({"fields":{"severity":"/p"},"values":{"severity":{"P1":1}}})")
        << QStringLiteral("/sources/0/values/severity/P1") << QStringLiteral("expected a string");
    QTest::newRow("template names an unknown field")
        << QByteArray(R"({"url_template":"https://x/{{nope}}"})")
        << QStringLiteral("/sources/0/url_template")
        << QStringLiteral("expected {{name}} to name a configured field under \"fields\": {{nope}} "
                          "is not one");
    QTest::newRow("template not closed") << QByteArray(R"({"url_template":"https://x/{{id"})")
                                         << QStringLiteral("/sources/0/url_template")
                                         << QStringLiteral("expected \"}}\" after \"{{\"");
    QTest::newRow("template not a string")
        << QByteArray(R"({"url_template":1})") << QStringLiteral("/sources/0/url_template")
        << QStringLiteral("expected a string such as "
                          "\"https://desk.example/tickets/{{id}}\"");
}

void TestGenericConfig::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    try {
        GenericConnector connector(configWith(patch));
        QFAIL("expected a ConfigError");
    } catch (const ConfigError &e) {
        QCOMPARE(e.pointer(), pointer);
        QCOMPARE(e.message(), message);
    }
}

QTEST_GUILESS_MAIN(TestGenericConfig)
#include "tst_genericconfig.moc"
