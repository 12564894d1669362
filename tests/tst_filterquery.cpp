// SPDX-License-Identifier: MIT
// The filter bar's grammar, table-driven: every matcher against a fixed set of items, the quick
// toggles, and each kind of bad input with the message a person reads in the bar.
#include "core/filter/ItemFilter.h"
#include "core/time/Duration.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);

Item item(ItemKind kind, const char *id, const char *source, const char *title, const char *state,
          const char *severity, qint64 ageS, QStringList labels = {}) {
    Item it;
    it.kind = kind;
    it.id = QString::fromUtf8(id);
    it.source = QString::fromUtf8(source);
    it.title = QString::fromUtf8(title);
    it.state = QString::fromUtf8(state);
    it.severity = severityFromText(QString::fromUtf8(severity));
    if (ageS >= 0)
        it.createdAt = now.addSecs(-ageS);
    it.labels = std::move(labels);
    return it;
}

// a1 critical, owned by victor through dutyboard; a2 silenced; a3 inhibited; r1 owned by victor
// in its source; b1 owned by bob, no date.
Items board() {
    Items items;
    items.push_back(item(ItemKind::Incident, "a1", "prod-alerts", "HighCPU on node-0001", "active",
                         "critical", 2 * 3600,
                         strings({"alertname=\"HighCPU\"", "team=\"payments\""})));
    items.push_back(item(ItemKind::Incident, "a2", "prod-alerts", "DiskFull on db-1", "silenced",
                         "warning", 30 * 60, strings({"team=\"sre\""})));
    items.push_back(item(
        ItemKind::Incident, "a3", "staging-alerts", "Latency high", "inhibited", "high", 3 * 86400,
        strings({"env=\"staging\"", "team=\"payments\"", "quote=\"say \\\"hi\\\"\""})));
    items.push_back(
        item(ItemKind::Request, "r1", "desk", "Access to grafana please", "open", "", 10 * 60));
    items.back().people = strings({"alice"});
    items.back().owner = QStringLiteral("victor");
    items.push_back(item(ItemKind::Bug, "b1", "jira", "Payments timeout", "open", "low", -1));
    items.back().owner = QStringLiteral("bob");
    return items;
}

FilterContext context(const QString &a2Owner = {}) {
    return {QStringLiteral("victor"), now, [a2Owner](const Item &it) {
                if (it.id == QLatin1String("a1"))
                    return QStringLiteral("victor");
                if (it.id == QLatin1String("a2") && !a2Owner.isEmpty())
                    return a2Owner;
                return it.owner;
            }};
}

QString matching(const ItemFilter &filter, const FilterContext &ctx) {
    QStringList ids;
    for (const Item &it : board()) {
        if (filter.accepts(it, ctx))
            ids.append(it.id);
    }
    return ids.join(QLatin1Char(','));
}

} // namespace

class TestFilterQuery final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void matchers_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("ids");
        auto row = [](const char *query, const char *ids) {
            QTest::newRow(query) << QString::fromUtf8(query) << QString::fromUtf8(ids);
        };
        row("", "a1,a2,a3,r1,b1");
        row("cpu", "a1");
        row("CPU node", "a1");
        row("payments", "a1,a3,b1"); // a label's value, and a title
        row("\"DiskFull on\"", "a2");
        row("-payments", "a2,r1");
        row("-\"node-0001\"", "a2,a3,r1,b1");
        row("alice", "r1");
        row("SEV-1", "a1");
        row("severity>=high", "a1,a3");
        row("severity>high", "a1");
        row("severity=critical", "a1");
        row("severity<warning", "r1,b1"); // info, then unknown below it
        row("severity<=warning", "a2,r1,b1");
        row("severity!=unknown", "a1,a2,a3,b1");
        row("severity=unknown", "r1");
        row("severity>=SEV-2", "a1,a3");
        row("severity=p1", "a1");
        row("source=prod-alerts", "a1,a2");
        row("source=PROD-ALERTS", "a1,a2");
        row("source!=prod-alerts", "a3,r1,b1");
        row("source=*-alerts", "a1,a2,a3");
        row("source=\"desk\"", "r1");
        row("state!=silenced", "a1,a3,r1,b1");
        row("state=open", "r1,b1");
        row("owner=me", "a1,r1");
        row("owner=ME", "a1,r1");
        row("owner=none", "a2,a3");
        row("owner!=none", "a1,r1,b1");
        row("owner=bob", "b1");
        row("owner!=me", "a2,a3,b1");
        row("label:team=payments", "a1,a3");
        row("label:team!=payments", "a2,r1,b1");
        row("label:team=pay*", "a1,a3");
        row("label:env=staging", "a3");
        row("label:quote=\"say \\\"hi\\\"\"", "a3");
        row("team=sre", "a2");
        row("alertname=HighCPU", "a1");
        row("age>1h", "a1,a3");
        row("age>=2h", "a1,a3");
        row("age<1h", "a2,r1"); // b1 has no date: no age at all
        row("age<=10m", "r1");
        row("age>=1d", "a3");
        row("age>1h30m", "a1,a3");
        row("age>2w", "");
        row("severity>=high source=prod-alerts", "a1");
        row("  severity>=warning   state!=silenced  ", "a1,a3");
        row("payments age<1d", "a1");
    }

    void matchers() {
        QFETCH(QString, query);
        QFETCH(QString, ids);
        FilterError error;
        FilterQuery parsed = FilterQuery::parse(query, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        const ItemFilter filter(std::move(parsed), {}, {});
        QCOMPARE(matching(filter, context()), ids);
    }

    void badInput_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        auto row = [](const char *query, int position, const char *message) {
            QTest::newRow(query) << QString::fromUtf8(query) << position
                                 << QString::fromUtf8(message);
        };
        row("sevrity>=high", 0, "unknown matcher `sevrity` (did you mean severity?)");
        row("cpu stat=open", 4, "unknown matcher `stat` (did you mean state?)");
        row("sorce=x", 0, "unknown matcher `sorce` (did you mean source?)");
        row("ownr=me", 0, "unknown matcher `ownr` (did you mean owner?)");
        row("lable:team=x", 0, "unknown matcher `lable:team` (did you mean label:team?)");
        row("foo:bar=x", 0,
            "unknown matcher `foo:bar` (only label: takes a name, as in label:team=payments)");
        row("label=x", 0, "`label` needs a label's name, as in label:team=payments");
        row("label:=x", 0, "`label:` needs a label's name, as in label:team=payments");
        row("severity>=urgent", 10,
            "unknown severity `urgent` (expected critical, high, warning, info or unknown)");
        row("age>soon", 4, "`soon` is not a duration (expected one such as 30m, 2h or 1d)");
        row("age>2", 4, "`2` is not a duration (expected one such as 30m, 2h or 1d)");
        row("age=1h", 0, "`age` compares with >, >=, < or <=, as in age>1h");
        row("source>=x", 0, "`source` compares with = or != only");
        row("label:team<x", 0, "`label` compares with = or != only");
        row("source=", 7, "`source=` needs a value");
        row("owner!= x", 7, "`owner!=` needs a value");
        row("cpu \"open", 4, "the quote opened here is not closed");
        row("state=\"open", 6, "the quote opened here is not closed");
    }

    void badInput() {
        QFETCH(QString, query);
        QFETCH(int, position);
        QFETCH(QString, message);
        FilterError error;
        const FilterQuery parsed = FilterQuery::parse(query, &error);
        QVERIFY(error.isError());
        QCOMPARE(error.message, message);
        QCOMPARE(error.position, position);
        // Nothing half-parsed: the bad text is no filter at all.
        QVERIFY(parsed.isEmpty());
    }

    void toggles_data() {
        QTest::addColumn<bool>("hideSilenced");
        QTest::addColumn<bool>("onlyUnowned");
        QTest::addColumn<bool>("onlyMine");
        QTest::addColumn<QString>("a2Owner");
        QTest::addColumn<QString>("ids");
        QTest::newRow("none") << false << false << false << QString() << "a1,a2,a3,r1,b1";
        QTest::newRow("hide silenced and inhibited")
            << true << false << false << QString() << "a1,r1,b1";
        // Acknowledging an alert silences it: owned, it stays in sight with its owner.
        QTest::newRow("hide silenced, an owned one stays")
            << true << false << false << QStringLiteral("victor") << "a1,a2,r1,b1";
        QTest::newRow("only unowned") << false << true << false << QString() << "a2,a3";
        QTest::newRow("only mine") << false << false << true << QString() << "a1,r1";
        QTest::newRow("only mine, silenced shown")
            << true << false << true << QStringLiteral("victor") << "a1,a2,r1";
    }

    void toggles() {
        QFETCH(bool, hideSilenced);
        QFETCH(bool, onlyUnowned);
        QFETCH(bool, onlyMine);
        QFETCH(QString, a2Owner);
        QFETCH(QString, ids);
        FilterToggles t;
        t.hideSilenced = hideSilenced;
        t.onlyUnowned = onlyUnowned;
        t.onlyMine = onlyMine;
        const ItemFilter filter({}, t, {});
        QCOMPARE(filter.isActive(), hideSilenced || onlyUnowned || onlyMine);
        QCOMPARE(matching(filter, context(a2Owner)), ids);
    }

    void durations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("30s") << QStringLiteral("30s") << qint64(30);
        QTest::newRow("30m") << QStringLiteral("30m") << qint64(1800);
        QTest::newRow("2h") << QStringLiteral("2h") << qint64(7200);
        QTest::newRow("1d") << QStringLiteral("1d") << qint64(86400);
        QTest::newRow("1w") << QStringLiteral("1w") << qint64(7 * 86400);
        QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(5400);
        QTest::newRow("2H") << QStringLiteral("2H") << qint64(7200);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("no number") << QStringLiteral("h") << qint64(-1);
        QTest::newRow("no unit") << QStringLiteral("10") << qint64(-1);
        QTest::newRow("bad unit") << QStringLiteral("5y") << qint64(-1);
        QTest::newRow("trailing") << QStringLiteral("1h3") << qint64(-1);
    }

    void durations() {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(parseDuration(text), seconds);
    }

    void usesOwnerAndAge() {
        FilterError error;
        QVERIFY(!ItemFilter(FilterQuery::parse(QStringLiteral("severity>=high"), &error), {}, {})
                     .usesOwner());
        QVERIFY(
            ItemFilter(FilterQuery::parse(QStringLiteral("owner=me"), &error), {}, {}).usesOwner());
        QVERIFY(ItemFilter(FilterQuery::parse(QStringLiteral("age>1h"), &error), {}, {}).usesAge());
        QVERIFY(
            !ItemFilter(FilterQuery::parse(QStringLiteral("team=sre"), &error), {}, {}).usesAge());
    }
};

QTEST_GUILESS_MAIN(TestFilterQuery)
#include "tst_filterquery.moc"
