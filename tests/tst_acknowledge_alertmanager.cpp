// SPDX-License-Identifier: MIT
// "I'm on it" on the real Prometheus Alertmanager: acknowledging an alert makes a silence of
// exactly its labels, resolving the alert expires it within one refresh, releasing expires it,
// the silence is renewed before its window ends, and a silence made by an attempt that died
// before marking it is found again rather than made twice. Two screens acknowledging at once:
// the store lets one. On SQLite, and on PostgreSQL in the _postgres copy.
#include "core/board/Board.h"
#include "core/config/LeanConfig.h"
#include "core/http/HttpClient.h"
#include "core/lean/LeanActions.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"
#include "core/ownership/OwnershipKeeper.h"
#include "core/sources/Poller.h"
#include "core/sources/connectors/AlertmanagerConnector.h"
#include "core/store/Store.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using nlohmann::json;

namespace {

// One dutyboard on the lean state file: its board reads the Alertmanager, its controller acts
// as `person`, its time is `clock`.
struct Desk {
    Desk(const AlertmanagerProcess &am, const QString &statePath, const QString &person,
         const ManualClock &clock)
        : board(clock)
        , connector(am.sourceConfig())
        , store(testStateLocation(statePath))
        , onDuty(person, clock) {
        connector.setClock(clock);
        QString notice;
        if (!store.open(&notice))
            qFatal("state: %s", qPrintable(notice));
        const ConnectorLookup lookup = [this](const QString &name) -> const Connector * {
            return name == connector.config().name ? &connector : nullptr;
        };
        poller = std::make_unique<Poller>(&board, &http);
        poller->addSource(connector);
        state = std::make_unique<LeanState>(&store, &http, lookup, clock, config);
        state->start();
        controller = std::make_unique<LeanController>(&board, state.get(), lookup, config, &onDuty);
    }
    ~Desk() {
        controller.reset();
        state.reset();
    }

    // One fetch of the Alertmanager, applied to the board.
    void refresh() {
        QSignalSpy refreshed(&board, &Board::sourceRefreshed);
        poller->fetchAllOnce();
        if (!refreshed.wait(10000))
            qFatal("the Alertmanager did not answer");
    }
    const Item *alert(const QString &alertname) const {
        const QString label = QStringLiteral("alertname=\"%1\"").arg(alertname);
        for (const Item &item : board.panel(ItemKind::Incident)->items()) {
            if (item.labels.contains(label))
                return &item;
        }
        return nullptr;
    }
    const Ownership *ownership(const Item &item) const {
        return state->ownerships()->find(item.source, item.id);
    }
    // Refreshes until the alert shows; nullptr after 10 s.
    const Item *waitFor(const QString &alertname) {
        return QTest::qWaitFor([&]() { return refresh(), alert(alertname) != nullptr; }, 10000)
                   ? alert(alertname)
                   : nullptr;
    }
    // Acknowledges the alert and waits until Alertmanager took it: its silence's id, or empty.
    QString acknowledged(const Item &item) {
        controller->acknowledge(item);
        const bool accepted = QTest::qWaitFor(
            [&]() { return ownership(item) && ownership(item)->acknowledged.isValid(); }, 10000);
        return accepted ? ownership(item)->reference : QString();
    }
    bool settled() const {
        return state->outbox()->isSettled() && state->outbox()->pendingCount() == 0;
    }

    Board board;
    HttpClient http;
    AlertmanagerConnector connector;
    Store store;
    LeanConfig config;
    OnDuty onDuty;
    std::unique_ptr<Poller> poller;
    std::unique_ptr<LeanState> state;
    std::unique_ptr<LeanController> controller;
};

QString iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

class TestAcknowledgeAlertmanager final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_am.reset(); }
    void acknowledgeSilencesExactlyTheLabels();
    void resolvedAlertExpiresTheSilence();
    void releaseExpiresTheSilence();
    void renewedBeforeTheWindowEnds();
    void silenceOfADeadAttemptIsFoundAgain();
    void twoScreensAcknowledgeAtOnce();
    void anotherScreenReleasesASilenceNotMarkedYet();
    void anAndonIsOwnedOnTheBoardOnly();

private:
    // Fires (or, with `resolved`, resolves) the alert `alertname` on db-<n>.
    void post(const QString &alertname, bool resolved = false);
    // GET /api/v2/silences.
    json silences();
    json silenceById(const QString &id);
    // The silences commented as an acknowledgement of `alertname`'s alert (any state).
    std::vector<json> acknowledgementsOf(const QString &alertname);

    std::unique_ptr<AlertmanagerProcess> m_am;
    QTemporaryDir m_dir;
    int m_states = 0;
    QString newStatePath() { return m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_states)); }
};

void TestAcknowledgeAlertmanager::initTestCase() {
    prepareTestEnvironment();
    m_am = std::make_unique<AlertmanagerProcess>();
    QVERIFY2(m_am->start(), qPrintable(m_am->errorString()));
}

void TestAcknowledgeAlertmanager::post(const QString &alertname, bool resolved) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    json alert = {
        {"labels",
         {{"alertname", alertname.toStdString()},
          {"severity", "critical"},
          {"instance", "db-2:9100"},
          {"team", "sre \"core\""}}}, // a quote: matchers must escape it
        {"annotations", {{"summary", (QStringLiteral("Trouble: ") + alertname).toStdString()}}},
        {"startsAt", iso(now.addSecs(-600)).toStdString()}};
    if (resolved)
        alert["endsAt"] = iso(now.addSecs(-1)).toStdString();
    QVERIFY(m_am->postAlerts(QByteArray::fromStdString(json::array({alert}).dump())));
}

json TestAcknowledgeAlertmanager::silences() {
    HttpRequest request;
    request.url = m_am->baseUrl() + "/api/v2/silences";
    const HttpResult result = m_am->send(request);
    return json::parse(result.body.toStdString(), nullptr, false);
}

json TestAcknowledgeAlertmanager::silenceById(const QString &id) {
    for (const json &s : silences()) {
        if (s.value("id", std::string()) == id.toStdString())
            return s;
    }
    return json();
}

std::vector<json> TestAcknowledgeAlertmanager::acknowledgementsOf(const QString &alertname) {
    std::vector<json> found;
    for (const json &s : silences()) {
        for (const json &m : s["matchers"]) {
            if (m.value("name", std::string()) == "alertname" &&
                m.value("value", std::string()) == alertname.toStdString() &&
                s.value("comment", std::string()).find("via dutyboard") != std::string::npos)
                found.push_back(s);
        }
    }
    return found;
}

void TestAcknowledgeAlertmanager::acknowledgeSilencesExactlyTheLabels() {
    post(QStringLiteral("AckExact"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Desk desk(*m_am, newStatePath(), QStringLiteral("victor"), clock);
    QTRY_VERIFY_WITH_TIMEOUT((desk.refresh(), desk.alert(QStringLiteral("AckExact"))), 10000);
    const Item alert = *desk.alert(QStringLiteral("AckExact"));

    QVERIFY(!desk.controller->acknowledge(alert).isEmpty());
    QCOMPARE(desk.ownership(alert)->owner, QStringLiteral("victor")); // shown at once
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 10000);

    const std::vector<json> made = acknowledgementsOf(QStringLiteral("AckExact"));
    QCOMPARE(made.size(), std::size_t(1));
    const json &silence = made[0];
    QCOMPARE(silence["status"]["state"].get<std::string>(), std::string("active"));
    QCOMPARE(silence["comment"].get<std::string>(),
             std::string("acknowledged by victor via dutyboard"));
    QCOMPARE(silence["createdBy"].get<std::string>(), std::string("victor"));
    std::map<std::string, std::string> matchers;
    for (const json &m : silence["matchers"]) {
        QVERIFY(m["isEqual"].get<bool>());
        QVERIFY(!m["isRegex"].get<bool>());
        matchers[m["name"].get<std::string>()] = m["value"].get<std::string>();
    }
    const std::map<std::string, std::string> labels = {{"alertname", "AckExact"},
                                                       {"severity", "critical"},
                                                       {"instance", "db-2:9100"},
                                                       {"team", "sre \"core\""}};
    QCOMPARE(matchers, labels);
    const QDateTime endsAt = QDateTime::fromString(
        QString::fromStdString(silence["endsAt"].get<std::string>()), Qt::ISODateWithMs);
    QVERIFY2(qAbs(clock.now().addSecs(4 * 3600).secsTo(endsAt)) < 60,
             qPrintable(endsAt.toString(Qt::ISODate)));

    const Ownership *owned = desk.ownership(alert);
    QTRY_VERIFY(desk.ownership(alert)->acknowledged.isValid());
    owned = desk.ownership(alert);
    QCOMPARE(owned->reference, QString::fromStdString(silence["id"].get<std::string>()));
    QVERIFY(owned->referenceUrl.endsWith(QStringLiteral("/#/silences/") + owned->reference));

    // The alert stays on the board, silenced, and owned.
    QTRY_VERIFY_WITH_TIMEOUT((desk.refresh(), desk.alert(QStringLiteral("AckExact"))->state ==
                                                  QLatin1String("silenced")),
                             10000);
    QVERIFY(desk.ownership(alert));
}

void TestAcknowledgeAlertmanager::resolvedAlertExpiresTheSilence() {
    post(QStringLiteral("AckResolved"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Desk desk(*m_am, newStatePath(), QStringLiteral("victor"), clock);
    QVERIFY(desk.waitFor(QStringLiteral("AckResolved")));
    const Item alert = *desk.alert(QStringLiteral("AckResolved"));
    const QString silenceId = desk.acknowledged(alert);
    QVERIFY(!silenceId.isEmpty());
    QCOMPARE(silenceById(silenceId)["status"]["state"].get<std::string>(), std::string("active"));

    post(QStringLiteral("AckResolved"), true);
    // One refresh that no longer lists the alert: the ownership ends and the silence goes.
    desk.refresh();
    QVERIFY(!desk.alert(QStringLiteral("AckResolved")));
    QVERIFY(!desk.ownership(alert));
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 10000);
    QCOMPARE(silenceById(silenceId)["status"]["state"].get<std::string>(), std::string("expired"));
    QCOMPARE(desk.store.runBlocking([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM ownerships")) && q.next()
                   ? q.value(0).toInt()
                   : -1;
    }),
             0);
}

void TestAcknowledgeAlertmanager::releaseExpiresTheSilence() {
    post(QStringLiteral("AckReleased"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Desk desk(*m_am, newStatePath(), QStringLiteral("victor"), clock);
    QVERIFY(desk.waitFor(QStringLiteral("AckReleased")));
    const Item alert = *desk.alert(QStringLiteral("AckReleased"));
    const QString silenceId = desk.acknowledged(alert);
    QVERIFY(!silenceId.isEmpty());

    QVERIFY(desk.controller->canRelease(alert));
    QVERIFY(!desk.controller->release(alert).isEmpty());
    QVERIFY(!desk.ownership(alert));
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 10000);
    QCOMPARE(silenceById(silenceId)["status"]["state"].get<std::string>(), std::string("expired"));
    // The alert fires on, no longer silenced, owned by nobody.
    QTRY_VERIFY_WITH_TIMEOUT((desk.refresh(), desk.alert(QStringLiteral("AckReleased"))->state ==
                                                  QLatin1String("active")),
                             10000);
    QVERIFY(!desk.ownership(alert));
}

void TestAcknowledgeAlertmanager::renewedBeforeTheWindowEnds() {
    post(QStringLiteral("AckRenewed"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Desk desk(*m_am, newStatePath(), QStringLiteral("victor"), clock);
    QVERIFY(desk.waitFor(QStringLiteral("AckRenewed")));
    const Item alert = *desk.alert(QStringLiteral("AckRenewed"));
    const QString silenceId = desk.acknowledged(alert);
    QVERIFY(!silenceId.isEmpty());
    const QDateTime firstEnd = desk.ownership(alert)->endsAt;

    // More than an hour left: nothing to do.
    clock.advanceSecs(2 * 3600);
    desk.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 10000);
    QCOMPARE(desk.ownership(alert)->endsAt, firstEnd);

    // Less than an hour left while the alert fires: four more hours, on the same silence.
    clock.advanceSecs(3600 + 600);
    desk.refresh();
    QCOMPARE(desk.ownership(alert)->endsAt, clock.now().addSecs(4 * 3600));
    QTRY_VERIFY_WITH_TIMEOUT(desk.settled(), 10000);
    const json silence = silenceById(silenceId);
    QCOMPARE(silence["status"]["state"].get<std::string>(), std::string("active"));
    const QDateTime endsAt = QDateTime::fromString(
        QString::fromStdString(silence["endsAt"].get<std::string>()), Qt::ISODateWithMs);
    QVERIFY2(qAbs(clock.now().addSecs(4 * 3600).secsTo(endsAt)) < 60,
             qPrintable(endsAt.toString(Qt::ISODate)));
    QCOMPARE(acknowledgementsOf(QStringLiteral("AckRenewed")).size(), std::size_t(1));
    QCOMPARE(desk.ownership(alert)->reference, silenceId);
}

void TestAcknowledgeAlertmanager::silenceOfADeadAttemptIsFoundAgain() {
    post(QStringLiteral("AckCrashed"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Desk desk(*m_am, newStatePath(), QStringLiteral("victor"), clock);
    QTRY_VERIFY_WITH_TIMEOUT((desk.refresh(), desk.alert(QStringLiteral("AckCrashed"))), 10000);
    const Item alert = *desk.alert(QStringLiteral("AckCrashed"));
    // What a process killed after Alertmanager took its silence leaves: the silence there, the
    // row still pending. The silence is the one the same write makes.
    WriteAction earlier = LeanActions::acknowledge(alert, QStringLiteral("victor"), clock.now(),
                                                   clock.now().addSecs(4 * 3600));
    earlier.lookups = {QStringLiteral("-")};
    const HttpResult made = m_am->send(desk.connector.writeRequest(earlier));
    QCOMPARE(made.status, 200);
    QCOMPARE(acknowledgementsOf(QStringLiteral("AckCrashed")).size(), std::size_t(1));
    const QString deadId = QString::fromStdString(
        json::parse(made.body.toStdString())["silenceID"].get<std::string>());

    desk.controller->acknowledge(alert);
    QTRY_VERIFY_WITH_TIMEOUT(desk.ownership(alert) && desk.ownership(alert)->acknowledged.isValid(),
                             10000);
    QCOMPARE(acknowledgementsOf(QStringLiteral("AckCrashed")).size(), std::size_t(1));
    QCOMPARE(desk.ownership(alert)->reference, deadId);
}

void TestAcknowledgeAlertmanager::twoScreensAcknowledgeAtOnce() {
    post(QStringLiteral("AckRace"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    const QString state = newStatePath();
    Desk victor(*m_am, state, QStringLiteral("victor"), clock);
    Desk chloe(*m_am, state, QStringLiteral("chloe"), clock);
    for (Desk *desk : {&victor, &chloe})
        QTRY_VERIFY_WITH_TIMEOUT((desk->refresh(), desk->alert(QStringLiteral("AckRace"))), 10000);
    const Item alert = *victor.alert(QStringLiteral("AckRace"));
    QSignalSpy victorRefused(victor.state->outbox(), &Outbox::refused);
    QSignalSpy chloeRefused(chloe.state->outbox(), &Outbox::refused);
    // Both screens saw nobody owning it: both ask in the same turn of the event loop.
    victor.controller->acknowledge(alert);
    chloe.controller->acknowledge(alert);
    QTRY_VERIFY_WITH_TIMEOUT(victorRefused.count() + chloeRefused.count() == 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(victor.settled() && chloe.settled(), 10000);
    const QString winner =
        victorRefused.isEmpty() ? QStringLiteral("victor") : QStringLiteral("chloe");
    const QString reason =
        (victorRefused.isEmpty() ? chloeRefused : victorRefused)[0][1].toString();
    QVERIFY2(reason.startsWith(winner + QStringLiteral(" took it")), qPrintable(reason));
    // The loser reads the winner's ownership; one silence in Alertmanager.
    QTRY_COMPARE(victor.ownership(alert)->owner, winner);
    QTRY_COMPARE(chloe.ownership(alert)->owner, winner);
    QCOMPARE(acknowledgementsOf(QStringLiteral("AckRace")).size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(
                 acknowledgementsOf(QStringLiteral("AckRace"))[0]["createdBy"].get<std::string>()),
             winner);
}

// Chloe releases victor's acknowledgement whose silence was made but not marked (a kill in
// between): found by victor's comment and expired.
void TestAcknowledgeAlertmanager::anotherScreenReleasesASilenceNotMarkedYet() {
    post(QStringLiteral("AckHandedOver"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    const QString state = newStatePath();
    Desk victor(*m_am, state, QStringLiteral("victor"), clock);
    QVERIFY(victor.waitFor(QStringLiteral("AckHandedOver")));
    const Item alert = *victor.alert(QStringLiteral("AckHandedOver"));
    const QString silenceId = victor.acknowledged(alert);
    QVERIFY(!silenceId.isEmpty());
    QVERIFY(victor.store.runBlocking([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("UPDATE ownerships SET reference = NULL"));
    }));

    Desk chloe(*m_am, state, QStringLiteral("chloe"), clock);
    QVERIFY(chloe.waitFor(QStringLiteral("AckHandedOver")));
    QTRY_VERIFY(chloe.ownership(alert) && chloe.ownership(alert)->owner == QLatin1String("victor"));
    QVERIFY(chloe.ownership(alert)->reference.isEmpty());
    QVERIFY(!chloe.controller->release(alert).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(chloe.settled(), 10000);
    QCOMPARE(silenceById(silenceId)["status"]["state"].get<std::string>(), std::string("expired"));
}

// An andon is the team's decision: owned in the lean state, which every screen reads, and never
// silenced.
void TestAcknowledgeAlertmanager::anAndonIsOwnedOnTheBoardOnly() {
    const json andon = {
        {"labels", {{"alertname", "Andon"}, {"andon", "true"}, {"project", "sftp"}}},
        {"annotations", {{"reason", "no backups decided"}}}};
    QVERIFY(m_am->postAlerts(QByteArray::fromStdString(json::array({andon}).dump())));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    const QString state = newStatePath();
    Desk victor(*m_am, state, QStringLiteral("victor"), clock);
    const auto andonOf = [](const Desk &desk) -> const Item * {
        const auto &andons = desk.board.panel(ItemKind::Andon)->items();
        return andons.empty() ? nullptr : &andons.front();
    };
    QTRY_VERIFY_WITH_TIMEOUT((victor.refresh(), andonOf(victor)), 10000);
    const Item halt = *andonOf(victor);
    const std::size_t silencesBefore = silences().size();
    QVERIFY(!victor.controller->acknowledge(halt).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(victor.settled(), 10000);

    Desk chloe(*m_am, state, QStringLiteral("chloe"), clock); // reads what the store kept
    QTRY_VERIFY(chloe.ownership(halt));
    QCOMPARE(chloe.ownership(halt)->owner, QStringLiteral("victor"));
    QVERIFY(chloe.ownership(halt)->target.isEmpty());
    QVERIFY(!chloe.ownership(halt)->acknowledged.isValid());
    QCOMPARE(silences().size(), silencesBefore);
}

QTEST_GUILESS_MAIN(TestAcknowledgeAlertmanager)
#include "tst_acknowledge_alertmanager.moc"
