// SPDX-License-Identifier: MIT
// The Jira connector's create-bug write as JiraFixture receives it (Cloud ADF and Data Center
// text), Jira's refusals, and which writes a source supports.
#include "tests/support/JiraFixture.h"
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

QTEST_GUILESS_MAIN(TestJiraWrites)
#include "tst_jira_writes.moc"
