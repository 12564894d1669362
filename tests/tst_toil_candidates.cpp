// SPDX-License-Identifier: MIT
// Toil candidates: requests in French and English grouped by what they ask. Near-duplicates
// and other wordings of the same ask group; requests that only share a common word do not.
#include "core/handover/RequestWords.h"
#include "core/handover/ToilCandidates.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

namespace {

// Requests r0, r1… with `titles`, each with `minutes` of investigation (same index; 0 if absent).
std::vector<ToilRequest> requests(const QStringList &titles, const QList<int> &minutes = {}) {
    std::vector<ToilRequest> out;
    for (qsizetype i = 0; i < titles.size(); ++i)
        out.push_back({QStringLiteral("desk"), QStringLiteral("r%1").arg(i), titles[i],
                       i < minutes.size() ? minutes[i] * 60LL : 0});
    return out;
}

// The groups as "r0 r2|r1 r3", in the order the candidates come.
QString groupsOf(const std::vector<ToilCandidate> &candidates) {
    QStringList groups;
    for (const ToilCandidate &c : candidates)
        groups.append(c.requestIds.join(QLatin1Char(' ')));
    return groups.join(QLatin1Char('|'));
}

SelfServiceRule rule(const QString &pattern) {
    SelfServiceRule r;
    r.pattern = pattern;
    r.match = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
    r.command = QStringLiteral("qontoctl");
    return r;
}

} // namespace

class TestToilCandidates final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void words_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("accents, stop words, plural")
            << QStringLiteral("Créer des Réplicas en lecture, s'il vous plaît")
            << QStringList{QStringLiteral("creat"), QStringLiteral("replica"),
                           QStringLiteral("read")};
        QTest::newRow("english verb forms")
            << QStringLiteral("Please create a read replica")
            << QStringList{QStringLiteral("creat"), QStringLiteral("read"),
                           QStringLiteral("replica")};
        QTest::newRow("failing") << QStringLiteral("docker pull failing")
                                 << QStringList{QStringLiteral("dock"), QStringLiteral("pull"),
                                                QStringLiteral("fail")};
        QTest::newRow("numbers are not the ask")
            << QStringLiteral("Ticket 4242: VPN")
            << QStringList{QStringLiteral("ticket"), QStringLiteral("vpn")};
        QTest::newRow("only stop words") << QStringLiteral("Bonjour, merci !") << QStringList();
    }
    void words() {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QStringList got = RequestWords::of(text).values();
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
    }

    void groups_data() {
        QTest::addColumn<QStringList>("titles");
        QTest::addColumn<QList<int>>("minutes");
        QTest::addColumn<QString>("expected");

        QTest::newRow("near-duplicates")
            << QStringList{QStringLiteral("Create a read replica for orders-db"),
                           QStringLiteral("create a read replica for orders db"),
                           QStringLiteral("Create read replicas for billing")}
            << QList<int>{} << QStringLiteral("r0 r1 r2");
        QTest::newRow("other wordings of the same ask")
            << QStringList{QStringLiteral("Can you make a read replica of billing?"),
                           QStringLiteral("Need a new read replica on the payments database"),
                           QStringLiteral("I cannot pull docker images"),
                           QStringLiteral("docker pull fails on my laptop")}
            << QList<int>{10, 20, 30, 5} << QStringLiteral("r2 r3|r0 r1");
        QTest::newRow("a common word is not the same ask")
            << QStringList{QStringLiteral("docker pull fails"),
                           QStringLiteral("docker registry mirror project"),
                           QStringLiteral("Access to grafana"), QStringLiteral("Access to kibana")}
            << QList<int>{} << QString();
        QTest::newRow("french")
            << QStringList{QStringLiteral("Bonjour, pouvez-vous créer un réplica en lecture ?"),
                           QStringLiteral("Besoin d'une réplique en lecture pour la BDD"),
                           QStringLiteral("Accès à la console AWS svp"),
                           QStringLiteral("Je n'ai pas les droits sur la console AWS"),
                           QStringLiteral("Le déploiement échoue sur staging")}
            << QList<int>{5, 5, 2, 1, 40} << QStringLiteral("r0 r1|r2 r3");
        QTest::newRow("french and english requests apart")
            << QStringList{QStringLiteral("Le pull docker échoue"),
                           QStringLiteral("docker pull ne marche pas"),
                           QStringLiteral("Mot de passe oublié pour Jenkins"),
                           QStringLiteral("Reset my Jenkins password"),
                           QStringLiteral("Reset Jenkins password please")}
            << QList<int>{3, 3, 1, 1, 1} << QStringLiteral("r0 r1|r3 r4");
        QTest::newRow("sorted by time, then count")
            << QStringList{QStringLiteral("restart the staging cluster"),
                           QStringLiteral("restart staging cluster"),
                           QStringLiteral("restart staging cluster again"),
                           QStringLiteral("rotate the vault token"),
                           QStringLiteral("rotate vault token"),
                           QStringLiteral("purge the CDN cache"),
                           QStringLiteral("purge CDN cache")}
            << QList<int>{0, 0, 0, 0, 0, 30, 0} << QStringLiteral("r5 r6|r0 r1 r2|r3 r4");
        QTest::newRow("a long request does not split its group")
            << QStringList{QStringLiteral("I would like to create a PostgreSQL read replica to "
                                          "ingest data to Elasticsearch. Can you create it?"),
                           QStringLiteral("Create a read replica for ledger (analytics)"),
                           QStringLiteral("Need a read replica of billing for the BI team")}
            << QList<int>{} << QStringLiteral("r0 r1 r2");
        QTest::newRow("one request alone is no group")
            << QStringList{QStringLiteral("create a read replica")} << QList<int>{} << QString();
    }
    void groups() {
        QFETCH(QStringList, titles);
        QFETCH(QList<int>, minutes);
        QFETCH(QString, expected);
        QCOMPARE(groupsOf(toilCandidates(requests(titles, minutes), {})), expected);
    }

    void countsTimeLabelAndRule() {
        std::vector<ToilRequest> in =
            requests({QStringLiteral("docker pull fails"), QStringLiteral("create a read replica"),
                      QStringLiteral("Please create a read replica for orders-db"),
                      QStringLiteral("create read replica billing")},
                     {25, 40, 50, 10});
        // The same request pending now and recorded in the period counts once.
        in.push_back({QStringLiteral("desk"), QStringLiteral("r1"),
                      QStringLiteral("create a read replica"), 40 * 60});
        const auto candidates = toilCandidates(
            in, {rule(QStringLiteral("vpn")), rule(QStringLiteral("read.?replica"))});
        QCOMPARE(candidates.size(), size_t(1));
        const ToilCandidate &c = candidates.front();
        QCOMPARE(c.label, QStringLiteral("create a read replica"));
        QCOMPARE(c.count, 3);
        QCOMPARE(c.requestIds,
                 (QStringList{QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3")}));
        QCOMPARE(c.investigationMin(), 100);
        QCOMPARE(c.selfServiceRule.value_or(QString()), QStringLiteral("read.?replica"));

        const auto without = toilCandidates(in, {rule(QStringLiteral("vpn"))});
        QVERIFY(!without.front().selfServiceRule);
    }
};

QTEST_GUILESS_MAIN(TestToilCandidates)
#include "tst_toil_candidates.moc"
