// SPDX-License-Identifier: MIT
// "I'm on it" in incident.io: Acknowledge makes the acting person the incident's lead (the lead
// role looked up first, then the edit: two calls, proven through the real outbox), Release
// empties the role only while that person still holds it; the email comes from "people" (or
// the name when it is one), else the write says which key to add. The lead is Item::owner.
#include "tests/support/IncidentIoFixture.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/OwnershipWrites.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

class TestAckIncidentIo final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void makesTheLead();
    void releaseLeavesAnotherLead();
    void needsTheEmail();
    void unexpectedAnswers();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_IIO_KEY";

const VendorSource
    incidentIo({{"name", "iio"},
                {"type", "incidentio"},
                {"panel", "incidents"},
                {"people", {{"victor", "victor@acme.io"}}},
                {"auth", {{"type", "vendor"}, {"secret", IncidentIoFixture::token}}}},
               tokenEnv);

const QString leadless = QStringLiteral("01HINC102"); // nobody leads it
const QString erins = QStringLiteral("01HINC101");    // Erin Yu leads it

} // namespace

void TestAckIncidentIo::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, IncidentIoFixture::token);
}

void TestAckIncidentIo::makesTheLead() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = incidentIo.connectorAt(fixture.baseUrl());
    QVERIFY(connector->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(connector->supportsWrite(WriteKind::Release));
    OutboxEntry entry = deliverThroughOutbox(
        *connector, ownershipAction(WriteKind::Acknowledge, leadless, "victor"));
    QCOMPARE(entry.state, QStringLiteral("delivered"));

    QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].method, QByteArray("GET"));
    QCOMPARE(seen[0].target, QByteArray("/v2/incident_roles"));
    QCOMPARE(seen[0].header("authorization"), QByteArray("Bearer iio-key"));
    QCOMPARE(seen[1].method, QByteArray("POST"));
    QCOMPARE(seen[1].target, QByteArray("/v2/incidents/01HINC102/actions/edit"));
    QCOMPARE(seen[1].header("authorization"), QByteArray("Bearer iio-key"));
    QCOMPARE(seen[1].header("content-type"), QByteArray("application/json"));
    QCOMPARE(requestJson(seen[1]), json::parse(R"({"incident":{"incident_role_assignments":[
        {"incident_role_id":"01ROLElead","assignee":{"email":"victor@acme.io"}}]},
        "notify_incident_channel":true})"));
    Items items = fetchItems(incidentIo.probeJson(fixture.baseUrl()));
    QCOMPARE(ownerIn(items, leadless), QStringLiteral("Victor Hugo"));
    QCOMPARE(itemWithId(items, leadless)->people, QStringList{QStringLiteral("Victor Hugo")});

    fixture.server().clearRequests();
    entry =
        deliverThroughOutbox(*connector, ownershipAction(WriteKind::Release, leadless, "victor"));
    QCOMPARE(entry.state, QStringLiteral("delivered"));
    seen = fixture.server().requests();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].method, QByteArray("GET"));
    QCOMPARE(seen[0].target, QByteArray("/v2/incidents/01HINC102"));
    QCOMPARE(seen[1].target, QByteArray("/v2/incidents/01HINC102/actions/edit"));
    QCOMPARE(requestJson(seen[1]), json::parse(R"({"incident":{"incident_role_assignments":[
        {"incident_role_id":"01ROLElead"}]},"notify_incident_channel":true})"));
    items = fetchItems(incidentIo.probeJson(fixture.baseUrl()));
    QCOMPARE(ownerIn(items, leadless), QString());
    QCOMPARE(ownerIn(items, erins), QStringLiteral("Erin Yu"));
}

void TestAckIncidentIo::releaseLeavesAnotherLead() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = incidentIo.connectorAt(fixture.baseUrl());
    // Erin Yu leads it: victor's release has nothing to undo.
    WriteOutcome outcome =
        sendSteps(*connector, ownershipAction(WriteKind::Release, erins, "victor"));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(fixture.server().requests().size(), 1);
    QCOMPARE(ownerIn(fetchItems(incidentIo.probeJson(fixture.baseUrl())), erins),
             QStringLiteral("Erin Yu"));

    // An acting name that is an email needs no "people" entry; he takes the lead over.
    const auto bare = incidentIo.connectorAt(fixture.baseUrl(), {{"people", nullptr}});
    outcome = sendSteps(*bare, ownershipAction(WriteKind::Acknowledge, erins, "victor@acme.io"));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QCOMPARE(ownerIn(fetchItems(incidentIo.probeJson(fixture.baseUrl())), erins),
             QStringLiteral("Victor Hugo"));
}

void TestAckIncidentIo::needsTheEmail() {
    IncidentIoFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = incidentIo.connectorAt(fixture.baseUrl());
    for (const WriteKind kind : {WriteKind::Acknowledge, WriteKind::Release}) {
        const WriteOutcome outcome =
            sendSteps(*connector, ownershipAction(kind, leadless, "walter"));
        QVERIFY(!outcome.accepted);
        QCOMPARE(outcome.error,
                 QStringLiteral("incident.io needs the email of \"walter\": add \"people\": "
                                "{\"walter\": \"<email>\"} to the source \"iio\""));
    }
    // An email incident.io does not know: its own words.
    const auto stranger =
        incidentIo.connectorAt(fixture.baseUrl(), {{"people", {{"victor", "vh@other.io"}}}});
    const WriteOutcome outcome =
        sendSteps(*stranger, ownershipAction(WriteKind::Acknowledge, leadless, "victor"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("HTTP 422: No user found for the given assignee (assignee)"));
}

void TestAckIncidentIo::unexpectedAnswers() {
    const auto connector = incidentIo.connectorAt("https://api.incident.io");
    const WriteAction acknowledge = ownershipAction(WriteKind::Acknowledge, leadless, "victor");
    WriteOutcome outcome =
        connector->parseWriteResult(acknowledge, cannedAnswer("<html>login</html>"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("incident.io's answer is not a list of incident roles"));
    outcome = connector->parseWriteResult(
        acknowledge,
        cannedAnswer(R"({"incident_roles":[{"id":"01R","role_type":"custom","name":"Scribe"}]})"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("incident.io lists no incident role of type \"lead\""));

    WriteAction edit = acknowledge;
    edit.lookups = {QStringLiteral("01ROLElead")};
    outcome = connector->parseWriteResult(edit, cannedAnswer(R"({"incident":{"id":"01HINC102",
        "incident_role_assignments":[{"role":{"id":"01ROLElead","role_type":"lead"},
        "assignee":{"name":"Erin Yu","email":"eri@acme.io"}}]}})"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("incident.io did not make victor@acme.io the lead"));
    outcome = connector->parseWriteResult(edit, cannedAnswer("[]"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error, QStringLiteral("incident.io's answer is not an incident"));
}

QTEST_GUILESS_MAIN(TestAckIncidentIo)
#include "tst_ack_incidentio.moc"
