// SPDX-License-Identifier: MIT
// "I'm on it" in PagerDuty: Acknowledge is PUT /incidents/{id} as the "from" user, sent through
// the real outbox and seen on the next read (the acknowledger is Item::owner, the latest when
// several); PagerDuty has no un-acknowledge, so no Release; its refusals said for a person.
#include "tests/support/OutboxDelivery.h"
#include "tests/support/OwnershipWrites.h"
#include "tests/support/PagerDutyFixture.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"
#include "tests/support/VendorSource.h"

#include <QtTest>

using nlohmann::json;

class TestAckPagerDuty final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void acknowledges();
    void cannotRelease();
    void ownerIsTheLatestAcknowledger();
};

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_PD_TOKEN";

const VendorSource pagerDuty({{"name", "pd"},
                              {"type", "pagerduty"},
                              {"panel", "incidents"},
                              {"auth", {{"type", "vendor"}, {"secret", PagerDutyFixture::token}}}},
                             tokenEnv);

} // namespace

void TestAckPagerDuty::initTestCase() {
    prepareTestEnvironment();
    qputenv(tokenEnv, PagerDutyFixture::token);
}

void TestAckPagerDuty::acknowledges() {
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = pagerDuty.connectorAt(fixture.baseUrl(), {{"from", "oncall@acme.io"}});
    QVERIFY(connector->supportsWrite(WriteKind::Acknowledge));
    const OutboxEntry entry = deliverThroughOutbox(
        *connector, ownershipAction(WriteKind::Acknowledge, QStringLiteral("Q1AAAA"), "victor"));
    QCOMPARE(entry.state, QStringLiteral("delivered"));

    const QList<HttpServerRequest> seen = fixture.server().requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("PUT"));
    QCOMPARE(seen[0].target, QByteArray("/incidents/Q1AAAA"));
    QCOMPARE(seen[0].header("authorization"), QByteArray("Token token=pd-token"));
    QCOMPARE(seen[0].header("accept"), QByteArray("application/vnd.pagerduty+json;version=2"));
    QCOMPARE(seen[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(seen[0].header("from"), QByteArray("oncall@acme.io"));
    QCOMPARE(requestJson(seen[0]),
             json::parse(R"({"incident":{"type":"incident_reference","status":"acknowledged"}})"));

    // PagerDuty says the From user acknowledged it: that is who the source names.
    const Items items = fetchItems(pagerDuty.probeJson(fixture.baseUrl()));
    const Item *acked = itemWithId(items, QStringLiteral("Q1AAAA"));
    QVERIFY(acked);
    QCOMPARE(acked->state, QStringLiteral("acknowledged"));
    QCOMPARE(acked->owner, QStringLiteral("Oncall Desk"));
    QCOMPARE(ownerIn(items, QStringLiteral("Q2BBBB")), QStringLiteral("Carol Diaz"));
    QCOMPARE(ownerIn(items, QStringLiteral("Q3CCCC")), QString());
}

void TestAckPagerDuty::cannotRelease() {
    PagerDutyFixture fixture;
    QVERIFY(fixture.start());
    const auto connector = pagerDuty.connectorAt(fixture.baseUrl(), {{"from", "oncall@acme.io"}});
    QVERIFY(!connector->supportsWrite(WriteKind::Release));
    // The From header is what PagerDuty requires of an API key's writes.
    QVERIFY(!pagerDuty.connectorAt(fixture.baseUrl())->supportsWrite(WriteKind::Acknowledge));

    const WriteAction resolved =
        ownershipAction(WriteKind::Acknowledge, QStringLiteral("Q4DDDD"), "victor");
    WriteOutcome outcome = sendWrite(*connector, resolved);
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("HTTP 400: Invalid Input Provided: Incident Already Resolved"));
    outcome = sendWrite(*connector,
                        ownershipAction(WriteKind::Acknowledge, QStringLiteral("QNONE"), "victor"));
    QCOMPARE(outcome.error,
             QStringLiteral("not found (HTTP 404): check the URL: Incident Not Found"));
    const auto stranger = pagerDuty.connectorAt(fixture.baseUrl(), {{"from", "who@acme.io"}});
    outcome = sendWrite(
        *stranger, ownershipAction(WriteKind::Acknowledge, QStringLiteral("Q1AAAA"), "victor"));
    QCOMPARE(outcome.error,
             QStringLiteral("HTTP 400: Invalid Input Provided: Requester User Not Found"));

    // A 200 that does not show it acknowledged is no acknowledgement.
    outcome = connector->parseWriteResult(
        resolved, cannedAnswer(R"({"incident":{"id":"Q4DDDD","status":"resolved"}})"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("PagerDuty left the incident resolved, not acknowledged"));
    outcome = connector->parseWriteResult(resolved, cannedAnswer("<html>SSO</html>"));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.error,
             QStringLiteral("PagerDuty's answer does not say the incident's status"));
}

void TestAckPagerDuty::ownerIsTheLatestAcknowledger() {
    const auto connector = pagerDuty.connectorAt("https://api.pagerduty.com");
    const ParsedPage page =
        parseTestData(*connector, QStringLiteral("pagerduty/incidents_page.json"));
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    // Listed first, acknowledged last.
    QCOMPARE(ownerIn(page.items, QStringLiteral("PT4KHLM")), QStringLiteral("Dan Ortiz"));
    QCOMPARE(ownerIn(page.items, QStringLiteral("PT4KHLK")), QString()); // triggered
}

QTEST_GUILESS_MAIN(TestAckPagerDuty)
#include "tst_ack_pagerduty.moc"
