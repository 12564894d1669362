// SPDX-License-Identifier: MIT
// The Kanban board's pure parts: column mapping, WIP states, due phrases, halted cards.
#include "core/board/Board.h"
#include "core/board/KanbanColumns.h"
#include "core/config/ConfigError.h"
#include "tests/support/KanbanFixture.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Item card(const QString &state, const QString &column = {}) {
    Item item;
    item.kind = ItemKind::Card;
    item.state = state;
    item.column = column;
    return item;
}

} // namespace

class TestKanban final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void columnMapping_data() {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mapped state") << u"doing"_s << u""_s << u"Work in progress"_s;
        QTest::newRow("map is case-insensitive") << u"ToDo"_s << u""_s << u"What's next"_s;
        QTest::newRow("column field wins over state") << u"doing"_s << u"done"_s << u"Done"_s;
        QTest::newRow("column's own name") << u"Dive-in"_s << u""_s << u"Dive-in"_s;
        QTest::newRow("own name, any case")
            << u"value ENGINEERING"_s << u""_s << u"Value engineering"_s;
        QTest::newRow("surrounding spaces") << u" done "_s << u""_s << u"Done"_s;
        QTest::newRow("unknown state") << u"blocked-by-vendor"_s << u""_s << u"Unmapped"_s;
        QTest::newRow("no state at all") << u""_s << u""_s << u"Unmapped"_s;
        QTest::newRow("unknown column field") << u"doing"_s << u"archive"_s << u"Unmapped"_s;
    }
    void columnMapping() {
        QFETCH(QString, state);
        QFETCH(QString, column);
        QFETCH(QString, expected);
        QCOMPARE(kanbanColumnFor(sampleKanbanConfig(), card(state, column)), expected);
    }

    void defaultsWithoutSection() {
        const KanbanConfig c = parseKanbanConfig(nlohmann::json::parse(R"({"sources":[]})"));
        QCOMPARE(c.columns.size(), size_t(5));
        QCOMPARE(c.columns[2].name, QStringLiteral("Work in progress"));
        QVERIFY(!c.columns[2].wip);
        QCOMPARE(c.columns[4].name, kanbanPullColumn());
    }

    void configErrorsNameTheKey_data() {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("section not an object") << QByteArray(R"({"kanban":[]})") << u"/kanban"_s;
        QTest::newRow("empty columns")
            << QByteArray(R"({"kanban":{"columns":[]}})") << u"/kanban/columns"_s;
        QTest::newRow("column without name")
            << QByteArray(R"({"kanban":{"columns":[{"wip":1}]}})") << u"/kanban/columns/0/name"_s;
        QTest::newRow("negative wip")
            << QByteArray(R"({"kanban":{"columns":[{"name":"A"},{"name":"B","wip":-1}]}})")
            << u"/kanban/columns/1/wip"_s;
        QTest::newRow("wip as text")
            << QByteArray(R"({"kanban":{"columns":[{"name":"A","wip":"2"}]}})")
            << u"/kanban/columns/0/wip"_s;
        QTest::newRow("duplicate column")
            << QByteArray(R"({"kanban":{"columns":[{"name":"A"},{"name":"a"}]}})")
            << u"/kanban/columns/1/name"_s;
        QTest::newRow("reserved name")
            << QByteArray(R"({"kanban":{"columns":[{"name":"Unmapped"}]}})")
            << u"/kanban/columns/0/name"_s;
        QTest::newRow("map to unknown column")
            << QByteArray(R"({"kanban":{"columns":[{"name":"A"}],"map":{"x":"B"}}})")
            << u"/kanban/map/x"_s;
    }
    void configErrorsNameTheKey() {
        QFETCH(QByteArray, config);
        QFETCH(QString, pointer);
        try {
            parseKanbanConfig(nlohmann::json::parse(config.toStdString()));
            QFAIL("accepted a bad config");
        } catch (const ConfigError &e) {
            QCOMPARE(e.pointer(), pointer);
        }
    }

    void wipStates() {
        const KanbanConfig config = sampleKanbanConfig();
        Items cards;
        const auto add = [&](const char *column, int n) {
            for (int i = 0; i < n; ++i)
                cards.push_back(card({}, QString::fromUtf8(column)));
        };
        add("Value engineering", 2); // at its limit: not exceeded
        add("Dive-in", 0);           // empty
        add("Work in progress", 2);  // 2 / 1: exceeded
        add("What's next", 7);       // no limit: never exceeded
        std::vector<KanbanColumnState> states = kanbanColumnStates(config, cards);
        QCOMPARE(states.size(), size_t(5)); // no "Unmapped" while it is empty
        QCOMPARE(states[0].countText(), QStringLiteral("2 / 2"));
        QVERIFY(!states[0].exceeded());
        QCOMPARE(states[1].countText(), QStringLiteral("0 / 1"));
        QVERIFY(!states[1].exceeded());
        QCOMPARE(states[2].countText(), QStringLiteral("2 / 1"));
        QVERIFY(states[2].exceeded());
        QCOMPARE(states[4].countText(), QStringLiteral("7"));
        QVERIFY(!states[4].exceeded());

        // A card in an unknown column shows up in "Unmapped", last.
        cards.push_back(card({}, kanbanUnmappedColumn()));
        states = kanbanColumnStates(config, cards);
        QCOMPARE(states.size(), size_t(6));
        QCOMPARE(states.back().name, kanbanUnmappedColumn());
        QCOMPARE(states.back().count, 1);

        // A zero limit is exceeded by the first card.
        KanbanConfig frozen;
        frozen.columns = {{QStringLiteral("Frozen"), 0}};
        QVERIFY(!kanbanColumnStates(frozen, {}).front().exceeded());
        QVERIFY(
            kanbanColumnStates(frozen, {card({}, QStringLiteral("Frozen"))}).front().exceeded());
    }

    void duePhrases_data() {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("due");
        QTest::addColumn<QString>("expected");
        const QDateTime morning = at("2026-11-30T09:00:00Z");
        QTest::newRow("same day, later") << morning << at("2026-11-30T18:00:00Z") << u"due today"_s;
        QTest::newRow("same day, earlier")
            << morning << at("2026-11-30T01:00:00Z") << u"due today"_s;
        QTest::newRow("tomorrow") << morning << at("2026-12-01T00:30:00Z") << u"due tomorrow"_s;
        QTest::newRow("four days")
            << morning << at("2026-12-04T12:00:00Z") << u"4 days remaining"_s;
        QTest::newRow("yesterday") << morning << at("2026-11-29T23:59:00Z") << u"1 day late"_s;
        QTest::newRow("three days late")
            << morning << at("2026-11-27T10:00:00Z") << u"3 days late"_s;
        QTest::newRow("across a month")
            << morning << at("2027-01-09T10:00:00Z") << u"40 days remaining"_s;
        QTest::newRow("just before midnight")
            << at("2026-11-30T23:59:59Z") << at("2026-12-01T00:00:00Z") << u"due tomorrow"_s;
        QTest::newRow("no due date") << morning << QDateTime() << u""_s;
    }
    void duePhrases() {
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, due);
        QFETCH(QString, expected);
        QCOMPARE(kanbanDueText(due, now), expected);
    }

    void boardMapsCardsAndFollowsAndons() {
        const QDateTime now = at("2026-11-30T09:00:00Z");
        ManualClock clock(now);
        Board board(clock);
        fillSampleKanban(board, now);
        PanelModel *cards = board.panel(ItemKind::Card);
        QCOMPARE(cards->rowCount(), 9);
        // Nothing leaks into the other panels.
        QCOMPARE(board.panel(ItemKind::Request)->rowCount(), 0);

        int halted = 0;
        for (int row = 0; row < cards->rowCount(); ++row) {
            const QModelIndex index = cards->index(row);
            if (index.data(PanelModel::HaltedRole).toBool()) {
                ++halted;
                QCOMPARE(index.data(PanelModel::TitleRole).toString(),
                         QStringLiteral("sftp-partner-gateway"));
                QCOMPARE(index.data(PanelModel::DueTextRole).toString(),
                         QStringLiteral("4 days remaining"));
                QCOMPARE(index.data(PanelModel::ColumnAgeTextRole).toString(),
                         QStringLiteral("30 h"));
            }
            if (index.data(PanelModel::IdRole).toString() == QLatin1String("P-9"))
                QCOMPARE(index.data(PanelModel::ColumnRole).toString(), kanbanUnmappedColumn());
        }
        QCOMPARE(halted, 1);

        const std::vector<KanbanColumnState> columns = board.kanbanColumns();
        QCOMPARE(columns.size(), size_t(6));
        QVERIFY(columns[2].exceeded());
        QCOMPARE(columns[5].name, kanbanUnmappedColumn());

        // The andon resolves: the card is no longer halted, and only that row is signalled.
        QSignalSpy changed(cards, &QAbstractItemModel::dataChanged);
        board.applySnapshot(QStringLiteral("halts"), {});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{PanelModel::HaltedRole});
        for (int row = 0; row < cards->rowCount(); ++row)
            QVERIFY(!cards->index(row).data(PanelModel::HaltedRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestKanban)
#include "tst_kanban.moc"
