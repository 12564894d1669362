// SPDX-License-Identifier: MIT
// "I'm on it" in Opsgenie: with "kind":"alerts", Acknowledge and Release are POST
// /v2/alerts/{id}/acknowledge and /unacknowledge (202 and a request id), the first through the
// real outbox, and the alert's owner is Item::owner while it is acknowledged; the Incident API
// has neither, so incidents are owned in dutyboard only.
#include "tests/support/OpsgenieFixture.h"
#include "tests/support/OutboxDelivery.h"
#include "tests/support/OwnershipWrites.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

class TestAckOpsgenie final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void acknowledgesAndReleasesAlerts();
    void incidentsStayInDutyboard();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_OG_KEY";

const VendorSource opsgenie({{"name", "og"},
                             {"type", "opsgenie"},
                             {"panel", "incidents"},
                             {"kind", "alerts"},
                             {"auth", {{"type", "vendor"}, {"secret", OpsgenieFixture::token}}}},
                            tokenEnv);

const QString ackedAlert = QStringLiteral("8418d193-2dab-4490-b331-8c02cdd196b7");
const QString openAlert = QStringLiteral("8418d193-2dab-4490-b331-8c02cdd196b8");

} // namespace

void TestAckOpsgenie::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, OpsgenieFixture::token);
}

void TestAckOpsgenie::acknowledgesAndReleasesAlerts() {
    OpsgenieFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = opsgenie.connectorAt(fixture.baseUrl());
    QVERIFY(connector->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(connector->supportsWrite(WriteKind::Release));
    const OutboxEntry entry = deliverThroughOutbox(
        *connector, ownershipAction(WriteKind::Acknowledge, openAlert, "victor"));
    QCOMPARE(entry.state, QStringLiteral("delivered"));
    QCOMPARE(entry.createdId, QStringLiteral("req-1")); // Opsgenie's request id

    QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("POST"));
    QCOMPARE(seen[0].target, "/v2/alerts/" + openAlert.toUtf8() + "/acknowledge?identifierType=id");
    QCOMPARE(seen[0].header("authorization"), QByteArray("GenieKey og-key"));
    QCOMPARE(seen[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(requestJson(seen[0]), json::parse(R"({"user":"victor","source":"dutyboard",
                                                   "note":"acknowledged via dutyboard"})"));
    Items items = fetchItems(opsgenie.probeJson(fixture.baseUrl()));
    QCOMPARE(ownerIn(items, openAlert), QStringLiteral("victor"));
    QCOMPARE(ownerIn(items, ackedAlert), QStringLiteral("alice@acme.io"));

    fixture.server().clearRequests();
    const WriteOutcome outcome =
        sendWrite(*connector, ownershipAction(WriteKind::Release, openAlert, "victor"));
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].target,
             "/v2/alerts/" + openAlert.toUtf8() + "/unacknowledge?identifierType=id");
    QCOMPARE(requestJson(seen[0]), json::parse(R"({"user":"victor","source":"dutyboard",
                                                   "note":"released via dutyboard"})"));
    items = fetchItems(opsgenie.probeJson(fixture.baseUrl()));
    QCOMPARE(ownerIn(items, openAlert), QString()); // no longer acknowledged

    fixture.server().setFault(FixtureFault::Unauthorized);
    const WriteOutcome refused =
        sendWrite(*connector, ownershipAction(WriteKind::Acknowledge, openAlert, "victor"));
    QVERIFY(!refused.accepted);
    QCOMPARE(refused.error, QStringLiteral("token refused (HTTP 401): Could not authenticate"));
}

void TestAckOpsgenie::incidentsStayInDutyboard() {
    const auto incidents =
        opsgenie.connectorAt("https://api.opsgenie.com", {{"kind", "incidents"}});
    QVERIFY(!incidents->supportsWrite(WriteKind::Acknowledge));
    QVERIFY(!incidents->supportsWrite(WriteKind::Release));
    QVERIFY(incidents->supportsWrite(WriteKind::CreateIncident));
    ParsedPage page = parseTestData(*incidents, QStringLiteral("opsgenie/incidents_page.json"));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    for (const Item &item : page.items)
        QCOMPARE(item.owner, QString());

    const auto alerts = opsgenie.connectorAt("https://api.opsgenie.com");
    page = parseTestData(*alerts, QStringLiteral("opsgenie/alerts_page.json"));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(ownerIn(page.items, ackedAlert), QStringLiteral("alice@acme.io"));
    QCOMPARE(ownerIn(page.items, openAlert), QString());
    // Acknowledged without an owner said: who the report says acknowledged it.
    page = alerts->parsePage(cannedAnswer(R"({"data":[{"id":"a1","message":"m","status":"open",
        "acknowledged":true,"report":{"acknowledgedBy":"bob@acme.io"}}]})"));
    QCOMPARE(ownerIn(page.items, QStringLiteral("a1")), QStringLiteral("bob@acme.io"));
}

QTEST_GUILESS_MAIN(TestAckOpsgenie)
#include "tst_ack_opsgenie.moc"
