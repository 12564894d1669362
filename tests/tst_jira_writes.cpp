// SPDX-License-Identifier: MIT
// The Jira connector's create-bug write as JiraFixture receives it (Cloud ADF and Data Center
// text), Jira's refusals, and which writes a source supports; "I'm on it" (assign to the token's
// own user, unassign) through the real outbox, and the assignee as the item's owner.
#include "tests/support/Acknowledging.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/JiraFixture.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"

#include <QtTest>

using nlohmann::json;

class TestJiraWrites final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void createBugCloud();
    void createBugDataCenter();
    void createBugRefused();
    void writesNeedAProject();
    void acknowledgeAndReleaseCloud();
    void acknowledgeAndReleaseDataCenter();
    void acknowledgeFailures();
};

namespace {

const QByteArray token(JiraFixture::token);

HttpResult status(int code, const QByteArray &body) {
    HttpResult result;
    result.error = HttpError::HttpStatus;
    result.status = code;
    result.body = body;
    return result;
}

Item issueItem(const char *key) {
    return fixtureItem(ItemKind::Bug, QStringLiteral("bugs"), QString::fromLatin1(key),
                       QStringLiteral("Nightly backup of db-2 fails"), QDateTime());
}

WriteAction acknowledge(const char *key) {
    return acknowledgeAction(issueItem(key));
}

WriteAction release(const char *key) {
    return releaseAction(issueItem(key));
}

// The owner the next read shows for `key`.
QString ownerOf(const Connector &connector, const char *key) {
    return ownerAndPeople(connector, QString::fromLatin1(key)).section(QStringLiteral(": "), 0, 0);
}

json bodyOf(const HttpServerRequest &request) {
    return json::parse(request.body.toStdString(), nullptr, false);
}

} // namespace

void TestJiraWrites::createBugCloud() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    json source = withPatch(
        JiraFixture::offlineSource(),
        {{"url", fixture.baseUrl().toStdString()},
         {"project", "SRE"},
         {"labels", {"from-dutyboard"}},
         {"auth", {{"type", "basic"}, {"user", "me@acme.io"}, {"secret", token.toStdString()}}}});
    const auto connector = makeTestConnector(source);
    WriteAction action = sampleBugAction();
    action.description.replace(QLatin1Char('\n'), QStringLiteral("\r\n")); // CRLF lines too
    QVERIFY(connector->supportsWrite(WriteKind::CreateBug));
    const WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("SRE-312"));
    QCOMPARE(outcome.createdUrl, QString::fromUtf8(fixture.baseUrl() + "/browse/SRE-312"));

    const QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 1);
    const HttpServerRequest &r = requests[0];
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/jira/rest/api/3/issue"));
    QCOMPARE(r.header("authorization"), "Basic " + QByteArray("me@acme.io:" + token).toBase64());
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const json expected = json::parse(R"({"fields":{
        "project":{"key":"SRE"},"issuetype":{"name":"Bug"},
        "summary":"Checkout 500s after deploy",
        "description":{"type":"doc","version":1,"content":[
            {"type":"paragraph","content":[{"type":"text","text":"Seen at 09:40 by the on-call."}]},
            {"type":"paragraph","content":[]},
            {"type":"paragraph","content":[{"type":"text","text":"Rollback pending."}]}]},
        "labels":["needs-triage","bug","from-dutyboard"]}})");
    QCOMPARE(json::parse(r.body.toStdString()), expected);
}

void TestJiraWrites::createBugDataCenter() {
    JiraFixture fixture(JiraFixture::Flavor::DataCenter);
    QVERIFY(fixture.start());
    json source = withPatch(JiraFixture::offlineSource(),
                            {{"url", fixture.baseUrl().toStdString()},
                             {"flavor", "datacenter"},
                             {"project", "OPS"},
                             {"issue_type", "Defect"},
                             {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}});
    const auto connector = makeTestConnector(source);
    WriteAction action = sampleBugAction();
    action.labels.clear();
    action.title = QString(300, QLatin1Char('x'));
    const WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(outcome.createdId, QStringLiteral("SRE-312"));

    const HttpServerRequest r = fixture.server().requests().value(0);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/jira/rest/api/2/issue"));
    QCOMPARE(r.header("authorization"), "Bearer " + token);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const json body = json::parse(r.body.toStdString());
    const json expected = {
        {"fields",
         {{"project", {{"key", "OPS"}}},
          {"issuetype", {{"name", "Defect"}}},
          {"summary", std::string(254, 'x') + "\u2026"},
          {"description", "Seen at 09:40 by the on-call.\n\nRollback pending."}}}};
    QCOMPARE(body, expected);
}

void TestJiraWrites::createBugRefused() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(
        withPatch(JiraFixture::offlineSource(),
                  {{"url", fixture.baseUrl().toStdString()}, {"project", "SRE"}}));
    WriteAction action = sampleBugAction();
    action.title.clear();
    WriteOutcome outcome = sendWrite(*connector, action);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral(
                 "Jira refused it (HTTP 400): summary: You must specify a summary of the issue."));

    fixture.server().setFault(FixtureFault::Unauthorized);
    outcome = sendWrite(*connector, sampleBugAction());
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("token refused (HTTP 401)"));

    fixture.server().setFault(FixtureFault::RateLimited);
    outcome = sendWrite(*connector, sampleBugAction());
    QVERIFY(!outcome.accepted);
    QVERIFY(outcome.retryAt > QDateTime::currentDateTimeUtc().addSecs(100));
}

void TestJiraWrites::writesNeedAProject() {
    const auto without = makeTestConnector(JiraFixture::offlineSource());
    QVERIFY(!without->supportsWrite(WriteKind::CreateBug));
    const auto with =
        makeTestConnector(withPatch(JiraFixture::offlineSource(), {{"project", "SRE"}}));
    QVERIFY(with->supportsWrite(WriteKind::CreateBug));
    QVERIFY(!with->supportsWrite(WriteKind::CreateIncident));
    QVERIFY(!with->supportsWrite(WriteKind::Reply));
    // The parse errors of canned answers are the same words the health bar shows.
    QCOMPARE(with->describeFailure(
                 status(400, R"({"errorMessages":["Field 'x' does not exist."],"errors":{}})")),
             QStringLiteral("Jira refused it (HTTP 400): Field 'x' does not exist."));
    QCOMPARE(with->describeFailure(status(403, "{}")), QStringLiteral("token refused (HTTP 403)"));
}

void TestJiraWrites::acknowledgeAndReleaseCloud() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(withPatch(
        JiraFixture::offlineSource(),
        {{"url", fixture.baseUrl().toStdString()},
         {"auth", {{"type", "basic"}, {"user", "me@acme.io"}, {"secret", token.toStdString()}}}}));
    QVERIFY(connector->supportsWrite(WriteKind::Acknowledge)); // no "project" needed
    QVERIFY(connector->supportsWrite(WriteKind::Release));
    QCOMPARE(ownerOf(*connector, "SRE-301"), QStringLiteral("Ana Lima"));
    QCOMPARE(ownerOf(*connector, "SRE-302"), QString());
    fixture.server().clearRequests();

    OutboxEntry row = deliverThroughOutbox(*connector, acknowledge("SRE-302"));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QCOMPARE(row.attempts, 1);
    QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    const QByteArray basic = "Basic " + QByteArray("me@acme.io:" + token).toBase64();
    QCOMPARE(requests[0].method, QByteArray("GET"));
    QCOMPARE(requests[0].path, QByteArray("/jira/rest/api/3/myself"));
    QCOMPARE(requests[0].header("authorization"), basic);
    QCOMPARE(requests[1].method, QByteArray("PUT"));
    QCOMPARE(requests[1].path, QByteArray("/jira/rest/api/3/issue/SRE-302/assignee"));
    QCOMPARE(requests[1].header("authorization"), basic);
    QCOMPARE(requests[1].header("content-type"), QByteArray("application/json"));
    QCOMPARE(bodyOf(requests[1]), json({{"accountId", JiraFixture::myAccountId}}));
    QCOMPARE(ownerOf(*connector, "SRE-302"), QString::fromLatin1(JiraFixture::myDisplayName));

    fixture.server().clearRequests();
    row = deliverThroughOutbox(*connector, release("SRE-302"));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    requests = fixture.server().requests();
    QCOMPARE(requests.size(), 1); // no lookup: nobody is nobody on every Jira
    QCOMPARE(requests[0].method, QByteArray("PUT"));
    QCOMPARE(requests[0].path, QByteArray("/jira/rest/api/3/issue/SRE-302/assignee"));
    QCOMPARE(bodyOf(requests[0]), json({{"accountId", nullptr}}));
    QCOMPARE(ownerOf(*connector, "SRE-302"), QString());
}

void TestJiraWrites::acknowledgeAndReleaseDataCenter() {
    JiraFixture fixture(JiraFixture::Flavor::DataCenter);
    QVERIFY(fixture.start());
    const auto connector = makeTestConnector(
        withPatch(JiraFixture::offlineSource(),
                  {{"url", fixture.baseUrl().toStdString()},
                   {"flavor", "datacenter"},
                   {"auth", {{"type", "vendor"}, {"secret", token.toStdString()}}}}));
    OutboxEntry row = deliverThroughOutbox(*connector, acknowledge("SRE-306"));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QList<HttpServerRequest> requests = fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].path, QByteArray("/jira/rest/api/2/myself"));
    QCOMPARE(requests[1].method, QByteArray("PUT"));
    QCOMPARE(requests[1].path, QByteArray("/jira/rest/api/2/issue/SRE-306/assignee"));
    QCOMPARE(requests[1].header("authorization"), "Bearer " + token);
    QCOMPARE(bodyOf(requests[1]), json({{"name", JiraFixture::myName}}));
    QCOMPARE(ownerOf(*connector, "SRE-306"), QString::fromLatin1(JiraFixture::myDisplayName));

    fixture.server().clearRequests();
    row = deliverThroughOutbox(*connector, release("SRE-306"));
    QVERIFY2(row.state == QLatin1String("delivered"), qPrintable(row.lastError));
    QCOMPARE(bodyOf(fixture.server().requests().value(0)), json({{"name", nullptr}}));
    QCOMPARE(ownerOf(*connector, "SRE-306"), QString());
}

void TestJiraWrites::acknowledgeFailures() {
    JiraFixture fixture(JiraFixture::Flavor::Cloud);
    QVERIFY(fixture.start());
    const auto connector = makeTestConnectorAt(JiraFixture::offlineSource(), fixture.baseUrl());
    // An issue gone since the last read: Jira's own words, and the row waits for a retry.
    OutboxEntry row = deliverThroughOutbox(*connector, acknowledge("SRE-999"));
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError,
             QStringLiteral("Jira has no issue SRE-999 that the token may see (HTTP 404)"));

    fixture.server().setFault(FixtureFault::Unauthorized);
    row = deliverThroughOutbox(*connector, acknowledge("SRE-302"));
    QCOMPARE(row.state, QStringLiteral("pending"));
    QCOMPARE(row.lastError, QStringLiteral("token refused (HTTP 401)"));
    QCOMPARE(fixture.server().requests().constLast().path, QByteArray("/jira/rest/api/3/myself"));

    // /myself answering something else than a user: said, never a crash.
    const WriteAction first = acknowledge("SRE-302");
    for (const QByteArray &body :
         {QByteArray("<html>SSO</html>"), QByteArray("[]"), QByteArray(R"({"accountId": 42.5})")}) {
        const WriteOutcome outcome = connector->parseWriteResult(first, cannedAnswer(body));
        QVERIFY(!outcome.accepted);
        QVERIFY(!outcome.next);
        QCOMPARE(outcome.error, QStringLiteral("Jira's answer to /rest/api/3/myself has no "
                                               "\"accountId\""));
    }
    const WriteOutcome found =
        connector->parseWriteResult(first, cannedAnswer(R"({"accountId": "abc"})"));
    QVERIFY(found.accepted);
    QVERIFY(found.next);
    QCOMPARE(found.next->lookups, QStringList{QStringLiteral("abc")});
    QCOMPARE(found.next->itemId, QStringLiteral("SRE-302"));
}

QTEST_GUILESS_MAIN(TestJiraWrites)
#include "tst_jira_writes.moc"
