// SPDX-License-Identifier: MIT
// One bad item never hides the others, for every connector, end to end (HttpClient,
// SourceFetcher, Poller, Board) against a loopback server: an answer with one unreadable item
// among good ones shows the good ones, fresh, and says what was left out; an answer that cannot
// be read as a whole still fails. Then the warning over time (pages add up, a good answer clears
// it, a failure replaces it) and the per-source body cap, max_body_mb.
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"

#include <QMutex>
#include <QtTest>

#include <functional>
#include <memory>

using nlohmann::json;

// Declared before the JSON rows: moc mis-reads "//" inside multi-line raw strings.
class TestUnreadableItems final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }
    void oneBadItemAmongGoodOnes_data();
    void oneBadItemAmongGoodOnes();
    void countsAddUpOverPages();
    void warningFollowsTheLatestAnswer();
    void maxBodyMbCapsTheAnswer_data();
    void maxBodyMbCapsTheAnswer();
};

namespace {

// A loopback server whose answer a test sets and changes (read on the server's thread).
class AnswerServer final {
public:
    using Answer = std::function<HttpServerResponse(const HttpServerRequest &)>;

    AnswerServer()
        : m_server([this](const HttpServerRequest &request) {
            const QMutexLocker lock(&m_mutex);
            return m_answer(request);
        }) {}

    bool start() { return m_server.start(); }
    QByteArray baseUrl() const { return m_server.baseUrl(); }
    void set(Answer answer) {
        const QMutexLocker lock(&m_mutex);
        m_answer = std::move(answer);
    }
    void setBody(const QByteArray &body) {
        set([body](const HttpServerRequest &) { return HttpServerResponse::json(body); });
    }

private:
    QMutex m_mutex;
    Answer m_answer;
    LoopbackHttpServer m_server; // last: stopped before the rest goes
};

// The source as a user writes it, of `type` with its own `keys`, at `url`.
QByteArray sourceJson(const char *type, const char *panel, const QByteArray &url,
                      const json &keys = json::object()) {
    json source = {{"name", "src"}, {"type", type}, {"panel", panel}, {"url", url.toStdString()}};
    source.update(keys);
    return QByteArray::fromStdString(source.dump());
}

QStringList idsOf(const Items &items) {
    QStringList ids;
    for (const Item &item : items)
        ids.append(item.id);
    return ids;
}

const char *const genericKeys = R"({"path":"/api","items":"/data",
    "fields":{"id":"/id","title":"/title"},
    "pagination":{"style":"cursor","next":"/next","param":"cursor"}})";

} // namespace

void TestUnreadableItems::oneBadItemAmongGoodOnes_data() {
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("panel");
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("ids"); // the items shown
    QTest::addColumn<QString>("warning"); // what the source says beside "ok"
    QTest::addColumn<QString>("error");   // non-empty: the source fails with it
    const auto good = [](const char *name, const char *type, const char *panel, const char *keys,
                         const char *body, const QStringList &ids, const char *pointer) {
        QTest::newRow(name) << QByteArray(type) << QByteArray(panel) << QByteArray(keys)
                            << QByteArray(body) << ids
                            << QStringLiteral("1 item unreadable: ") + QString::fromUtf8(pointer)
                            << QString();
    };
    const auto bad = [](const char *name, const char *type, const char *panel, const char *keys,
                        const char *body, const char *error) {
        QTest::newRow(name) << QByteArray(type) << QByteArray(panel) << QByteArray(keys)
                            << QByteArray(body) << QStringList() << QString()
                            << QString::fromUtf8(error);
    };

    good("alertmanager", "alertmanager", "incidents", "{}",
         R"j([{"fingerprint":"a1","labels":{"alertname":"One"}},
              {"fingerprint":null,"labels":{"alertname":"Two"}},
              {"fingerprint":"a3","labels":{"alertname":"Three"}}])j",
         {QStringLiteral("a1"), QStringLiteral("a3")}, "/1/fingerprint expected a string");
    bad("alertmanager: not a list", "alertmanager", "incidents", "{}",
        R"j({"alerts":[{"fingerprint":"a1"}]})j",
        "JSON of the wrong shape at /: expected an array of alerts");

    good("jira", "jira", "bugs", R"({"jql":"project = SRE"})",
         R"j({"issues":[{"key":"SRE-1","fields":{"summary":"one"}},
              {"key":"SRE-2","fields":{"summary":{"text":"two"}}},
              {"key":"SRE-3","fields":{"summary":"three"}}],"isLast":true})j",
         {QStringLiteral("SRE-1"), QStringLiteral("SRE-3")},
         "/issues/1/fields/summary expected a string");
    bad("jira: no issues", "jira", "bugs", R"({"jql":"project = SRE"})",
        R"j({"errorMessages":["gone"]})j",
        "JSON of the wrong shape at /issues: expected an array of items");

    good("gitlab", "gitlab", "bugs", R"({"project":"platform/sre"})",
         R"j([{"id":1,"title":"one"},{"id":2,"title":7},{"id":3,"title":"three"}])j",
         {QStringLiteral("1"), QStringLiteral("3")}, "/1/title expected a string");
    bad("gitlab: not a list", "gitlab", "bugs", R"({"project":"platform/sre"})",
        R"j({"message":"404 Project Not Found"})j",
        "JSON of the wrong shape at /: expected an array of items");

    good("github", "github", "bugs", R"({"repo":"acme/infra"})",
         R"j([{"number":1,"title":"one"},{"number":null,"title":"two"},
              {"number":3,"title":"three"}])j",
         {QStringLiteral("1"), QStringLiteral("3")}, "/1/number expected a string or an integer");
    bad("github: not a list", "github", "bugs", R"({"repo":"acme/infra"})",
        R"j({"message":"Not Found"})j", "JSON of the wrong shape at /: expected an array of items");

    good("pagerduty", "pagerduty", "incidents", "{}",
         R"j({"incidents":[{"id":"P1","title":"one"},{"id":true,"title":"two"},
              {"id":"P3","title":"three"}],"more":false})j",
         {QStringLiteral("P1"), QStringLiteral("P3")},
         "/incidents/1/id expected a string or an integer");
    bad("pagerduty: incidents an object", "pagerduty", "incidents", "{}",
        R"j({"incidents":{"id":"P1"}})j",
        "JSON of the wrong shape at /incidents: expected an array of items");

    good("opsgenie", "opsgenie", "incidents", "{}",
         R"j({"data":[{"id":"o1","message":"one"},{"id":"o2","message":["two"]},
              {"id":"o3","message":"three"}]})j",
         {QStringLiteral("o1"), QStringLiteral("o3")}, "/data/1/message expected a string");
    bad("opsgenie: no data", "opsgenie", "incidents", "{}", R"j({"result":"ok"})j",
        "JSON of the wrong shape at /data: expected an array of items");

    good("incidentio", "incidentio", "incidents", "{}",
         R"j({"incidents":[{"id":"i1","name":"one"},{"id":"i2","created_at":"yesterday"},
              {"id":"i3","name":"three"}]})j",
         {QStringLiteral("i1"), QStringLiteral("i3")},
         "/incidents/1/created_at expected an ISO 8601 time");
    bad("incidentio: no incidents", "incidentio", "incidents", "{}", R"j({"incident":[]})j",
        "JSON of the wrong shape at /incidents: expected an array of items");

    good("slack", "slack", "requests", R"({"channel":"C0123456"})",
         R"j({"ok":true,"messages":[{"type":"message","user":"U1","ts":"1.0","text":"one"},
              {"type":"message","user":"U2","text":"no ts"},
              {"type":"message","user":"U3","ts":"3.0","text":"three"}]})j",
         {QStringLiteral("1.0"), QStringLiteral("3.0")}, "/messages/1/ts expected a string");
    bad("slack: messages an object", "slack", "requests", R"({"channel":"C0123456"})",
        R"j({"ok":true,"messages":{}})j",
        "JSON of the wrong shape at /messages: expected an array of messages");

    good("generic", "generic", "requests", genericKeys,
         R"j({"data":[{"id":1,"title":"one"},{"id":{"n":2},"title":"two"},
              {"id":3,"title":"three"}]})j",
         {QStringLiteral("1"), QStringLiteral("3")}, "/data/1/id expected a string or number");
    bad("generic: an HTML page", "generic", "requests", genericKeys,
        "<!DOCTYPE html><html><body>Sign in</body></html>", "not JSON (got an HTML page: login?)");
}

void TestUnreadableItems::oneBadItemAmongGoodOnes() {
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, panel);
    QFETCH(QByteArray, keys);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, ids);
    QFETCH(QString, warning);
    QFETCH(QString, error);
    AnswerServer server;
    server.setBody(body);
    QVERIFY(server.start());
    SourceProbe probe(sourceJson(type.constData(), panel.constData(), server.baseUrl(),
                                 json::parse(keys.toStdString())));
    QVERIFY(probe.fetchOnce());
    const SourceHealth health = probe.health();
    QCOMPARE(health.error, error);
    QCOMPARE(healthWarning(health), warning);
    if (error.isEmpty()) {
        QCOMPARE(healthStateText(health), QStringLiteral("ok \u00B7 ") + warning);
        QCOMPARE(health.unreadable.count, 1);
    } else {
        QCOMPARE(health.state, HealthState::Failed);
    }
    QCOMPARE(idsOf(probe.items()), ids);
}

void TestUnreadableItems::countsAddUpOverPages() {
    AnswerServer server;
    server.set([](const HttpServerRequest &request) {
        const bool second = request.query.contains("cursor=p2");
        return HttpServerResponse::json(
            second
                ? R"j({"data":[{"id":3,"title":"three"},{"title":"no id"},{"id":5,"title":["five"]}],
                          "next":null})j"
                : R"j({"data":[{"id":1,"title":"one"},{"id":[2],"title":"two"}],
                          "next":"p2"})j");
    });
    QVERIFY(server.start());
    SourceProbe probe(
        sourceJson("generic", "requests", server.baseUrl(), json::parse(genericKeys)));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(idsOf(probe.items()), QStringList({QStringLiteral("1"), QStringLiteral("3")}));
    QCOMPARE(probe.health().state, HealthState::Ok);
    QCOMPARE(healthWarning(probe.health()),
             QStringLiteral("3 items unreadable: /data/1/id expected a string or number"));
}

// The warning is the latest answer's: an unchanged answer keeps it, a good one clears it, and a
// failure says its own error instead (the items shown are the last good answer's).
void TestUnreadableItems::warningFollowsTheLatestAnswer() {
    const QByteArray oneBad = R"j([{"fingerprint":"a1"},{"fingerprint":7},{"fingerprint":"a3"}])j";
    AnswerServer server;
    server.setBody(oneBad);
    QVERIFY(server.start());
    SourceProbe probe(sourceJson("alertmanager", "incidents", server.baseUrl()));
    const QString warning = QStringLiteral("1 item unreadable: /1/fingerprint expected a string");

    QVERIFY(probe.fetchOnce());
    QCOMPARE(healthWarning(probe.health()), warning);
    QVERIFY(probe.fetchOnce()); // the same body: not parsed again, the same items left out
    QCOMPARE(probe.health().state, HealthState::Ok);
    QCOMPARE(healthWarning(probe.health()), warning);

    server.setBody(R"j([{"fingerprint":"a1"},{"fingerprint":"a2"},{"fingerprint":"a3"}])j");
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Ok);
    QCOMPARE(healthWarning(probe.health()), QString());
    QCOMPARE(healthStateText(probe.health()), QStringLiteral("ok"));
    QCOMPARE(probe.items().size(), std::size_t(3));

    server.setBody(oneBad);
    QVERIFY(probe.fetchOnce());
    QCOMPARE(healthWarning(probe.health()), warning);
    server.setBody("not json");
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().state, HealthState::Stale);
    QCOMPARE(probe.health().error, QStringLiteral("not JSON (parse error at byte 2)"));
    QCOMPARE(healthWarning(probe.health()), QString());
    QCOMPARE(idsOf(probe.items()), QStringList({QStringLiteral("a1"), QStringLiteral("a3")}));
}

void TestUnreadableItems::maxBodyMbCapsTheAnswer_data() {
    QTest::addColumn<int>("maxBodyMb");
    QTest::addColumn<QString>("error");
    QTest::newRow("2 MiB answer, max_body_mb 1")
        << 1 << QStringLiteral("response larger than 1 MiB (max_body_mb)");
    QTest::newRow("2 MiB answer, max_body_mb 3") << 3 << QString();
}

void TestUnreadableItems::maxBodyMbCapsTheAnswer() {
    QFETCH(int, maxBodyMb);
    QFETCH(QString, error);
    // Two good alerts, padded with spaces to 2 MiB.
    QByteArray body = R"j([{"fingerprint":"a1"},{"fingerprint":"a2"}])j";
    body += QByteArray(2 * 1024 * 1024 - body.size(), ' ');
    AnswerServer server;
    server.setBody(body);
    QVERIFY(server.start());
    SourceProbe probe(
        sourceJson("alertmanager", "incidents", server.baseUrl(), {{"max_body_mb", maxBodyMb}}));
    QVERIFY(probe.fetchOnce());
    QCOMPARE(probe.health().error, error);
    QCOMPARE(probe.items().size(), std::size_t(error.isEmpty() ? 2 : 0));
}

QTEST_GUILESS_MAIN(TestUnreadableItems)
#include "tst_unreadable_items.moc"
