// SPDX-License-Identifier: MIT
// The Jira connector on canned answers, table-driven: Cloud and Data Center pages mapped to
// items (severities, pagination, wrong shapes) and the source's config checks.
#include "tests/support/ItemMatch.h"
#include "tests/support/JiraFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"

#include <QtTest>

using nlohmann::json;

class TestJiraParse final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void parse_data();
    void parse();
    void configErrors_data();
    void configErrors();
};

namespace {

// Fixture issue `n` (301..307) with `fields` merged into its fields.
json issue(int n, const json &fields = json::object()) {
    json found = JiraFixture::issues()[std::size_t(n - 301)];
    found["fields"].merge_patch(fields);
    return found;
}

HttpResult ok(const json &body) {
    HttpResult result;
    result.status = 200;
    result.body = QByteArray::fromStdString(body.dump());
    return result;
}

const std::string searchQuery =
    "?jql=project%20%3D%20SRE&fields=summary,status,assignee,created,updated,priority,labels"
    "&maxResults=100";
const std::string cloudSearch = "http://127.0.0.1:9/jira/rest/api/3/search/jql" + searchQuery;
const std::string dcSearch = "http://127.0.0.1:9/jira/rest/api/2/search" + searchQuery;

void row(const char *name, const json &patch, const json &body, const json &expected) {
    QTest::newRow(name) << QByteArray::fromStdString(patch.dump())
                        << QByteArray::fromStdString(body.dump())
                        << QByteArray::fromStdString(expected.dump());
}

json sev(const char *name, const char *label) {
    return {{"severity", name}, {"severity_label", label}};
}

} // namespace

void TestJiraParse::parse_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    const json first = {{"kind", "bugs"},
                        {"source", "bugs"},
                        {"id", "SRE-301"},
                        {"title", "Checkout latency above SLO"},
                        {"state", "In Progress"},
                        {"people", {"Ana Lima"}},
                        {"severity", "critical"},
                        {"severity_raw", "Highest"},
                        {"created", "2026-11-30T08:40:12.123Z"}, // +0100 taken off
                        {"url", "http://127.0.0.1:9/jira/browse/SRE-301"}};
    row("cloud page with a token", {},
        {{"issues", {issue(301), issue(302)}}, {"nextPageToken", "tok/2+="}, {"isLast", false}},
        {{"items", {first, {{"id", "SRE-302"}, {"people", json::array()}, {"severity", "high"}}}},
         {"next", cloudSearch + "&nextPageToken=tok%2F2%2B%3D"}});
    row("cloud short page still has more", {}, {{"issues", {issue(304)}}, {"nextPageToken", "t3"}},
        {{"items", {{{"id", "SRE-304"}, {"severity", "info"}}}},
         {"next", cloudSearch + "&nextPageToken=t3"}});
    row("cloud last page omits the token", {}, {{"issues", {issue(305)}}, {"isLast", true}},
        {{"items", {{{"id", "SRE-305"}}}}, {"next", nullptr}});
    row("cloud isLast wins over a token", {},
        {{"issues", {issue(305)}}, {"nextPageToken", "t4"}, {"isLast", true}},
        {{"items", {{{"id", "SRE-305"}}}}, {"next", nullptr}});
    row("cloud empty page", {}, {{"issues", json::array()}, {"isLast", true}},
        {{"items", json::array()}, {"next", nullptr}});
    row("requests panel via JQL", {{"panel", "requests"}}, {{"issues", {issue(303)}}},
        {{"items",
          {{{"kind", "requests"},
            {"people", {"Victor Hugo"}},
            {"created", "2026-11-29T12:00:00.000Z"}}}}});
    row("vendor priorities", {},
        {{"issues",
          {issue(301, {{"priority", {{"name", "Blocker"}}}}),
           issue(302, {{"priority", {{"name", "Critical"}}}}),
           issue(303, {{"priority", {{"name", "Major"}}}}),
           issue(304, {{"priority", {{"name", "Minor"}}}}),
           issue(305, {{"priority", {{"name", "Trivial"}}}}),
           issue(306, {{"priority", {{"name", "Lowest"}}}}),
           issue(307, {{"priority", {{"name", "Medium"}}}})}}},
        {{"items",
          {sev("critical", "SEV-1"), sev("high", "SEV-2"), sev("warning", "SEV-3"),
           sev("info", "SEV-4"), sev("info", "SEV-4"), sev("info", "SEV-4"),
           sev("warning", "SEV-3")}}});
    row("no priority, unknown priority kept visible, common words", {},
        {{"issues", {issue(306), issue(307), issue(301, {{"priority", {{"name", "P2"}}}})}}},
        {{"items",
          {sev("unknown", "unknown"), sev("unknown", "unknown (Sev Z)"), sev("high", "SEV-2")}}});
    row("severity_map overrides the vendor map",
        {{"severity_map", {{"Sev Z", "warning"}, {"high", "critical"}}}},
        {{"issues", {issue(307), issue(302)}}},
        {{"items",
          {{{"severity", "warning"}, {"severity_raw", "Sev Z"}}, sev("critical", "SEV-1")}}});
    row("datacenter page", {{"flavor", "datacenter"}},
        {{"startAt", 0},
         {"maxResults", 3},
         {"total", 7},
         {"issues", {issue(301), issue(302), issue(303)}}},
        {{"items", {{{"id", "SRE-301"}}, {{"id", "SRE-302"}}, {{"id", "SRE-303"}}}},
         {"next", dcSearch + "&startAt=3"}});
    row("datacenter server caps the page", {{"flavor", "datacenter"}},
        {{"startAt", 4}, {"maxResults", 2}, {"total", 7}, {"issues", {issue(305), issue(306)}}},
        {{"items", {{{"id", "SRE-305"}}, {{"id", "SRE-306"}}}}, {"next", dcSearch + "&startAt=6"}});
    row("datacenter last page", {{"flavor", "datacenter"}},
        {{"startAt", 6}, {"maxResults", 3}, {"total", 7}, {"issues", {issue(307)}}},
        {{"items", {{{"id", "SRE-307"}}}}, {"next", nullptr}});
    row("datacenter without total", {{"flavor", "datacenter"}},
        {{"startAt", 0}, {"issues", {issue(301)}}},
        {{"error", "JSON of the wrong shape at /total: expected an integer"}});
    row("no issues array", {}, {{"values", json::array()}},
        {{"error", "JSON of the wrong shape at /issues: expected an array of items"}});
    // An issue that cannot be read is left out and counted; the others are read.
    const auto oneLeftOut = [](const char *pointerAndExpected) {
        return json{{"items", {{{"id", "SRE-303"}}}},
                    {"unreadable", std::string("1 item unreadable: ") + pointerAndExpected}};
    };
    row("key missing", {},
        {{"issues", {json{{"id", "1"}, {"fields", issue(302)["fields"]}}, issue(303)}}},
        oneLeftOut("/issues/0/key expected a string"));
    row("key empty", {},
        {{"issues", {json{{"key", ""}, {"fields", issue(302)["fields"]}}, issue(303)}}},
        oneLeftOut("/issues/0/key expected a non-empty string"));
    row("key a number", {},
        {{"issues", {issue(303), json{{"key", 7}, {"fields", issue(302)["fields"]}}}}},
        oneLeftOut("/issues/1/key expected a string"));
    row("fields missing", {}, {{"issues", {json{{"key", "SRE-1"}}, issue(303)}}},
        oneLeftOut("/issues/0/fields expected an object"));
    row("summary null", {}, {{"issues", {issue(301, {{"summary", nullptr}}), issue(303)}}},
        oneLeftOut("/issues/0/fields/summary expected a string"));
    row("status a string", {}, {{"issues", {issue(303), issue(301, {{"status", "Open"}})}}},
        oneLeftOut("/issues/1/fields/status expected an object"));
    row("created not a time", {},
        {{"issues", {issue(301, {{"created", "yesterday"}}), issue(303)}}},
        oneLeftOut("/issues/0/fields/created expected an ISO 8601 time"));
    row("an issue not an object", {},
        {{"issues", {issue(303), "SRE-9", issue(302, {{"summary", 1}})}}},
        json{{"items", {{{"id", "SRE-303"}}}},
             {"unreadable", "2 items unreadable: /issues/1 expected an object"}});
    row("token a number", {}, {{"issues", {issue(301)}}, {"nextPageToken", 2}},
        {{"error", "JSON of the wrong shape at /nextPageToken: expected a string"}});
}

void TestJiraParse::parse() {
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const auto connector =
        makeTestConnector(withPatch(JiraFixture::offlineSource(), json::parse(patch)));
    const QString problems =
        matchPage(connector->parsePage(ok(json::parse(body))), json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestJiraParse::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char *name, const json &patch, const char *expected) {
        QTest::newRow(name) << QByteArray::fromStdString(patch.dump())
                            << QString::fromUtf8(expected);
    };
    add("fine", json::object(), "");
    add("no jql", {{"jql", nullptr}}, "at /sources/0/jql: expected a JQL string");
    add("empty jql", {{"jql", ""}}, "at /sources/0/jql: expected a JQL string");
    add("jql not a string", {{"jql", json::array({"a"})}},
        "at /sources/0/jql: expected a JQL string");
    add("unknown flavor", {{"flavor", "onprem"}},
        "at /sources/0/flavor: expected \"cloud\" or \"datacenter\"");
    add("severity word", {{"severity_map", {{"P1", "urgent"}}}},
        "at /sources/0/severity_map/P1: expected one of critical, high, warning, info");
    add("severity_map array", {{"severity_map", json::array()}},
        "at /sources/0/severity_map: expected an object such as {\"P1\": \"critical\"}");
    add("project number", {{"project", 12}},
        "at /sources/0/project: expected a project key such as \"SRE\"");
    add("labels string", {{"labels", "bug"}},
        "at /sources/0/labels: expected an array of label strings");
}

void TestJiraParse::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    QCOMPARE(configErrorOf(withPatch(JiraFixture::offlineSource(), json::parse(patch))), expected);
}

QTEST_GUILESS_MAIN(TestJiraParse)
#include "tst_jira_parse.moc"
