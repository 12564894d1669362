// SPDX-License-Identifier: MIT
// The handover report from a fixed board and record of the period: what is open now with its
// owner and age, the period's counts (triage, RUN share, escalations, incidents and their time
// to resolve, andon decisions, the outbox), the objectives and the toil candidates, against
// exact values; then the period and the notes as the state keeps them (SQLite, and PostgreSQL
// in the _postgres run), and the three renderings.
#include "core/handover/HandoverHtml.h"
#include "core/handover/HandoverJson.h"
#include "core/handover/HandoverMarkdown.h"
#include "core/handover/HandoverReport.h"
#include "core/handover/HandoverStore.h"
#include "core/lean/TriageStore.h"
#include "core/store/Store.h"
#include "core/time/SinceParse.h"
#include "tests/support/BoardFixture.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestStateStore.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

QDateTime at(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const QDateTime now = at("2026-12-07T10:00:00Z");
const QDateTime since = at("2026-11-30T10:00:00Z");

Item item(ItemKind kind, const char *source, const char *id, const char *title, qint64 ageS,
          SeverityLevel level = SeverityLevel::Unknown) {
    return fixtureItem(kind, QLatin1String(source), QLatin1String(id), QLatin1String(title),
                       ageS < 0 ? QDateTime() : now.addSecs(-ageS), level);
}

OutboxEntry row(const char *actionId, const char *target, WriteKind kind, const char *title,
                const char *created, const char *state = "delivered") {
    OutboxEntry e;
    e.actionId = QLatin1String(actionId);
    e.target = QLatin1String(target);
    e.action.kind = kind;
    e.action.title = QLatin1String(title);
    e.createdAt = at(created);
    e.state = QLatin1String(state);
    return e;
}

HandoverTriaged triaged(const char *id, const char *title, Triage outcome, const char *when) {
    return {QStringLiteral("desk"), QLatin1String(id), QLatin1String(title), outcome, at(when)};
}

HistorySample sample(const char *when, int newSev2, std::vector<qint64> resolveS, int raised,
                     int resolved, int bugsOpen) {
    HistorySample s;
    s.at = at(when);
    s.incidentsNewBySev[1] = newSev2;
    s.resolveS = std::move(resolveS);
    s.andonsRaised = raised;
    s.andonsResolved = resolved;
    s.bugsOpen = bugsOpen;
    return s;
}

// A week of RUN: two incidents open (one owned through dutyboard), one waiting for its
// post-mortem, an andon, two bugs, requests pending, investigated, escalated and triaged.
HandoverInputs scene() {
    HandoverInputs in;
    in.now = now;
    in.since = since;
    in.sinceLastHandover = true;
    in.onDuty = QStringLiteral("alice");
    in.items = {
        item(ItemKind::Incident, "alerts", "i1", "Checkout latency above SLO", 3 * 3600,
             SeverityLevel::High),
        item(ItemKind::Incident, "alerts", "i2", "Disk full on db-3", -1, SeverityLevel::Warning),
        item(ItemKind::Incident, "incidentio", "i3", "Payments outage", 2 * 86400,
             SeverityLevel::Critical),
        item(ItemKind::Andon, "halts", "h1", "halt", 2 * 3600),
        item(ItemKind::Bug, "jira", "B-1", "Flaky deploy", 86400),
        item(ItemKind::Bug, "jira", "B-2", "Backup alert noisy", 3 * 86400),
        item(ItemKind::Request, "desk", "r1", "create a read replica for orders", 1800),
        item(ItemKind::Request, "desk", "r2", "Need a read replica for billing", 1200),
        item(ItemKind::Request, "desk", "r3", "VPN access", 5000),
        item(ItemKind::Request, "desk", "r4", "docker pull fails", 90000),
    };
    for (Item &i : in.items) {
        i.owner.clear();
        if (i.id == QLatin1String("i3")) {
            i.state = QStringLiteral("post-mortem due");
            i.owner = QStringLiteral("carol");
        }
        if (i.id == QLatin1String("h1")) {
            i.project = QStringLiteral("payments-v2");
            i.reason = QStringLiteral("schema migration unsafe");
            i.raisedBy = QStringLiteral("bob");
        }
        if (i.id == QLatin1String("B-1")) {
            i.state = QStringLiteral("In Progress");
            i.owner = QStringLiteral("dave");
        }
        if (i.id == QLatin1String("B-2"))
            i.state = QStringLiteral("Open");
    }
    Ownership owned;
    owned.source = QStringLiteral("alerts");
    owned.itemId = QStringLiteral("i1");
    owned.owner = QStringLiteral("alice");
    in.ownerships = {owned};
    in.clocks = {
        {QStringLiteral("desk"), QStringLiteral("r2"), now.addSecs(-720), {}, {}, {}, {}},
        {QStringLiteral("desk"),
         QStringLiteral("r4"),
         at("2026-12-05T09:00:00Z"),
         {},
         at("2026-12-05T09:22:00Z"),
         QStringLiteral("B-9"),
         QStringLiteral("https://j/B-9")},
        // Left the board unescalated: done within the rule, counted as at most 15 min.
        {QStringLiteral("desk"), QStringLiteral("r5"), at("2026-12-03T10:00:00Z"), {}, {}, {}, {}},
    };
    in.triagedInPeriod = {
        triaged("r8", "old", Triage::Toil, "2026-11-29T10:00:00Z"),
        triaged("r3", "VPN access", Triage::Toil, "2026-12-01T10:00:00Z"),
        triaged("r6", "create a read replica please", Triage::SelfService, "2026-12-02T10:00:00Z"),
        triaged("r5", "Create read replica analytics", Triage::Toil, "2026-12-03T10:00:00Z"),
        triaged("r7", "SFTP server for a partner", Triage::Project, "2026-12-04T10:00:00Z"),
        triaged("r4", "docker pull fails", Triage::Toil, "2026-12-05T09:00:00Z"),
    };
    in.decisions = {triaged("r3", "", Triage::Toil, "2026-12-01T10:00:00Z"),
                    triaged("r4", "", Triage::Bug, "2026-12-05T09:22:00Z")};
    in.samples = {sample("2026-11-29T10:00:00Z", 5, {60}, 0, 0, 0),
                  sample("2026-12-01T10:00:00Z", 1, {3600}, 1, 0, 1),
                  sample("2026-12-03T10:00:00Z", 1, {7200, 1800}, 0, 1, 2)};
    OutboxEntry decided = row("a1", "am", WriteKind::ResolveAndon, "", "2026-12-02T10:00:00Z");
    decided.action.project = QStringLiteral("payments-v2");
    decided.action.decision = QStringLiteral("continue");
    decided.action.note = QStringLiteral("migration fixed");
    decided.action.raisedBy = QStringLiteral("bob");
    OutboxEntry decidedToo = decided;
    decidedToo.target = QStringLiteral("duty");
    OutboxEntry waiting = row("a3", "jira", WriteKind::CreateBug, "docker pull fails",
                              "2026-12-05T09:22:00Z", "pending");
    waiting.attempts = 3;
    waiting.lastError = QStringLiteral("HTTP 503");
    in.outbox = {
        row("a0", "am", WriteKind::CreateIncident, "Old one", "2026-11-29T10:00:00Z"),
        row("a2", "incidentio", WriteKind::CreateIncident, "DB down", "2026-12-01T11:00:00Z"),
        decided, decidedToo, waiting};
    in.objectives.maxOpenBugs = 1;
    in.objectives.maxIncidentsPerWeek = 1;
    in.objectives.maxAndonsPerWeek = 1;
    SelfServiceRule rule;
    rule.pattern = QStringLiteral("read.?replica");
    rule.match = QRegularExpression(rule.pattern, QRegularExpression::CaseInsensitiveOption);
    in.lean.selfService = {rule};
    in.notes = QStringLiteral("Watch the payments migration.");
    return in;
}

QString items(const std::vector<HandoverItem> &list) {
    QStringList out;
    for (const HandoverItem &i : list)
        out.append(QStringLiteral("%1 %2 %3%4")
                       .arg(i.id, i.owner.isEmpty() ? QStringLiteral("unowned") : i.owner)
                       .arg(i.clockS >= 0 ? i.clockS : i.ageS)
                       .arg(i.inProgress ? QStringLiteral(" in-progress") : QString()));
    return out.join(QLatin1Char('|'));
}

QString aspect(const HandoverReport &r, const QString &name) {
    const HandoverPeriodTotals &p = r.period;
    if (name == QLatin1String("incidents"))
        return items(r.incidents);
    if (name == QLatin1String("post-mortems"))
        return items(p.postMortemsDue);
    if (name == QLatin1String("andons"))
        return items(r.andons);
    if (name == QLatin1String("bugs"))
        return items(r.bugs) + QStringLiteral(" WIP %1/%2").arg(r.bugsInProgress).arg(r.wipLimit);
    if (name == QLatin1String("pending"))
        return items(r.requestsPending);
    if (name == QLatin1String("investigating"))
        return items(r.requestsInvestigating);
    if (name == QLatin1String("triaged"))
        return QStringLiteral("%1 %2 %3 %4 RUN %5")
            .arg(p.triaged[0])
            .arg(p.triaged[1])
            .arg(p.triaged[2])
            .arg(p.triaged[3])
            .arg(p.runPercent.value_or(-1));
    if (name == QLatin1String("escalations")) {
        QStringList out;
        for (const HandoverEscalation &e : p.escalations)
            out.append(QStringLiteral("%1 %2 %3 %4")
                           .arg(e.id, e.title)
                           .arg(e.investigationS)
                           .arg(e.bugId));
        return out.join(QLatin1Char('|'));
    }
    if (name == QLatin1String("incidents in the period")) {
        QStringList resolved;
        for (qint64 s : p.resolveS)
            resolved.append(QString::number(s));
        QStringList declared;
        for (const HandoverAction &a : p.incidentsDeclared)
            declared.append(a.title);
        return QStringLiteral("new %1 resolved %2 median %3 declared %4")
            .arg(p.incidentsNew)
            .arg(resolved.join(QLatin1Char(',')))
            .arg(p.medianResolveS.value_or(-1))
            .arg(declared.join(QLatin1Char(',')));
    }
    if (name == QLatin1String("andons in the period")) {
        QStringList decisions;
        for (const HandoverAction &a : p.andonDecisions)
            decisions.append(QStringLiteral("%1 %2 (%3) by %4 to %5")
                                 .arg(a.title, a.decision, a.note, a.by, a.targets));
        return QStringLiteral("raised %1 resolved %2: %3")
            .arg(p.andonsRaised)
            .arg(p.andonsResolved)
            .arg(decisions.join(QLatin1Char('|')));
    }
    if (name == QLatin1String("outbox")) {
        QStringList out;
        for (const HandoverAction &a : p.outboxPending)
            out.append(QStringLiteral("%1 %2 %3 %4 %5")
                           .arg(writeKindName(a.kind), a.title, a.targets)
                           .arg(a.attempts)
                           .arg(a.lastError));
        return out.join(QLatin1Char('|'));
    }
    if (name == QLatin1String("objectives")) {
        QStringList out;
        for (const ObjectiveState &o : p.objectives)
            out.append(QStringLiteral("%1 %2 %3")
                           .arg(o.key)
                           .arg(o.latest)
                           .arg(o.met ? QStringLiteral("met") : QStringLiteral("missed")));
        return out.join(QLatin1Char('|'));
    }
    if (name == QLatin1String("toil")) {
        QStringList out;
        for (const ToilCandidate &c : r.toil)
            out.append(QStringLiteral("%1 / %2 / %3 / %4 min / %5")
                           .arg(c.label)
                           .arg(c.count)
                           .arg(c.requestIds.join(QLatin1Char(' ')))
                           .arg(c.investigationMin())
                           .arg(c.selfServiceRule.value_or(QStringLiteral("none"))));
        return out.join(QLatin1Char('|'));
    }
    return QStringLiteral("unknown aspect");
}

} // namespace

class TestHandoverReport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void report_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const QString &expected) {
            QTest::newRow(name) << QString::fromLatin1(name) << expected;
        };
        // Oldest first, an unknown age last; dutyboard's owner before the source's.
        row("incidents", QStringLiteral("i1 alice 10800|i2 unowned -1"));
        row("post-mortems", QStringLiteral("i3 carol 172800"));
        row("andons", QStringLiteral("h1 unowned 7200"));
        row("bugs", QStringLiteral("B-1 dave 86400 in-progress|B-2 unowned 259200 WIP 1/1"));
        // r3 is triaged, r4 escalated: neither is pending.
        row("pending", QStringLiteral("r1 unowned 1800"));
        row("investigating", QStringLiteral("r2 unowned 720"));
        // r8 was triaged before the period.
        row("triaged", QStringLiteral("1 3 0 1 RUN 60"));
        row("escalations", QStringLiteral("r4 docker pull fails 1320 B-9"));
        row("incidents in the period",
            QStringLiteral("new 2 resolved 3600,7200,1800 median 3600 declared DB down"));
        row("andons in the period",
            QStringLiteral("raised 1 resolved 1: payments-v2 continue (migration fixed) by bob to "
                           "am, duty"));
        row("outbox", QStringLiteral("create-bug docker pull fails jira 3 HTTP 503"));
        row("objectives", QStringLiteral("max_open_bugs 2 missed|max_incidents_per_week 2 "
                                         "missed|max_andons_per_week 1 met"));
        // r2's clock runs (12 min), r5's left the board unescalated (15 min at most).
        row("toil", QStringLiteral("create a read replica please / 4 / r1 r2 r6 r5 / 27 min / "
                                   "read.?replica"));
    }
    void report() {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(aspect(buildHandoverReport(scene()), name), expected);
    }

    void renderings() {
        const HandoverReport r = buildHandoverReport(scene());
        const QString md = handoverMarkdown(r);
        QVERIFY2(md.startsWith(QStringLiteral("# Handover of alice's RUN, Mon 30 Nov \u2192 Mon 7 "
                                              "Dec 2026\n")),
                 qPrintable(md.left(80)));
        QVERIFY(
            md.contains(QStringLiteral("- [SEV-2 \u00b7 Checkout latency above SLO]"
                                       "(https://tracker.example/i1) \u00b7 3 h \u00b7 alice")));
        QVERIFY(md.contains(QStringLiteral("\u00b7 age unknown \u00b7 **unowned**")));
        QVERIFY(md.contains(QStringLiteral("**Requests triaged: 5** (self-service 1 \u00b7 toil 3 "
                                           "\u00b7 bug 0 \u00b7 project 1) \u2014 **60 % RUN**")));
        QVERIFY(md.contains(QStringLiteral("1. 4 requests like \u201ccreate a read replica "
                                           "please\u201d \u2014 27 min of toil")));
        QVERIFY(md.contains(QStringLiteral("## Notes\nWatch the payments migration.")));
        const QString slack = slackText(md);
        QVERIFY(slack.contains(QStringLiteral("*Open now*")));
        QVERIFY(
            slack.contains(QStringLiteral("<https://tracker.example/i1|SEV-2 \u00b7 Checkout")));

        const nlohmann::json json = handoverJson(r);
        const nlohmann::json &toil = json.at("toil_candidates").at(0);
        QCOMPARE(toil.at("label").get<std::string>(), std::string("create a read replica please"));
        QCOMPARE(toil.at("count").get<int>(), 4);
        QCOMPARE(toil.at("request_ids").size(), size_t(4));
        QCOMPARE(toil.at("request_ids").at(0).get<std::string>(), std::string("r1"));
        QCOMPARE(toil.at("investigation_min").get<int>(), 27);
        QCOMPARE(toil.at("self_service_rule").get<std::string>(), std::string("read.?replica"));
        QCOMPARE(toil.size(), size_t(5));
        QCOMPARE(json.at("week").at("run_percent").get<double>(), 60.0);
        QVERIFY(json.at("open").at("incidents").at(1).at("owner").is_null());

        const QString html = handoverHtml(r);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<style>")));
        QVERIFY(html.contains(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"")));
        // Self-contained: nothing loaded from elsewhere.
        QVERIFY(!html.contains(QStringLiteral("<link")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
    }

    void sinceParsing_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("days") << QStringLiteral("7d") << since;
        QTest::newRow("hours") << QStringLiteral("36h") << at("2026-12-05T22:00:00Z");
        QTest::newRow("date") << QStringLiteral("2026-11-30") << at("2026-11-30T00:00:00Z");
        QTest::newRow("garbage") << QStringLiteral("last week") << QDateTime();
        QTest::newRow("future") << QStringLiteral("2027-01-01") << QDateTime();
    }
    void sinceParsing() {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QString error;
        const QDateTime got = parseSince(text, now, &error);
        QCOMPARE(got, expected);
        QCOMPARE(error.isEmpty(), expected.isValid());
    }

    // The period starts at the last handover; the notes written before it are gone with it;
    // the triage events of the period come back with their text.
    void periodAndNotesFromTheStore() {
        QTemporaryDir dir;
        Store store(testStateLocation(dir.filePath(QStringLiteral("state.sqlite"))));
        QString notice;
        QVERIFY2(store.open(&notice), qPrintable(notice));
        TriageStore::addWriters(&store);
        HandoverStore::addWriters(&store);

        HandoverState first =
            store.runBlocking([](QSqlDatabase &db) { return HandoverStore::read(db, {}, now); });
        QVERIFY(first.readable);
        QCOMPARE(first.since, now.addDays(-7));
        QVERIFY(!first.sinceLastHandover);

        const auto decide = [&store](const char *id, const char *title, const char *decision,
                                     const char *when) {
            return store
                .writeAndWait(QStringLiteral("triage"),
                              {{"source", "desk"},
                               {"item_id", id},
                               {"decision", decision},
                               {"decided_at", at(when).toMSecsSinceEpoch()},
                               {"decided_by", "alice"},
                               {"title", title}})
                .status;
        };
        QCOMPARE(decide("r1", "create a read replica", "toil", "2026-12-02T10:00:00Z"),
                 StoreWrite::Status::Applied);
        QCOMPARE(decide("r2", "VPN access", "self-service", "2026-12-04T10:00:00Z"),
                 StoreWrite::Status::Applied);
        // A later decision is no new first outcome.
        QCOMPARE(decide("r1", "create a read replica", "bug", "2026-12-04T11:00:00Z"),
                 StoreWrite::Status::Applied);
        QCOMPARE(store
                     .writeAndWait(QStringLiteral("handover-notes"),
                                   HandoverStore::notesData(QStringLiteral("old notes"),
                                                            at("2026-12-03T08:00:00Z"),
                                                            QStringLiteral("bob")))
                     .status,
                 StoreWrite::Status::Applied);
        const HandoverRecord done{at("2026-12-03T09:00:00Z"), QStringLiteral("bob"),
                                  QStringLiteral("alice"), at("2026-11-26T09:00:00Z"),
                                  QStringLiteral("old notes")};
        QCOMPARE(
            store.writeAndWait(QStringLiteral("handover"), HandoverStore::recordData(done)).status,
            StoreWrite::Status::Applied);
        // Replayed (a journal, a state copy): still one.
        QCOMPARE(
            store.writeAndWait(QStringLiteral("handover"), HandoverStore::recordData(done)).status,
            StoreWrite::Status::Applied);
        QCOMPARE(store
                     .writeAndWait(QStringLiteral("handover-notes"),
                                   HandoverStore::notesData(QStringLiteral("payments: watch it"),
                                                            at("2026-12-05T08:00:00Z"),
                                                            QStringLiteral("alice")))
                     .status,
                 StoreWrite::Status::Applied);
        // An older save arriving late loses.
        store.writeAndWait(QStringLiteral("handover-notes"),
                           HandoverStore::notesData(QStringLiteral("stale"),
                                                    at("2026-12-04T08:00:00Z"),
                                                    QStringLiteral("alice")));

        const HandoverState state =
            store.runBlocking([](QSqlDatabase &db) { return HandoverStore::read(db, {}, now); });
        QCOMPARE(state.since, done.at);
        QVERIFY(state.sinceLastHandover);
        QCOMPARE(state.last->from, QStringLiteral("bob"));
        QCOMPARE(state.notes, QStringLiteral("payments: watch it"));
        QCOMPARE(state.triagedInPeriod.size(), size_t(1));
        QCOMPARE(state.triagedInPeriod[0].id, QStringLiteral("r2"));
        QCOMPARE(state.triagedInPeriod[0].title, QStringLiteral("VPN access"));
        QCOMPARE(state.triagedInPeriod[0].outcome, Triage::SelfService);
        QCOMPARE(state.decisions.size(), size_t(2));
        QCOMPARE(store.runBlocking(HandoverStore::exportHandovers).size(), size_t(1));

        // --since wins over the last handover.
        const HandoverState given =
            store.runBlocking([](QSqlDatabase &db) { return HandoverStore::read(db, since, now); });
        QCOMPARE(given.since, since);
        QVERIFY(!given.sinceLastHandover);
        QCOMPARE(given.triagedInPeriod.size(), size_t(2));
        QCOMPARE(given.triagedInPeriod[0].title, QStringLiteral("create a read replica"));
        // No text at all (a decision copied from a desk; notes cleared; nobody on duty): kept
        // as empty text, never refused.
        QCOMPARE(
            store
                .writeAndWait(QStringLiteral("triage"), {{"source", "desk"},
                                                         {"item_id", "r9"},
                                                         {"decision", "toil"},
                                                         {"decided_at", now.toMSecsSinceEpoch()},
                                                         {"decided_by", "alice"}})
                .status,
            StoreWrite::Status::Applied);
        QCOMPARE(store
                     .writeAndWait(
                         QStringLiteral("handover"),
                         HandoverStore::recordData({now, QString(), QString(), since, QString()}))
                     .status,
                 StoreWrite::Status::Applied);
    }
};

QTEST_GUILESS_MAIN(TestHandoverReport)
#include "tst_handover_report.moc"
