// SPDX-License-Identifier: MIT
// The Alertmanager connector's writes against the real Prometheus Alertmanager: an andon raised
// through writeRequest and HttpClient comes back through the read path, a resolve clears it, a
// re-post stays one alert, a declared incident and a silence do what they say.
#include "core/sources/connectors/AlertmanagerConnector.h"
#include "tests/support/AlertmanagerProcess.h"
#include "tests/support/TestEnvironment.h"

#include <QtTest>

#include <functional>
#include <memory>

using nlohmann::json;

class TestAlertmanagerWrites final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_am.reset(); }
    void bodies();
    void matchers_data();
    void matchers();
    void raiseThenResolve();
    void repostIsTheSameAlert();
    void declareIncident();
    void silenceAnAlert();
    void refusalSaysWhy();

private:
    WriteOutcome write(const WriteAction &action);
    // Reads until `done` holds for the items (Alertmanager applies posts a moment later).
    Items readUntil(const std::function<bool(const Items &)> &done);

    std::unique_ptr<AlertmanagerProcess> m_am;
    std::unique_ptr<AlertmanagerConnector> m_connector;
};

namespace {

std::vector<const Item *> andonsOf(const Items &items, const QString &project) {
    std::vector<const Item *> found;
    for (const Item &item : items) {
        if (item.kind == ItemKind::Andon && item.project == project)
            found.push_back(&item);
    }
    return found;
}

WriteAction raise(const QString &project) {
    WriteAction a;
    a.kind = WriteKind::RaiseAndon;
    a.project = project;
    a.reason = QStringLiteral("no backups defined");
    a.raisedBy = QStringLiteral("alice");
    a.startsAt = QDateTime::fromMSecsSinceEpoch(
        QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 60000, Qt::UTC);
    return a;
}

WriteAction declaration(const QString &key, const QString &severity) {
    WriteAction a;
    a.kind = WriteKind::CreateIncident;
    a.idempotencyKey = key;
    a.title = QStringLiteral("Checkout down");
    a.description = QStringLiteral("5xx on /pay");
    a.severity = severity;
    return a;
}

} // namespace

void TestAlertmanagerWrites::initTestCase() {
    prepareTestEnvironment();
    m_am = std::make_unique<AlertmanagerProcess>();
    QVERIFY2(m_am->start(), qPrintable(m_am->errorString()));
    m_connector = std::make_unique<AlertmanagerConnector>(m_am->sourceConfig());
}

WriteOutcome TestAlertmanagerWrites::write(const WriteAction &action) {
    if (!m_connector->supportsWrite(action.kind)) {
        WriteOutcome no;
        no.error = QStringLiteral("not supported");
        return no;
    }
    return m_connector->parseWriteResult(action, m_am->send(m_connector->writeRequest(action)));
}

Items TestAlertmanagerWrites::readUntil(const std::function<bool(const Items &)> &done) {
    const QDeadlineTimer deadline(10000);
    Items items;
    do {
        const HttpResult result = m_am->send(m_connector->firstRequest());
        const ParsedPage page = m_connector->parsePage(result);
        if (!result.ok() || !page.error.isEmpty())
            qWarning("read failed: %s %s", qPrintable(result.errorText), qPrintable(page.error));
        items = page.items;
        if (done(items))
            break;
        QTest::qWait(100);
    } while (!deadline.hasExpired());
    return items;
}

void TestAlertmanagerWrites::bodies() {
    const QDateTime now =
        QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00.000Z"), Qt::ISODateWithMs);
    WriteAction a = raise(QStringLiteral("sftp"));
    a.startsAt = now.addSecs(-60);
    QCOMPARE(
        AlertmanagerConnector::writeBody(a, now),
        json::parse(
            R"([{"labels":{"alertname":"Andon","andon":"true","project":"sftp","severity":"andon"},
               "annotations":{"reason":"no backups defined","raised_by":"alice"},
               "startsAt":"2026-11-30T09:59:00.000Z","endsAt":"2026-12-30T10:00:00.000Z"}])"));
    WriteAction unset = a;
    unset.startsAt = QDateTime(); // Alertmanager would start it at endsAt, a month ahead
    QCOMPARE(AlertmanagerConnector::writeBody(unset, now)[0]["startsAt"],
             json("2026-11-30T10:00:00.000Z"));

    a.kind = WriteKind::ResolveAndon;
    a.reason.clear();
    a.decision = QStringLiteral("abandon");
    a.note = QStringLiteral("too costly");
    a.raisedBy = QStringLiteral("bob");
    QCOMPARE(
        AlertmanagerConnector::writeBody(a, now),
        json::parse(
            R"([{"labels":{"alertname":"Andon","andon":"true","project":"sftp","severity":"andon"},
               "annotations":{"decision":"abandon","note":"too costly","resolved_by":"bob"},
               "startsAt":"2026-11-30T09:59:00.000Z","endsAt":"2026-11-30T10:00:00.000Z"}])"));

    WriteAction incident = declaration(QStringLiteral("k-123"), QStringLiteral("SEV-1"));
    incident.customerImpact = QStringLiteral("no payments");
    const char *const words[] = {"critical", "high", "warning", "info"};
    for (int sev = 1; sev <= 4; ++sev) {
        incident.severity = QStringLiteral("SEV-%1").arg(sev);
        const json body = AlertmanagerConnector::writeBody(incident, now);
        QCOMPARE(body[0]["labels"], json({{"alertname", "DeclaredIncident"},
                                          {"severity", words[sev - 1]},
                                          {"incident", "k-123"}}));
        QCOMPARE(body[0]["annotations"], json({{"summary", "Checkout down"},
                                               {"description", "5xx on /pay"},
                                               {"customer_impact", "no payments"}}));
        QCOMPARE(body[0]["startsAt"], json("2026-11-30T10:00:00.000Z"));
        QCOMPARE(body[0]["endsAt"], json("2026-12-30T10:00:00.000Z"));
    }

    const HttpRequest request = m_connector->writeRequest(incident);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url, m_am->baseUrl() + "/api/v2/alerts");
    QVERIFY(request.headers.contains(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))));
    QVERIFY(!request.conditional);
}

void TestAlertmanagerWrites::matchers_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("matcher"); // empty: refused
    QTest::newRow("equal")
        << "alertname=DiskFull"
        << QByteArray(R"({"name":"alertname","value":"DiskFull","isRegex":false,"isEqual":true})");
    QTest::newRow("quoted")
        << "team=\"sre \\\"core\\\"\""
        << QByteArray(R"({"name":"team","value":"sre \"core\"","isRegex":false,"isEqual":true})");
    QTest::newRow("not equal")
        << "env != dev"
        << QByteArray(R"({"name":"env","value":"dev","isRegex":false,"isEqual":false})");
    QTest::newRow("regex")
        << "instance=~db-.*"
        << QByteArray(R"({"name":"instance","value":"db-.*","isRegex":true,"isEqual":true})");
    QTest::newRow("not regex")
        << "job!~node"
        << QByteArray(R"({"name":"job","value":"node","isRegex":true,"isEqual":false})");
    QTest::newRow("no operator") << "DiskFull" << QByteArray();
    QTest::newRow("bad name") << "disk full=yes" << QByteArray();
}

void TestAlertmanagerWrites::matchers() {
    QFETCH(QString, text);
    QFETCH(QByteArray, matcher);
    json got;
    QCOMPARE(AlertmanagerConnector::parseMatcher(text, &got), !matcher.isEmpty());
    if (!matcher.isEmpty())
        QCOMPARE(got, json::parse(matcher.toStdString()));
}

void TestAlertmanagerWrites::raiseThenResolve() {
    const QString project = QStringLiteral("sftp");
    WriteAction a = raise(project);
    const WriteOutcome raised = write(a);
    QVERIFY2(raised.accepted, qPrintable(raised.error));

    Items items = readUntil([&](const Items &i) { return andonsOf(i, project).size() == 1; });
    auto andons = andonsOf(items, project);
    QCOMPARE(andons.size(), std::size_t(1));
    QCOMPARE(andons[0]->reason, QStringLiteral("no backups defined"));
    QCOMPARE(andons[0]->raisedBy, QStringLiteral("alice"));
    QCOMPARE(andons[0]->title, QStringLiteral("Andon: sftp"));
    QCOMPARE(andons[0]->state, QStringLiteral("active"));
    QCOMPARE(andons[0]->createdAt, a.startsAt);

    a.kind = WriteKind::ResolveAndon;
    a.decision = QStringLiteral("continue");
    a.note = QStringLiteral("backups added");
    a.raisedBy = QStringLiteral("bob");
    const WriteOutcome resolved = write(a);
    QVERIFY2(resolved.accepted, qPrintable(resolved.error));
    items = readUntil([&](const Items &i) { return andonsOf(i, project).empty(); });
    QVERIFY(andonsOf(items, project).empty());

    // Resolving again (a retry) is harmless.
    QVERIFY(write(a).accepted);
}

void TestAlertmanagerWrites::repostIsTheSameAlert() {
    const QString project = QStringLiteral("billing");
    const WriteAction a = raise(project);
    QVERIFY(write(a).accepted);
    QVERIFY(write(a).accepted); // the outbox retried after a crash
    WriteAction later = a;
    later.startsAt = a.startsAt.addSecs(30); // even raised again later: one alert per project
    QVERIFY(write(later).accepted);
    const Items items = readUntil([&](const Items &i) { return !andonsOf(i, project).empty(); });
    QTest::qWait(300); // a second alert would have shown by now
    const Items again = readUntil([&](const Items &i) { return !andonsOf(i, project).empty(); });
    QCOMPARE(andonsOf(items, project).size(), std::size_t(1));
    QCOMPARE(andonsOf(again, project).size(), std::size_t(1));
    QCOMPARE(andonsOf(again, project)[0]->createdAt, a.startsAt); // the earliest start is kept
}

void TestAlertmanagerWrites::declareIncident() {
    const WriteAction incident = declaration(QStringLiteral("decl-42"), QStringLiteral("SEV-2"));
    QVERIFY(write(incident).accepted);
    QVERIFY(write(incident).accepted);
    const auto declared = [](const Items &items) {
        return std::count_if(items.begin(), items.end(), [](const Item &i) {
            return i.kind == ItemKind::Incident && i.title == QLatin1String("Checkout down");
        });
    };
    const Items items = readUntil([&](const Items &i) { return declared(i) > 0; });
    QCOMPARE(declared(items), 1);
    for (const Item &item : items) {
        if (item.title == QLatin1String("Checkout down")) {
            QCOMPARE(item.severity.level, SeverityLevel::High);
            QVERIFY(qAbs(item.createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 30);
            QCOMPARE(item.state, QStringLiteral("active"));
        }
    }
}

void TestAlertmanagerWrites::silenceAnAlert() {
    const QString project = QStringLiteral("search");
    QVERIFY(write(raise(project)).accepted);
    WriteAction silence;
    silence.kind = WriteKind::CreateSilence;
    silence.labels = {QStringLiteral("alertname=Andon"), QStringLiteral("project=\"search\"")};
    silence.note = QStringLiteral("known, decided tomorrow");
    silence.raisedBy = QStringLiteral("carol");
    silence.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    const WriteOutcome outcome = write(silence);
    QVERIFY2(outcome.accepted, qPrintable(outcome.error));
    QVERIFY(!outcome.createdId.isEmpty());
    QCOMPARE(outcome.createdUrl, QString::fromUtf8(m_am->baseUrl()) +
                                     QStringLiteral("/#/silences/") + outcome.createdId);

    const Items items = readUntil([&](const Items &i) {
        const auto andons = andonsOf(i, project);
        return andons.size() == 1 && andons[0]->state == QLatin1String("silenced");
    });
    QCOMPARE(andonsOf(items, project).size(), std::size_t(1));
    QCOMPARE(andonsOf(items, project)[0]->state, QStringLiteral("silenced"));

    HttpRequest get;
    get.url = m_am->baseUrl() + "/api/v2/silence/" + outcome.createdId.toUtf8();
    get.conditional = false;
    const HttpResult stored = m_am->send(get);
    QCOMPARE(stored.status, 200);
    const json s = json::parse(stored.body.toStdString());
    QCOMPARE(s.at("createdBy"), json("carol"));
    QCOMPARE(s.at("comment"), json("known, decided tomorrow"));
    QCOMPARE(s.at("matchers").size(), std::size_t(2));
}

void TestAlertmanagerWrites::refusalSaysWhy() {
    WriteAction silence;
    silence.kind = WriteKind::CreateSilence;
    silence.labels = {QStringLiteral("DiskFull")}; // not a matcher: never a broader silence
    const WriteOutcome outcome = write(silence);
    QVERIFY(!outcome.accepted);
    QVERIFY2(outcome.error.startsWith(QLatin1String("Alertmanager refused (HTTP 400): ")),
             qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("not a matcher: DiskFull")),
             qPrintable(outcome.error));
}

QTEST_GUILESS_MAIN(TestAlertmanagerWrites)
#include "tst_alertmanager_writes.moc"
