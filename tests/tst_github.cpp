// SPDX-License-Identifier: MIT
// The GitHub connector: mapping and pagination table-driven on canned answers, then end to end
// through HttpClient, SourceFetcher and Poller against GitHubFixture (a first page of only pull
// requests must not end the walk), failures, both rate limits, and the create-issue write as
// GitHub receives it; "I'm on it" (add and remove the token's own login as an assignee) through
// the real outbox.
#include "tests/support/Acknowledging.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/GitHubFixture.h"
#include "tests/support/ItemMatch.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

class TestGitHub final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void configErrors_data();
    void configErrors();
    void requestHeaders();
    void walksEveryPage();
    void pageCapStopsTheWalk();
    void failures_data();
    void failures();
    void createIssue();
    void createIssueRefused();
    void acknowledgeAndRelease();
    void acknowledgeRefused();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_GITHUB_TOKEN";
const QByteArray token = QByteArrayLiteral("ghp_4nT8sQ2vX9kL1mZ6wR3yB7cJ5hF0dG");

json baseSource() {
    return {{"name", "gh"},
            {"type", "github"},
            {"panel", "bugs"},
            {"url", "http://127.0.0.1:9/api/v3"},
            {"repo", "acme/infra"},
            {"labels", {"bug"}},
            {"severity_map", {{"P1", "critical"}}}};
}

// The source as a user writes it, the token from the environment.
const VendorSource vendor(baseSource(), tokenEnv);

// Fixture entry by number (46..41; 46 and 45 are pull requests) with `patch` merged in.
json issue(int number, const json &patch = nullptr) {
    json found = GitHubFixture::issues()[std::size_t(46 - number)];
    if (!patch.is_null())
        found.merge_patch(patch);
    return found;
}

HttpResult ok(const json &body, const QByteArray &link) {
    HttpResult result;
    result.status = 200;
    result.body = QByteArray::fromStdString(body.dump());
    if (!link.isEmpty())
        result.headers.append({QByteArrayLiteral("link"), link});
    return result;
}

void row(const char *name, const json &body, const char *link, const json &expected) {
    QTest::newRow(name) << QByteArray::fromStdString(body.dump()) << QByteArray(link)
                        << QByteArray::fromStdString(expected.dump());
}

Item issueItem(int number) {
    return fixtureItem(ItemKind::Bug, QStringLiteral("gh"), QString::number(number),
                       QStringLiteral("CI runners out of disk"), QDateTime());
}

QString assigneesOf(const Connector &connector, int number) {
    return ownerAndPeople(connector, QString::number(number));
}

const char *const nextLink =
    "<http://127.0.0.1:9/api/v3/repositories/123/issues?state=open&page=2>; rel=\"next\", "
    "<http://127.0.0.1:9/api/v3/repositories/123/issues?state=open&page=3>; rel=\"last\"";

} // namespace

void TestGitHub::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, token);
}

void TestGitHub::parse_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<QByteArray>("expected");

    row("pull requests skipped", GitHubFixture::issues(), "",
        {{"items",
          {{{"kind", "bugs"},
            {"source", "gh"},
            {"id", "44"},
            {"title", "Terraform drift in prod VPC"},
            {"state", "open"},
            {"people", {"ana"}},
            {"owner", "ana"},
            {"severity", "critical"},
            {"severity_raw", "P1"}, // through "severity_map"
            {"created", "2026-11-29T22:10:05.000Z"},
            {"url", "https://github.acme.io/acme/infra/issues/44"}},
           {{"id", "43"}, {"people", {"ana", "zoe"}}, {"owner", "ana"}, {"severity", "high"}},
           {{"id", "42"}, {"people", json::array()}, {"owner", ""}, {"severity_label", "unknown"}},
           {{"id", "41"}, {"severity_label", "unknown (odd)"}}}},
         {"next", nullptr}});
    row("a page of only pull requests goes on", json::array({issue(46), issue(45)}), nextLink,
        {{"items", json::array()},
         {"next", "http://127.0.0.1:9/api/v3/repositories/123/issues?state=open&page=2"}});
    row("an empty page ends despite Link", json::array(), nextLink,
        {{"items", json::array()}, {"next", nullptr}});
    row("labels as plain strings", json::array({issue(42, {{"labels", {"bug", "P1"}}})}), "",
        {{"items", {{{"severity", "critical"}}}}});
    row("Link to another server is not followed", json::array({issue(44)}),
        "<https://api.github.com/repositories/123/issues?page=2>; rel=\"next\"",
        {{"error", "next page is on another server (https://api.github.com): not followed"}});
    row("not an array", {{"message", "Not Found"}}, "",
        {{"error", "JSON of the wrong shape at /: expected an array of items"}});
    // An issue that cannot be read is left out and counted; the others are read.
    row("number missing", json::array({issue(44, {{"number", nullptr}}), issue(43)}), "",
        {{"items", {{{"id", "43"}}}},
         {"unreadable", "1 item unreadable: /0/number expected a string or an integer"}});
    row("title a number", json::array({issue(46), issue(44, {{"title", 5}}), issue(43)}), "",
        {{"items", {{{"id", "43"}}}},
         {"unreadable", "1 item unreadable: /1/title expected a string"}});
    row("assignees an object",
        json::array({issue(44, {{"assignees", {{"login", "ana"}}}}), issue(42)}), "",
        {{"items", {{{"id", "42"}}}},
         {"unreadable", "1 item unreadable: /0/assignees expected an array"}});
    row("created_at not a time",
        json::array({issue(41), issue(44, {{"created_at", "1700000000"}})}), "",
        {{"items", {{{"id", "41"}}}},
         {"unreadable", "1 item unreadable: /1/created_at expected an ISO 8601 time"}});
    row("two bad issues: counted, the first named",
        json::array({issue(44, {{"number", nullptr}}), issue(43), issue(42, {{"title", 5}})}), "",
        {{"items", {{{"id", "43"}}}},
         {"unreadable", "2 items unreadable: /0/number expected a string or an integer"}});
    row("a page of only unreadable issues goes on", json::array({issue(44, {{"title", 5}})}),
        nextLink,
        {{"items", json::array()},
         {"unreadable", "1 item unreadable: /0/title expected a string"},
         {"next", "http://127.0.0.1:9/api/v3/repositories/123/issues?state=open&page=2"}});
}

void TestGitHub::parse() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, link);
    QFETCH(QByteArray, expected);
    const auto connector = makeTestConnector(baseSource());
    const ParsedPage page = connector->parsePage(ok(json::parse(body), link));
    const QString problems = matchPage(page, json::parse(expected));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // The next page carries GitHub's headers as the first one does.
    if (page.next)
        QCOMPARE(headerValue(page.next->headers, "X-GitHub-Api-Version"), QByteArray("2022-11-28"));
}

void TestGitHub::configErrors_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("expected");
    const QString repo =
        QStringLiteral("at /sources/0/repo: expected \"owner/name\" such as \"acme/infra\"");
    const auto add = [](const char *name, const json &patch, const QString &expected) {
        QTest::newRow(name) << QByteArray::fromStdString(patch.dump()) << expected;
    };
    add("fine", nullptr, QString());
    add("no repo", {{"repo", nullptr}}, repo);
    add("owner only", {{"repo", "acme"}}, repo);
    add("three parts", {{"repo", "acme/infra/issues"}}, repo);
    add("a URL", {{"repo", "https://github.com/acme/infra"}}, repo);
    add("label with a comma", {{"labels", {"a,b"}}},
        QStringLiteral("at /sources/0/labels/0: expected a non-empty string without \",\""));
    add("empty label", {{"labels", {""}}},
        QStringLiteral("at /sources/0/labels/0: expected a non-empty string without \",\""));
}

void TestGitHub::configErrors() {
    QFETCH(QByteArray, patch);
    QFETCH(QString, expected);
    QCOMPARE(configErrorOf(withPatch(baseSource(), json::parse(patch))), expected);
}

void TestGitHub::requestHeaders() {
    const auto connector = makeTestConnector(
        withPatch(baseSource(), {{"labels", {"bug", "good first issue"}},
                                 {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}}));
    const HttpRequest first = connector->firstRequest();
    QCOMPARE(first.url, QByteArray("http://127.0.0.1:9/api/v3/repos/acme/infra/issues?state=open&"
                                   "labels=bug,good%20first%20issue&per_page=100"));
    int accepts = 0;
    for (const auto &header : first.headers)
        accepts += header.first.compare("Accept", Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(accepts, 1); // GitHub's media type replaces the default, not added to it
    QCOMPARE(headerValue(first.headers, "Accept"), QByteArray("application/vnd.github+json"));
    QCOMPARE(headerValue(first.headers, "X-GitHub-Api-Version"), QByteArray("2022-11-28"));
    QCOMPARE(headerValue(first.headers, "Authorization"), "Bearer " + token);
    QVERIFY(connector->supportsWrite(WriteKind::CreateBug));
    QVERIFY(!connector->supportsWrite(WriteKind::React));
}

void TestGitHub::walksEveryPage() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl()));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QVERIFY2(probe.health().error.isEmpty(), qPrintable(probe.health().error));
    const QString problems =
        matchItems(probe.items(),
                   json::array({{{"id", "44"}}, {{"id", "43"}}, {{"id", "42"}}, {{"id", "41"}}}));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // The first page holds only pull requests; the walk goes on through GitHub's Link targets.
    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 3);
    const QByteArrayList targets = {
        "/api/v3/repos/acme/infra/issues?state=open&labels=bug&per_page=100",
        "/api/v3/repositories/123/issues?state=open&labels=bug&per_page=100&page=2",
        "/api/v3/repositories/123/issues?state=open&labels=bug&per_page=100&page=3"};
    for (int i = 0; i < requests.size(); ++i) {
        QCOMPARE(requests[i].method, QByteArray("GET"));
        QCOMPARE(requests[i].target, targets[i]);
        QCOMPARE(requests[i].header("authorization"), "Bearer " + token);
        QCOMPARE(requests[i].header("accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(requests[i].header("x-github-api-version"), QByteArray("2022-11-28"));
    }
}

void TestGitHub::pageCapStopsTheWalk() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), {{"max_pages", 2}}));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(fixture.server().requests().size(), 2);
    QCOMPARE(int(probe.items().size()), 2);
    QCOMPARE(probe.health().error, QStringLiteral("showing the first 2 pages only"));
}

void TestGitHub::failures_data() {
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("error");   // exact, or a prefix ending in "…"
    QTest::addColumn<int>("retryAfterS"); // -1: not rate limited; 0: the announced reset time
    QTest::newRow("401") << QByteArray("null") << int(FixtureFault::Unauthorized)
                         << QStringLiteral("token refused (HTTP 401)") << -1;
    QTest::newRow("html login page") << QByteArray("null") << int(FixtureFault::HtmlLogin)
                                     << QStringLiteral("not JSON (got an HTML page: login?)") << -1;
    QTest::newRow("malformed json") << QByteArray("null") << int(FixtureFault::Malformed)
                                    << QStringLiteral("not JSON (parse error at byte …") << -1;
    QTest::newRow("unknown repository")
        << QByteArray(R"({"repo":"acme/nope"})") << int(FixtureFault::None)
        << QStringLiteral("repository not found (HTTP 404): check \"repo\" and that the token may "
                          "read it")
        << -1;
    QTest::newRow("primary limit: 403, x-ratelimit-reset epoch")
        << QByteArray("null") << int(FixtureFault::RateLimited)
        << QStringLiteral("rate-limited until …") << 0;
    QTest::newRow("secondary limit: 403, retry-after")
        << QByteArray("null") << int(FixtureFault::RateLimitedAlternate)
        << QStringLiteral("rate-limited until …") << 30;
}

void TestGitHub::failures() {
    QFETCH(QByteArray, patch);
    QFETCH(int, fault);
    QFETCH(QString, error);
    QFETCH(int, retryAfterS);
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    fixture.server().setFault(FixtureFault(fault));
    SourceProbe probe(vendor.probeJson(fixture.baseUrl(), json::parse(patch)));
    QVERIFY(probe.fetchOnce());
    const QString problems =
        healthMismatch(probe.health(), error, retryAfterS, fixture.server().resetAt());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestGitHub::createIssue() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(
        withPatch(baseSource(), {{"url", fixture.baseUrl().toStdString()},
                                 {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}}));
    const WriteAction action = sampleBugAction();
    const WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QString::number(GitHubFixture::createdNumber));
    QCOMPARE(outcome.createdUrl, QStringLiteral("https://github.acme.io/acme/infra/issues/47"));

    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 1);
    const HttpServerRequest &r = requests[0];
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.target, QByteArray("/api/v3/repos/acme/infra/issues"));
    QCOMPARE(r.header("authorization"), "Bearer " + token);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(r.header("accept"), QByteArray("application/vnd.github+json"));
    QCOMPARE(r.header("x-github-api-version"), QByteArray("2022-11-28"));
    const json expected = {{"title", "Checkout 500s after deploy"},
                           {"body", "Seen at 09:40 by the on-call.\n\nRollback pending."},
                           {"labels", {"needs triage", "bug"}}};
    QCOMPARE(json::parse(r.body.toStdString()), expected);
}

void TestGitHub::createIssueRefused() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(
        withPatch(baseSource(), {{"url", fixture.baseUrl().toStdString()},
                                 {"auth", {{"type", "bearer"}, {"secret", token.toStdString()}}}}));
    WriteAction action = sampleBugAction();
    action.title.clear();
    WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY(!outcome.accepted);
    QCOMPARE(
        outcome.error,
        QStringLiteral("GitHub refused it (HTTP 422): Validation Failed (title: missing_field)"));

    fixture.server().setFault(FixtureFault::RateLimitedAlternate);
    outcome = sendWrite(*connector, sampleBugAction());
    QVERIFY(!outcome.accepted);
    QVERIFY(outcome.retryAt > QDateTime::currentDateTimeUtc().addSecs(20));
}

void TestGitHub::acknowledgeAndRelease() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(
        withPatch(baseSource(), {{"url", fixture.baseUrl().toStdString()},
                                 {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}}));
    QVERIFY(connector->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(connector->supportsWrite(WriteKind::Release));
    QCOMPARE(assigneesOf(*connector, 43), QStringLiteral("ana: ana, zoe"));
    fixture.server().clearRequests();

    const Item item = issueItem(43);
    OutboxEntry row = deliverThroughOutbox(*connector, acknowledgeAction(item));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].method, QByteArray("GET"));
    QCOMPARE(requests[0].target, QByteArray("/api/v3/user"));
    for (const HttpServerRequest &r : requests) {
        QCOMPARE(r.header("authorization"), "Bearer " + token);
        QCOMPARE(r.header("accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(r.header("x-github-api-version"), QByteArray("2022-11-28"));
    }
    QCOMPARE(requests[1].method, QByteArray("POST"));
    QCOMPARE(requests[1].target, QByteArray("/api/v3/repos/acme/infra/issues/43/assignees"));
    QCOMPARE(requests[1].header("content-type"), QByteArray("application/json"));
    QCOMPARE(json::parse(requests[1].body.toStdString()), json({{"assignees", {"octocat"}}}));
    // Added beside the others: the first assignee still owns it as GitHub says.
    QCOMPARE(assigneesOf(*connector, 43), QStringLiteral("ana: ana, zoe, octocat"));

    fixture.server().clearRequests();
    row = deliverThroughOutbox(*connector, releaseAction(item));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    requests = fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].target, QByteArray("/api/v3/user"));
    QCOMPARE(requests[1].method, QByteArray("DELETE"));
    QCOMPARE(requests[1].target, QByteArray("/api/v3/repos/acme/infra/issues/43/assignees"));
    QCOMPARE(json::parse(requests[1].body.toStdString()), json({{"assignees", {"octocat"}}}));
    QCOMPARE(assigneesOf(*connector, 43), QStringLiteral("ana: ana, zoe"));

    // On an issue nobody had, the token's user becomes its owner.
    row = deliverThroughOutbox(*connector, acknowledgeAction(issueItem(42)));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QCOMPARE(assigneesOf(*connector, 42), QStringLiteral("octocat: octocat"));
}

void TestGitHub::acknowledgeRefused() {
    GitHubFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = makeTestConnectorAt(baseSource(), fixture.baseUrl());
    const WriteAction ack = acknowledgeAction(issueItem(42));
    // A token whose user may not be assigned: GitHub answers 201 and leaves it out.
    fixture.setTokenUser(QStringLiteral("outsider"));
    OutboxEntry row = deliverThroughOutbox(*connector, ack);
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError, QStringLiteral("GitHub did not assign outsider to #42: the token's "
                                           "user may not be assigned in this repository (push "
                                           "access)"));
    QCOMPARE(assigneesOf(*connector, 42), QStringLiteral(": "));

    fixture.setTokenUser(QStringLiteral("octocat"));
    row = deliverThroughOutbox(*connector, acknowledgeAction(issueItem(99)));
    QCOMPARE(row.lastError,
             QStringLiteral("GitHub has no issue #99 that the token may see (HTTP 404)"));

    fixture.server().setFault(FixtureFault::Unauthorized);
    row = deliverThroughOutbox(*connector, ack);
    QCOMPARE(row.lastError, QStringLiteral("token refused (HTTP 401)"));

    // Answers of another shape: said, never a crash.
    WriteOutcome outcome = connector->parseWriteResult(ack, cannedAnswer("[1, 2]"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("GitHub's /user answer has no \"login\""));
    WriteAction second = ack;
    second.lookups = {QStringLiteral("octocat")};
    outcome = connector->parseWriteResult(second, cannedAnswer(R"({"assignees": [{"id": 1}]})"));
    QVERIFY(!outcome.accepted);
    QVERIFY(!outcome.next);
    outcome = connector->parseWriteResult(second, cannedAnswer("not json"));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error)); // a 2xx without the issue: done
}

QTEST_GUILESS_MAIN(TestGitHub)
#include "tst_github.moc"
