// SPDX-License-Identifier: MIT
#include "core/board/ItemDiff.h"
#include "tests/support/TestEnvironment.h"

#include <QTest>

Q_DECLARE_METATYPE(Items)

namespace {
Item item(const char *id, const char *title) {
    Item it;
    it.source = QStringLiteral("s");
    it.id = QLatin1String(id);
    it.title = QLatin1String(title);
    return it;
}
} // namespace

class TestItemDiff final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void diff_data() {
        QTest::addColumn<Items>("before");
        QTest::addColumn<Items>("after");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("changed");
        QTest::addColumn<QStringList>("removed");
        QTest::newRow("empty to empty") << Items{} << Items{} << 0 << 0 << QStringList{};
        QTest::newRow("all new") << Items{} << Items{item("a", "A"), item("b", "B")} << 2 << 0
                                 << QStringList{};
        QTest::newRow("unchanged")
            << Items{item("a", "A")} << Items{item("a", "A")} << 0 << 0 << QStringList{};
        QTest::newRow("title changed")
            << Items{item("a", "A")} << Items{item("a", "A2")} << 0 << 1 << QStringList{};
        QTest::newRow("removed") << Items{item("a", "A"), item("b", "B")} << Items{item("b", "B")}
                                 << 0 << 0 << QStringList{QStringLiteral("a")};
        QTest::newRow("mixed") << Items{item("a", "A"), item("b", "B"), item("c", "C")}
                               << Items{item("c", "C!"), item("d", "D"), item("a", "A")} << 1 << 1
                               << QStringList{QStringLiteral("b")};
        QTest::newRow("duplicate in next")
            << Items{} << Items{item("a", "A"), item("a", "A")} << 1 << 0 << QStringList{};
    }

    void diff() {
        QFETCH(Items, before);
        QFETCH(Items, after);
        QFETCH(int, inserted);
        QFETCH(int, changed);
        QFETCH(QStringList, removed);
        std::vector<const Item *> previous;
        for (const Item &it : before)
            previous.push_back(&it);
        const SnapshotDiff d = diffSnapshot(previous, after);
        QCOMPARE(int(d.inserted.size()), inserted);
        QCOMPARE(int(d.changed.size()), changed);
        QStringList gone(d.removed.begin(), d.removed.end());
        QCOMPARE(gone, removed);
    }
};

QTEST_GUILESS_MAIN(TestItemDiff)
#include "tst_itemdiff.moc"
