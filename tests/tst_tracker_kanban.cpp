// SPDX-License-Identifier: MIT
// Kanban cards from issue trackers: Jira, GitLab and GitHub sources with "panel": "kanban" and a
// "columns" map of statuses and labels, polled end to end against the vendor fixtures (real
// HTTP on 127.0.0.1) onto a board, table-driven; due dates; config errors naming the key.
#include "core/board/KanbanColumns.h"
#include "core/config/ConfigError.h"
#include "tests/support/GitHubFixture.h"
#include "tests/support/GitLabFixture.h"
#include "tests/support/JiraFixture.h"
#include "tests/support/SourceProbe.h"
#include "tests/support/TestEnvironment.h"
#include "tests/support/TestSource.h"

#include <QtTest>

#include <memory>

using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

const char *const tokenEnv = "DUTYBOARD_TEST_TRACKER_TOKEN";

// The vendor's fixture, started, and a kanban source reading it.
struct Tracker {
    std::unique_ptr<JiraFixture> jira;
    std::unique_ptr<GitLabFixture> gitlab;
    std::unique_ptr<GitHubFixture> github;
    json source;
    bool started = false;
};

Tracker startTracker(const QString &vendor) {
    Tracker t;
    QByteArray url;
    if (vendor == QLatin1String("jira")) {
        t.jira = std::make_unique<JiraFixture>(JiraFixture::Flavor::Cloud);
        t.started = t.jira->start();
        url = t.jira->baseUrl();
        t.source = {{"type", "jira"}, {"jql", "project = SRE"}};
    } else if (vendor == QLatin1String("gitlab")) {
        t.gitlab = std::make_unique<GitLabFixture>();
        t.started = t.gitlab->start();
        url = t.gitlab->baseUrl();
        t.source = {{"type", "gitlab"}, {"project", "platform/sre"}};
    } else {
        t.github = std::make_unique<GitHubFixture>();
        t.started = t.github->start();
        url = t.github->baseUrl();
        t.source = {{"type", "github"}, {"repo", "acme/infra"}};
    }
    t.source["name"] = "team-board";
    t.source["panel"] = "kanban";
    t.source["url"] = url.toStdString();
    return t;
}

QByteArray sourceJson(const Tracker &tracker) {
    return probeSourceJson(tracker.source,
                           QByteArray::fromStdString(tracker.source["url"].get<std::string>()),
                           tokenEnv);
}

// "id → column" of every card, sorted: the board's order is not the point here.
QStringList columnsOf(const Items &items) {
    QStringList out;
    for (const Item &item : items)
        out.append(item.id + QStringLiteral(" \u2192 ") + item.column);
    out.sort();
    return out;
}

QStringList expectedColumns(const json &expected) {
    QStringList out;
    for (const auto &[id, column] : expected.items())
        out.append(QString::fromStdString(id) + QStringLiteral(" \u2192 ") +
                   QString::fromStdString(column.get<std::string>()));
    out.sort();
    return out;
}

} // namespace

class TestTrackerKanban final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareTestEnvironment();
        qputenv(tokenEnv, "tracker-token");
    }

    void cardColumns_data() {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QByteArray>("columns"); // the source's "columns", or null
        QTest::addColumn<QByteArray>("expected");

        // Jira: SRE-301 and 305 "In Progress", 304 "Waiting" with labels sre and ve, the rest
        // "To Do".
        QTest::newRow("jira: statuses, and a label over the status")
            << u"jira"_s
            << QByteArray(
                   "{\"In Progress\": \"Work in progress\", \"status:To Do\": \"What's next\", "
                   "\"label:ve\": \"Value engineering\"}")
            << QByteArray("{\"SRE-301\": \"Work in progress\", \"SRE-302\": \"What's next\", "
                          "\"SRE-303\": \"What's next\", \"SRE-304\": \"Value engineering\", "
                          "\"SRE-305\": \"Work in progress\", \"SRE-306\": \"What's next\", "
                          "\"SRE-307\": \"What's next\"}");
        QTest::newRow("jira: keys and statuses compared in any case")
            << u"jira"_s << QByteArray(R"({"in progress": "Dive-in", "LABEL:VE": "Done"})")
            << QByteArray(R"({"SRE-301": "Dive-in", "SRE-302": "Unmapped", "SRE-303": "Unmapped",
                              "SRE-304": "Done", "SRE-305": "Dive-in", "SRE-306": "Unmapped",
                              "SRE-307": "Unmapped"})");
        QTest::newRow("jira: without a map the board reads the status word")
            << u"jira"_s << QByteArray("null")
            << QByteArray(R"({"SRE-301": "Unmapped", "SRE-302": "Unmapped", "SRE-303": "Unmapped",
                              "SRE-304": "Unmapped", "SRE-305": "Unmapped", "SRE-306": "Unmapped",
                              "SRE-307": "Unmapped"})");
        // GitLab: 9101 severity::2, 9102 priority::1, the others only "bug"; all "opened".
        QTest::newRow("gitlab: scoped labels, then the state")
            << u"gitlab"_s
            << QByteArray("{\"label:severity::2\": \"Dive-in\", \"label:Priority::1\": \"Work in "
                          "progress\", "
                          "\"opened\": \"What's next\"}")
            << QByteArray("{\"9101\": \"Dive-in\", \"9102\": \"Work in progress\", \"9103\": "
                          "\"What's next\", "
                          "\"9104\": \"What's next\", \"9105\": \"What's next\"}");
        // GitHub: 44 [bug, P1], 43 [bug, "priority: high"], 42 [bug], 41 [bug, severity/odd].
        QTest::newRow("github: labels with spaces and slashes")
            << u"github"_s
            << QByteArray(R"({"label:P1": "Work in progress", "label:priority: high": "Dive-in",
                              "label:severity/odd": "Done"})")
            << QByteArray(R"({"44": "Work in progress", "43": "Dive-in", "42": "Unmapped",
                              "41": "Done"})");
        QTest::newRow("github: the issue's first mapped label wins")
            << u"github"_s
            << QByteArray("{\"label:bug\": \"What's next\", \"label:P1\": \"Work in progress\"}")
            << QByteArray(
                   "{\"44\": \"What's next\", \"43\": \"What's next\", \"42\": \"What's next\", "
                   "\"41\": \"What's next\"}");
    }
    void cardColumns() {
        QFETCH(QString, vendor);
        QFETCH(QByteArray, columns);
        QFETCH(QByteArray, expected);
        Tracker tracker = startTracker(vendor);
        const json map = json::parse(columns.toStdString());
        if (!map.is_null())
            tracker.source["columns"] = map;
        QVERIFY(tracker.started);
        SourceProbe probe(sourceJson(tracker));
        QVERIFY(probe.fetchOnce());
        QCOMPARE(probe.health().state, HealthState::Ok);
        for (const Item &item : probe.items())
            QCOMPARE(item.kind, ItemKind::Card);
        QCOMPARE(columnsOf(probe.items()), expectedColumns(json::parse(expected.toStdString())));
    }

    void dueDates_data() {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("due"); // empty: none
        QTest::newRow("jira duedate") << u"jira"_s << u"SRE-301"_s << u"2026-12-04T00:00:00Z"_s;
        QTest::newRow("jira without") << u"jira"_s << u"SRE-302"_s << QString();
        QTest::newRow("gitlab due_date") << u"gitlab"_s << u"9101"_s << u"2026-12-02T00:00:00Z"_s;
        QTest::newRow("gitlab without") << u"gitlab"_s << u"9102"_s << QString();
        QTest::newRow("github milestone due_on")
            << u"github"_s << u"44"_s << u"2026-12-01T08:00:00Z"_s;
        QTest::newRow("github without milestone") << u"github"_s << u"43"_s << QString();
    }
    void dueDates() {
        QFETCH(QString, vendor);
        QFETCH(QString, id);
        QFETCH(QString, due);
        Tracker tracker = startTracker(vendor);
        QVERIFY(tracker.started);
        SourceProbe probe(sourceJson(tracker));
        QVERIFY(probe.fetchOnce());
        const Items &items = probe.items();
        const auto card = std::find_if(items.begin(), items.end(),
                                       [&id](const Item &item) { return item.id == id; });
        QVERIFY(card != items.end());
        QCOMPARE(card->due.isValid() ? card->due.toUTC().toString(Qt::ISODate) : QString(), due);
    }

    void configErrors_data() {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("error");
        QTest::newRow("columns on a bugs source")
            << QByteArray(R"({"name":"b","type":"github","panel":"bugs","url":"http:\/\/h",
                              "repo":"a/b","columns":{"open":"Done"}})")
            << u"at /sources/0/columns: only a source with \"panel\": \"kanban\" maps to columns"_s;
        QTest::newRow("columns not an object")
            << QByteArray(R"({"name":"b","type":"gitlab","panel":"kanban","url":"http:\/\/h",
                              "project":"a/b","columns":["Done"]})")
            << u"at /sources/0/columns: expected an object of column names such as {\"In "
               "Progress\": \"Work in progress\", \"label:ve\": \"Value engineering\"}"_s;
        QTest::newRow("a column that is not a string")
            << QByteArray(R"({"name":"b","type":"jira","panel":"kanban","url":"http:\/\/h",
                              "jql":"x","columns":{"Done":3}})")
            << u"at /sources/0/columns/Done: expected an object of column names such as {\"In "
               "Progress\": \"Work in progress\", \"label:ve\": \"Value engineering\"}"_s;
        QTest::newRow("a label key without a label")
            << QByteArray(R"({"name":"b","type":"jira","panel":"kanban","url":"http:\/\/h",
                              "jql":"x","columns":{"label: ":"Done"}})")
            << u"at /sources/0/columns/label: : expected a status, \"status:<name>\" or "
               "\"label:<name>\" as the key"_s;
    }
    void configErrors() {
        QFETCH(QByteArray, source);
        QFETCH(QString, error);
        QCOMPARE(configErrorOf(json::parse(source.toStdString())), error);
    }

    // The columns a source names must be the board's: a typo is refused, not "Unmapped".
    void unknownColumnRefused() {
        const json root = json::parse(R"({
            "kanban": {"columns": [{"name": "Doing"}, {"name": "Done"}], "map": {"wip": "Doing"}},
            "sources": [{"name": "a", "columns": {"In Progress": "doing", "Review": "wip"}},
                        {"name": "b", "columns": {"label:x": "Done", "Closed": "Finished"}}]})");
        try {
            parseKanbanConfig(root);
            QFAIL("accepted a column the board does not have");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), u"/sources/1/columns/Closed"_s);
            QVERIFY2(e.describe().contains(u"not \"Finished\""_s), qPrintable(e.describe()));
        }
        // Without a "kanban" section the default columns count.
        QVERIFY_THROWS_NO_EXCEPTION(parseKanbanConfig(json::parse(
            "{\"sources\": [{\"name\": \"a\", \"columns\": {\"x\": \"What's next\"}}]}")));
    }
};

QTEST_GUILESS_MAIN(TestTrackerKanban)
#include "tst_tracker_kanban.moc"
