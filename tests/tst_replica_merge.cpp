// SPDX-License-Identifier: MIT
// A cluster source's answers merged (pure): each alert once by its fingerprint, healthy while one
// replica answers, "k/n replicas", and every silent replica's reason.
#include "core/board/SourceHealth.h"
#include "core/sources/ReplicaMerge.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

namespace {

// One replica per entry: "a b c" answered those fingerprints ("" answered none); "!reason" did
// not answer. Replica i is http://10.0.0.i:9093.
std::vector<ReplicaAnswer> answers(const QStringList &replicas) {
    std::vector<ReplicaAnswer> out;
    for (int i = 0; i < replicas.size(); ++i) {
        ReplicaAnswer answer;
        answer.url = "http://10.0.0." + QByteArray::number(i) + ":9093";
        if (replicas[i].startsWith(QLatin1Char('!'))) {
            answer.error = replicas[i].mid(1);
        } else {
            answer.ok = true;
            for (const QString &id : replicas[i].split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                Item item;
                item.id = id;
                item.title = QStringLiteral("from replica %1").arg(i);
                answer.items.push_back(item);
            }
        }
        out.push_back(std::move(answer));
    }
    return out;
}

} // namespace

class TestReplicaMerge final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void merge_data() {
        QTest::addColumn<QStringList>("replicas");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("replicasText");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QString>("error");
        QTest::newRow("same alert on three")
            << strings({"a", "a", "a"}) << true << strings({"a"}) << QStringLiteral("3/3 replicas")
            << QStringList{} << QString();
        QTest::newRow("union, first order kept")
            << strings({"a b", "b c", "d a"}) << true << strings({"a", "b", "c", "d"})
            << QStringLiteral("3/3 replicas") << QStringList{} << QString();
        QTest::newRow("one down") << strings({"a", "!connection refused", "a b"}) << true
                                  << strings({"a", "b"}) << QStringLiteral("2/3 replicas")
                                  << strings({"10.0.0.1:9093: connection refused"}) << QString();
        QTest::newRow("only one answers, with nothing")
            << strings({"!timed out", "", "!HTTP 503"}) << true << QStringList{}
            << QStringLiteral("1/3 replicas")
            << strings({"10.0.0.0:9093: timed out", "10.0.0.2:9093: HTTP 503"}) << QString();
        QTest::newRow("all down") << strings({"!connection refused", "!connection refused"})
                                  << false << QStringList{} << QStringLiteral("0/2 replicas")
                                  << strings({"10.0.0.0:9093: connection refused",
                                              "10.0.0.1:9093: connection refused"})
                                  << QStringLiteral(
                                         "no replica answers: 10.0.0.0:9093: connection refused; "
                                         "10.0.0.1:9093: connection refused");
    }

    void merge() {
        QFETCH(QStringList, replicas);
        QFETCH(bool, ok);
        QFETCH(QStringList, ids);
        QFETCH(QString, replicasText);
        QFETCH(QStringList, errors);
        QFETCH(QString, error);
        const FetchOutcome outcome = mergeReplicaAnswers(answers(replicas));
        QCOMPARE(outcome.ok, ok);
        QStringList got;
        for (const Item &item : outcome.items)
            got.append(item.id);
        QCOMPARE(got, ids);
        SourceHealth health;
        health.replicasAnswering = outcome.replicasAnswering;
        health.replicasTotal = outcome.replicasTotal;
        QCOMPARE(::replicasText(health), replicasText);
        QCOMPARE(outcome.replicaErrors, errors);
        QCOMPARE(outcome.error, error);
    }

    void firstReplicasCopyKept() {
        const FetchOutcome outcome = mergeReplicaAnswers(
            answers({QStringLiteral("!down"), QStringLiteral("b"), QStringLiteral("a b")}));
        QCOMPARE(outcome.items.size(), std::size_t(2));
        QCOMPARE(outcome.items[0].title, QStringLiteral("from replica 1")); // b
        QCOMPARE(outcome.items[1].title, QStringLiteral("from replica 2")); // a
    }

    // Replicas hold the same alerts: the items one left out are not added to another's, the
    // answering replica that left out the most is said.
    void unreadableItemsOfTheWorstReplica() {
        std::vector<ReplicaAnswer> three =
            answers({QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("!down")});
        three[0].unreadable.add(QStringLiteral("/1/fingerprint"), QStringLiteral("a string"));
        three[1].unreadable.add(QStringLiteral("/0"), QStringLiteral("an alert object"));
        three[1].unreadable.add(QStringLiteral("/2/fingerprint"), QStringLiteral("a string"));
        for (int i = 0; i < 3; ++i) // a replica that did not answer says nothing of its items
            three[2].unreadable.add(QStringLiteral("/5"), QStringLiteral("never said"));
        QCOMPARE(unreadableText(mergeReplicaAnswers(three).unreadable),
                 QStringLiteral("2 items unreadable: /0 expected an alert object"));
        QCOMPARE(mergeReplicaAnswers(answers({QStringLiteral("a"), QStringLiteral("a")}))
                     .unreadable.count,
                 0);
    }

    void plainSourceHasNoReplicaText() { QCOMPARE(::replicasText(SourceHealth()), QString()); }

    void rateLimitedEverywhereWaits() {
        std::vector<ReplicaAnswer> both =
            answers({QStringLiteral("!rate-limited"), QStringLiteral("!rate-limited")});
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(120);
        both[0].retryAt = later.addSecs(60);
        both[1].retryAt = later;
        QCOMPARE(mergeReplicaAnswers(both).retryAt, later);
        both[1].retryAt = QDateTime(); // one is merely down: no reason to wait longer
        QVERIFY(!mergeReplicaAnswers(both).retryAt.isValid());
    }

    void replicaNames_data() {
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QString>("name");
        QTest::newRow("host and port")
            << QByteArray("http://am-0:9093") << QStringLiteral("am-0:9093");
        QTest::newRow("path prefix")
            << QByteArray("https://am.example/am1/") << QStringLiteral("am.example");
    }

    void replicaNames() {
        QFETCH(QByteArray, url);
        QFETCH(QString, name);
        QCOMPARE(replicaName(url), name);
    }
};

QTEST_GUILESS_MAIN(TestReplicaMerge)
#include "tst_replica_merge.moc"
