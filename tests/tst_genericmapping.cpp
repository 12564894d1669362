// SPDX-License-Identifier: MIT
// The generic JSON connector, table-driven: each row is a config patch, an answer and what
// must come out (items, error, next page), so a new API quirk is one more row.
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/connectors/GenericConnector.h"
#include "tests/support/ItemMatch.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestGenericMapping final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void parse_data();
    void parse();
    void firstRequest();
    void nextPageKeepsAuth();
    void registry();
};

namespace {

const char *const baseConfig = R"({"name":"desk","type":"generic","panel":"requests",
    "url":"http://127.0.0.1:8080","path":"/api/requests?status=open","items":"/data",
    "fields":{"id":"/id","title":"/subject"}})";

// The base config with `patch` merged in (RFC 7386: null removes a key).
SourceConfig configWith(const QByteArray &patch) {
    json raw = json::parse(baseConfig);
    raw.merge_patch(json::parse(patch.isEmpty() ? QByteArray("{}") : patch));
    SourceConfig config;
    config.raw = raw;
    config.name = QString::fromStdString(raw.value("name", std::string()));
    config.type = QString::fromStdString(raw.value("type", std::string()));
    config.url = QByteArray::fromStdString(raw.value("url", std::string()));
    itemKindFromPanelName(QString::fromStdString(raw.value("panel", std::string())), &config.panel);
    config.pointer = QStringLiteral("/sources/0");
    config.auth.type = QStringLiteral("bearer");
    config.auth.secret = QByteArrayLiteral("s3cret");
    return config;
}

HttpResult answer(const QByteArray &body, const QByteArray &link = {}) {
    HttpResult result;
    result.status = 200;
    result.body = body;
    result.headers.append(
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    if (!link.isEmpty())
        result.headers.append({QByteArrayLiteral("link"), link});
    return result;
}

QByteArray header(const HttpRequest &request, const QByteArray &name) {
    for (const auto &h : request.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void row(const char *name, const char *patch, const char *body, const char *expected,
         const char *link = "") {
    QTest::newRow(name) << QByteArray(patch) << QByteArray(body) << QByteArray(link)
                        << QByteArray(expected);
}

} // namespace

void TestGenericMapping::parse_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<QByteArray>("expected");

    // Ids, titles and where the items are.
    row("string id", "", R"({"data":[{"id":"REQ-1","subject":"Create a read replica"}]})",
        R"({"items":[{"kind":"requests","source":"desk","id":"REQ-1",
            "title":"Create a read replica","state":"","created":null,"people":[],"url":"",
            "severity":"unknown","severity_raw":"","project":""}],"next":null})");
    row("numeric ids", "",
        R"({"data":[{"id":42,"subject":"a"},{"id":18446744073709551615,"subject":"b"},
            {"id":-3,"subject":"c"}]})",
        R"({"items":[{"id":"42"},{"id":"18446744073709551615"},{"id":"-3"}]})");
    row("numeric title", "", R"({"data":[{"id":"x","subject":7}]})",
        R"({"items":[{"id":"x","title":"7"}]})");
    row("root is the array", R"({"items":""})", R"([{"id":"1","subject":"x"}])",
        R"({"items":[{"id":"1","title":"x"}]})");
    row("nested pointers",
        R"({"items":"/issues","fields":{"id":"/key","title":"/fields/summary",
            "state":"/fields/status/name"}})",
        R"({"issues":[{"key":"OPS-1","fields":{"summary":"Pull fails","status":{"name":"To Do"}}}]})",
        R"({"items":[{"id":"OPS-1","title":"Pull fails","state":"To Do"}]})");
    row("escaped pointer and array index", R"({"fields":{"title":"/a~1b/c~0d","state":"/tags/1"}})",
        R"({"data":[{"id":1,"a/b":{"c~d":"escaped"},"tags":["x","second"]}]})",
        R"({"items":[{"title":"escaped","state":"second"}]})");
    row("andon panel",
        R"({"panel":"andons","fields":{"project":"/project","reason":"/reason","raised_by":"/by"}})",
        R"({"data":[{"id":"h1","subject":"Halt sftp","project":"sftp","reason":"no backups",
            "by":"alice"}]})",
        R"({"items":[{"kind":"andons","id":"h1","title":"Halt sftp","project":"sftp",
            "reason":"no backups","raised_by":"alice"}]})");

    // Who handles it, as the source says.
    row("owner", R"({"fields":{"owner":"/lead/login"}})",
        R"({"data":[{"id":1,"subject":"s","lead":{"login":"chloe"}},{"id":2,"subject":"t",
            "lead":null}]})",
        R"({"items":[{"id":"1","owner":"chloe"},{"id":"2","owner":""}]})");
    row("owner of another type", R"({"fields":{"owner":"/lead"}})",
        R"({"data":[{"id":1,"subject":"s","lead":{"login":"chloe"}},{"id":2,"subject":"t"}]})",
        R"({"items":[{"id":"2"}],
            "unreadable":"1 item unreadable: /data/0/lead expected a string or number"})");

    // People in every form APIs use.
    row("people string", R"({"fields":{"people":"/owner"}})",
        R"({"data":[{"id":1,"subject":"s","owner":"alice"}]})",
        R"({"items":[{"people":["alice"]}]})");
    row("people array of strings", R"({"fields":{"people":"/owners"}})",
        R"({"data":[{"id":1,"subject":"s","owners":["alice","bob"]}]})",
        R"({"items":[{"people":["alice","bob"]}]})");
    row("people objects with people_key",
        R"({"fields":{"people":"/assignees","people_key":"username"}})",
        R"({"data":[{"id":1,"subject":"s","assignees":[{"username":"alice","name":"Alice A"},
            {"username":"bob"},{"name":"no username"},null]}]})",
        R"({"items":[{"people":["alice","bob"]}]})");
    row("people objects default key", R"({"fields":{"people":"/assignees"}})",
        R"({"data":[{"id":1,"subject":"s","assignees":[{"name":"Alice A"}]}]})",
        R"({"items":[{"people":["Alice A"]}]})");
    row("people single object", R"({"fields":{"people":"/assignee","people_key":"displayName"}})",
        R"({"data":[{"id":1,"subject":"s","assignee":{"displayName":"Dana"}},
            {"id":2,"subject":"s","assignee":null},{"id":3,"subject":"s"}]})",
        R"({"items":[{"people":["Dana"]},{"people":[]},{"people":[]}]})");

    // Value maps, severities and the visible unknown fallback.
    row("value maps",
        R"({"fields":{"severity":"/priority","state":"/status"},
            "values":{"severity":{"P1":"critical","P2":"high"},"state":{"new":"open"}}})",
        R"({"data":[{"id":1,"subject":"s","priority":"P1","status":"new"},
            {"id":2,"subject":"s","priority":"P2","status":"pending"},
            {"id":3,"subject":"s","priority":"P9","status":"new"},
            {"id":4,"subject":"s"}]})",
        R"j({"items":[
            {"severity":"critical","severity_raw":"P1","state":"open"},
            {"severity":"high","severity_raw":"P2","state":"pending"},
            {"severity":"unknown","severity_raw":"P9","severity_label":"unknown (P9)","state":"open"},
            {"severity":"unknown","severity_raw":"","severity_label":"unknown","state":""}]})j");
    row("numeric value map key",
        R"({"fields":{"severity":"/priority"},"values":{"severity":{"1":"critical"}}})",
        R"({"data":[{"id":1,"subject":"s","priority":1},{"id":2,"subject":"s","priority":2}]})",
        R"({"items":[{"severity":"critical","severity_raw":"1"},
            {"severity":"unknown","severity_raw":"2"}]})");
    row("severity words without a map", R"({"fields":{"severity":"/sev"}})",
        R"({"data":[{"id":1,"subject":"s","sev":"sev-weird"},{"id":2,"subject":"s","sev":"Warning"},
            {"id":3,"subject":"s","sev":null}]})",
        R"j({"items":[{"severity":"unknown","severity_raw":"sev-weird",
            "severity_label":"unknown (sev-weird)"},{"severity":"warning"},
            {"severity":"unknown","severity_raw":""}]})j");
    row("value map on title", R"({"values":{"title":{"x":"Renamed"}}})",
        R"({"data":[{"id":1,"subject":"x"},{"id":2,"subject":"y"}]})",
        R"({"items":[{"title":"Renamed"},{"title":"y"}]})");

    // Times: ISO 8601 with nanoseconds and offsets, epoch seconds and milliseconds.
    row("times", R"({"fields":{"created_at":"/created"}})",
        R"({"data":[{"id":1,"subject":"s","created":"2026-11-30T09:40:12.123456789Z"},
            {"id":2,"subject":"s","created":"2026-11-30T11:40:12+02:00"},
            {"id":3,"subject":"s","created":1700000000},
            {"id":4,"subject":"s","created":1700000000123},
            {"id":5,"subject":"s","created":"1700000000.5"},
            {"id":6,"subject":"s","created":"yesterday"},
            {"id":7,"subject":"s","created":null},
            {"id":8,"subject":"s","created":"2026-11-30T09:40:12.5-0130"},
            {"id":9,"subject":"s","created":1700000000.25},
            {"id":10,"subject":"s","created":"1700000000123"}]})",
        R"({"items":[{"created":"2026-11-30T09:40:12.123Z"},{"created":"2026-11-30T09:40:12.000Z"},
            {"created":"2023-11-14T22:13:20.000Z"},{"created":"2023-11-14T22:13:20.123Z"},
            {"created":"2023-11-14T22:13:20.500Z"},{"created":null},{"created":null},
            {"created":"2026-11-30T11:10:12.500Z"},{"created":"2023-11-14T22:13:20.250Z"},
            {"created":"2023-11-14T22:13:20.123Z"}]})");

    // Links back to the original.
    row("url template", R"({"url_template":"https://desk.example/tickets/{{id}}"})",
        R"({"data":[{"id":12,"subject":"s"},{"id":"A B/é","subject":"s"}]})",
        R"({"items":[{"url":"https://desk.example/tickets/12"},
            {"url":"https://desk.example/tickets/A%20B/%C3%A9"}]})");
    row("url template with other fields",
        R"({"fields":{"project":"/proj","iid":"/iid"},
            "url_template":"https://git.example/{{project}}/-/issues/{{ iid }}"})",
        R"({"data":[{"id":100,"iid":7,"subject":"s","proj":"group/app"},
            {"id":101,"subject":"s","proj":"group/app"}]})",
        R"({"items":[{"url":"https://git.example/group/app/-/issues/7","project":"group/app"},
            {"url":"https://git.example/group/app/-/issues/"}]})");
    row("url field wins over template",
        R"({"fields":{"url":"/link"},"url_template":"https://t.example/{{id}}"})",
        R"({"data":[{"id":1,"subject":"s","link":"https://own.example/1"},
            {"id":2,"subject":"s","link":""},{"id":3,"subject":"s"}]})",
        R"({"items":[{"url":"https://own.example/1"},{"url":"https://t.example/2"},
            {"url":"https://t.example/3"}]})");

    // An item that cannot be read is left out and counted, its exact pointer named; the others
    // are read. Only an answer that cannot be read as a whole fails.
    row("missing id", "",
        R"({"data":[{"id":1,"subject":"a"},{"id":2,"subject":"b"},{"id":3,"subject":"c"},
            {"subject":"d"}]})",
        R"({"items":[{"id":"1"},{"id":"2"},{"id":"3"}],
            "unreadable":"1 item unreadable: /data/3/id expected a string or number"})");
    row("null id", "", R"({"data":[{"id":null,"subject":"a"},{"id":2,"subject":"b"}]})",
        R"({"items":[{"id":"2"}],
            "unreadable":"1 item unreadable: /data/0/id expected a string or number"})");
    row("empty id", "", R"({"data":[{"id":"","subject":"a"}]})",
        R"({"items":[],"unreadable":"1 item unreadable: /data/0/id expected a string or number"})");
    row("object id", "", R"({"data":[{"id":{"n":1},"subject":"a"},{"id":2,"subject":"b"}]})",
        R"({"items":[{"id":"2"}],
            "unreadable":"1 item unreadable: /data/0/id expected a string or number"})");
    row("missing title", "", R"({"data":[{"id":1,"subject":"a"},{"id":2}]})",
        R"({"items":[{"id":"1"}],
            "unreadable":"1 item unreadable: /data/1/subject expected a string"})");
    row("nested id pointer", R"({"items":"","fields":{"id":"/ref/id"}})",
        R"([{"ref":{"id":"a"},"subject":"x"},{"ref":{},"subject":"y"}])",
        R"({"items":[{"id":"a"}],
            "unreadable":"1 item unreadable: /1/ref/id expected a string or number"})");
    row("several bad items: counted, the first named", "",
        R"({"data":[{"subject":"a"},{"id":2,"subject":"b"},"c",{"id":4,"subject":{"text":"d"}}]})",
        R"({"items":[{"id":"2"}],
            "unreadable":"3 items unreadable: /data/0/id expected a string or number"})");
    row("items not an array", "", R"({"data":{"id":1,"subject":"a"}})",
        R"({"error":"JSON of the wrong shape at /data: expected an array of items"})");
    row("items missing", "", R"({"results":[]})",
        R"({"error":"JSON of the wrong shape at /data: expected an array of items"})");
    row("root not an array", R"({"items":""})", R"({"data":[]})",
        R"({"error":"JSON of the wrong shape at /: expected an array of items"})");
    row("item not an object", "", R"({"data":[{"id":1,"subject":"a"},"b"]})",
        R"({"items":[{"id":"1"}],"unreadable":"1 item unreadable: /data/1 expected an object"})");
    row("state is an object", R"({"fields":{"state":"/status"}})",
        R"({"data":[{"id":1,"subject":"a","status":{"name":"open"}},{"id":2,"subject":"b"}]})",
        R"({"items":[{"id":"2"}],
            "unreadable":"1 item unreadable: /data/0/status expected a string or number"})");
    row("time is an object", R"({"fields":{"created_at":"/created"}})",
        R"({"data":[{"id":1,"subject":"a","created":{"at":1}},{"id":2,"subject":"b"}]})",
        R"({"items":[{"id":"2"}],
            "unreadable":"1 item unreadable: /data/0/created expected an ISO 8601 string or epoch seconds/milliseconds"})");
    row("html login page", "",
        "<!DOCTYPE html><html><head><title>Sign in</title></head><body>login</body></html>",
        R"j({"error":"not JSON (got an HTML page: login?)"})j");
    row("invalid json", "", R"({"data":[{"id":1,)",
        R"({"error_prefix":"not JSON (parse error at byte"})");
    row("empty body", "", "", R"({"error_prefix":"not JSON (parse error at byte"})");

    // Pagination: Link header.
    const char *link = R"({"pagination":{"style":"link"}})";
    const char *onePage = R"({"data":[{"id":1,"subject":"a"}]})";
    row("link next absolute", link, onePage,
        R"({"items":[{"id":"1"}],"next":"http://127.0.0.1:8080/api/requests?status=open&page=2"})",
        R"(<http://127.0.0.1:8080/api/requests?status=open&page=2>; rel="next", <http://127.0.0.1:8080/api/requests?status=open&page=9>; rel="last")");
    row("link next relative path", link, onePage,
        R"({"next":"http://127.0.0.1:8080/api/requests?status=open&page=3"})",
        R"(</api/requests?status=open&page=3>; rel="next")");
    row("link next relative query", link, onePage,
        R"({"next":"http://127.0.0.1:8080/api/requests?page=4"})", R"(<?page=4>; rel=next)");
    row("link relation list", link, onePage, R"({"next":"http://127.0.0.1:8080/x?a=1,2&page=6"})",
        R"(<http://127.0.0.1:8080/x?page=5>; rel="prev", <http://127.0.0.1:8080/x?a=1,2&page=6>; rel="next last")");
    row("link without next", link, onePage, R"({"items":[{"id":"1"}],"next":null})",
        R"(<http://127.0.0.1:8080/x?page=1>; rel="prev")");
    row("no link header", link, onePage, R"({"items":[{"id":"1"}],"next":null})");
    row("link to another server", link, onePage,
        R"({"error":"next page is on another server (https://elsewhere.example): not followed"})",
        R"(<https://elsewhere.example/steal?page=2>; rel="next")");
    row("link on an empty page", link, R"({"data":[]})", R"({"items":[],"next":null})",
        R"(</api/requests?page=2>; rel="next")");

    // Pagination: a next URL in the body.
    const char *nextUrl = R"({"pagination":{"style":"next_url","next":"/links/next"}})";
    row("next_url absolute", nextUrl,
        R"({"data":[{"id":1,"subject":"a"}],"links":{"next":"http://127.0.0.1:8080/api/requests?after=X"}})",
        R"({"items":[{"id":"1"}],"next":"http://127.0.0.1:8080/api/requests?after=X"})");
    row("next_url relative", nextUrl,
        R"({"data":[{"id":1,"subject":"a"}],"links":{"next":"/api/requests?after=Y"}})",
        R"({"next":"http://127.0.0.1:8080/api/requests?after=Y"})");
    row("next_url null", nextUrl, R"({"data":[{"id":1,"subject":"a"}],"links":{"next":null}})",
        R"({"items":[{"id":"1"}],"next":null})");
    row("next_url missing", nextUrl, onePage, R"({"items":[{"id":"1"}],"next":null})");
    row("next_url empty", nextUrl, R"({"data":[{"id":1,"subject":"a"}],"links":{"next":""}})",
        R"({"next":null})");
    row("next_url not a string", nextUrl, R"({"data":[{"id":1,"subject":"a"}],"links":{"next":5}})",
        R"({"error":"JSON of the wrong shape at /links/next: expected a URL string or null"})");
    row("next_url on an empty page", nextUrl,
        R"({"data":[],"links":{"next":"/api/requests?after=Z"}})", R"({"items":[],"next":null})");

    // Pagination: a cursor sent back as a query parameter of the configured path.
    const char *cursor =
        R"({"pagination":{"style":"cursor","next":"/meta/next_cursor","param":"cursor"}})";
    row("cursor", cursor,
        R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":"dXNlcjpVMEc5V0ZYTlo+/="}})",
        R"({"items":[{"id":"1"}],
            "next":"http://127.0.0.1:8080/api/requests?status=open&cursor=dXNlcjpVMEc5V0ZYTlo%2B%2F%3D"})");
    row("cursor number", cursor, R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":1234}})",
        R"({"next":"http://127.0.0.1:8080/api/requests?status=open&cursor=1234"})");
    row("cursor replaces the path's own", R"({"path":"/api/requests?cursor=old&status=open",
            "pagination":{"style":"cursor","next":"/meta/next_cursor","param":"cursor"}})",
        R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":"abc"}})",
        R"({"next":"http://127.0.0.1:8080/api/requests?status=open&cursor=abc"})");
    row("cursor on a path without query", R"({"path":"/api/requests",
            "pagination":{"style":"cursor","next":"/meta/next_cursor","param":"after"}})",
        R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":"abc"}})",
        R"({"next":"http://127.0.0.1:8080/api/requests?after=abc"})");
    row("cursor empty (last page)", cursor,
        R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":""}})", R"({"next":null})");
    row("cursor null", cursor, R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":null}})",
        R"({"next":null})");
    row("cursor on an empty page", cursor, R"({"data":[],"meta":{"next_cursor":"more"}})",
        R"({"items":[],"next":null})");
    row("cursor after a page of only unreadable items", cursor,
        R"({"data":[{"subject":"no id"}],"meta":{"next_cursor":"more"}})",
        R"({"items":[],"unreadable":"1 item unreadable: /data/0/id expected a string or number",
            "next":"http://127.0.0.1:8080/api/requests?status=open&cursor=more"})");
    row("cursor not a scalar", cursor,
        R"({"data":[{"id":1,"subject":"a"}],"meta":{"next_cursor":{"c":1}}})",
        R"({"error":"JSON of the wrong shape at /meta/next_cursor: expected a cursor string or null"})");
}

void TestGenericMapping::parse() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, link);
    QFETCH(QByteArray, expected);

    const GenericConnector connector(configWith(patch));
    const ParsedPage page = connector.parsePage(answer(body, link));
    const QString problems = matchPage(page, json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestGenericMapping::firstRequest() {
    const GenericConnector connector(configWith({}));
    const HttpRequest request = connector.firstRequest();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url, QByteArray("http://127.0.0.1:8080/api/requests?status=open"));
    QCOMPARE(header(request, "Authorization"), QByteArray("Bearer s3cret"));
}

void TestGenericMapping::nextPageKeepsAuth() {
    for (const char *patch : {R"({"pagination":{"style":"link"}})",
                              R"({"pagination":{"style":"next_url","next":"/next"}})",
                              R"({"pagination":{"style":"cursor","next":"/next","param":"c"}})"}) {
        const GenericConnector connector(configWith(patch));
        const ParsedPage page = connector.parsePage(
            answer(R"({"data":[{"id":1,"subject":"a"}],"next":"/api/requests?c=2"})",
                   "</api/requests?c=2>; rel=\"next\""));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY2(page.next.has_value(), patch);
        QCOMPARE(header(*page.next, "Authorization"), QByteArray("Bearer s3cret"));
        QCOMPARE(header(*page.next, "Accept"), QByteArray("application/json"));
    }
}

void TestGenericMapping::registry() {
    const ConnectorRegistry &builtin = ConnectorRegistry::builtin();
    QVERIFY(builtin.has(QStringLiteral("generic")));
    QVERIFY(builtin.has(QStringLiteral("alertmanager")));
    QVERIFY(!builtin.has(QStringLiteral("jira-typo")));
    // Sorted, and every shipped type listed (more arrive with each connector).
    const QStringList types = builtin.types();
    QStringList sorted = types;
    sorted.sort();
    QCOMPARE(types, sorted);
    for (const char *type : {"alertmanager", "generic", "github", "gitlab", "jira", "slack"})
        QVERIFY2(types.contains(QLatin1String(type)), type);

    std::unique_ptr<Connector> generic = builtin.create(configWith({}));
    QVERIFY(dynamic_cast<GenericConnector *>(generic.get()));
    QCOMPARE(generic->firstRequest().url,
             QByteArray("http://127.0.0.1:8080/api/requests?status=open"));

    SourceConfig unknown = configWith(R"({"type":"jira-typo"})");
    try {
        builtin.create(unknown);
        QFAIL("expected a ConfigError");
    } catch (const ConfigError &e) {
        QCOMPARE(e.pointer(), QStringLiteral("/sources/0/type"));
        QCOMPARE(e.message(),
                 QStringLiteral("unknown source type \"jira-typo\": expected one of ") +
                     types.join(QStringLiteral(", ")));
    }
    // A connector's own config error comes through create() unchanged.
    try {
        builtin.create(configWith(R"({"fields":{"id":null}})"));
        QFAIL("expected a ConfigError");
    } catch (const ConfigError &e) {
        QCOMPARE(e.pointer(), QStringLiteral("/sources/0/fields/id"));
    }

    ConnectorRegistry extended = builtin;
    extended.add(QStringLiteral("jira-typo"),
                 [](const SourceConfig &c) { return std::make_unique<GenericConnector>(c); });
    QVERIFY(extended.has(QStringLiteral("jira-typo")));
    QVERIFY(extended.create(unknown) != nullptr);
    QVERIFY(!builtin.has(QStringLiteral("jira-typo")));
}

QTEST_GUILESS_MAIN(TestGenericMapping)
#include "tst_genericmapping.moc"
