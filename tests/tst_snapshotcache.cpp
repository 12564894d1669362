// SPDX-License-Identifier: MIT
// The last good items survive a restart: shown at once marked stale, replaced by the first
// fresh answer, kept (still stale, with the new reason) when the source fails.
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/http/HttpClient.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "core/store/ItemStream.h"
#include "core/store/SnapshotCache.h"
#include "core/store/Store.h"
#include "demo/loopback/LoopbackHttpServer.h"
#include "tests/support/TestEnvironment.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

namespace {

const QByteArray twoAlerts = R"([
  {"fingerprint":"a1","labels":{"alertname":"DiskFull","severity":"critical"},
   "annotations":{"summary":"Disk full on db-1"},"startsAt":"2026-11-30T09:00:00Z",
   "status":{"state":"active","silencedBy":[],"inhibitedBy":[]}},
  {"fingerprint":"a2","labels":{"alertname":"Andon","andon":"true","project":"sftp"},
   "annotations":{"reason":"no backups","raised_by":"alice"},"startsAt":"2026-11-30T09:05:00Z",
   "status":{"state":"active","silencedBy":[],"inhibitedBy":[]}}])";

// One dashboard run on a state file: board, poller, store and cache, torn down in order.
struct Run {
    Run(const QString &statePath, const QByteArray &url)
        : store(statePath) {
        QString notice;
        opened = store.open(&notice);
        const AppConfig config = parseConfig(
            R"({"sources":[{"name":"am","type":"alertmanager","panel":"incidents","url":")" + url +
                R"("}]})",
            QStringLiteral("test"));
        poller.addSource(sources.add(ConnectorRegistry::builtin().create(config.sources[0])));
    }
    const SourceHealth &health() const {
        return board.health()->source(QStringLiteral("am"))->health;
    }
    int items() const {
        return board.panel(ItemKind::Incident)->rowCount() +
               board.panel(ItemKind::Andon)->rowCount();
    }
    // Fetches once and waits for the answer.
    bool fetch() {
        QSignalSpy answered(&board, &Board::sourceRefreshed);
        poller.fetchAllOnce();
        return answered.wait(5000);
    }

    Store store;
    bool opened = false;
    Board board{Clock::system()};
    HttpClient http;
    SourceSet sources; // outlives the poller
    Poller poller{&board, &http};
    SnapshotCache cache{&store, &board, sources.lookup()};
};

// A run that fetches once and saves what it got, then quits.
bool runOnceAndSave(const QString &statePath, const QByteArray &url) {
    Run run(statePath, url);
    if (!run.opened || !run.fetch() || run.items() == 0)
        return false;
    run.cache.saveNow();
    return true;
}

} // namespace

class TestSnapshotCache final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { prepareTestEnvironment(); }

    void itemsRoundTrip() {
        Item item;
        item.kind = ItemKind::Card;
        item.source = QStringLiteral("board");
        item.id = QStringLiteral("42");
        item.title = QStringLiteral("Migrate SFTP — é");
        item.state = QStringLiteral("open");
        item.createdAt = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
        item.people = {QStringLiteral("alice"), QStringLiteral("bob")};
        item.url = QStringLiteral("https://example.test/42");
        item.severity = severityFromText(QStringLiteral("sev-weird"));
        item.project = QStringLiteral("sftp");
        item.reason = QStringLiteral("r");
        item.raisedBy = QStringLiteral("carol");
        item.column = QStringLiteral("wip");
        item.due = item.createdAt.addDays(3);
        item.columnSince = item.createdAt.addDays(-1);
        Items back;
        QVERIFY(decodeItems(encodeItems({item, Item()}), &back));
        QCOMPARE(back.size(), size_t(2));
        QVERIFY(back[0] == item);
        QVERIFY(back[1] == Item());
    }

    void damagedBytesReadAsNothingSaved() {
        const QByteArray good = encodeItems({Item(), Item()});
        Items items{Item()};
        QVERIFY(!decodeItems(QByteArray(), &items));
        QVERIFY(!decodeItems(good.left(good.size() - 3), &items));
        QByteArray otherVersion = good;
        otherVersion[7] = 9; // the format version's last byte
        QVERIFY(!decodeItems(otherVersion, &items));
        QByteArray hugeCount = good;
        hugeCount[8] = char(0x7f); // the item count's first byte
        QVERIFY(!decodeItems(hugeCount, &items));
        QCOMPARE(items.size(), size_t(1)); // untouched
    }

    void restartShowsTheSavedItemsStaleUntilTheSourceAnswers() {
        std::atomic<int> status{200};
        LoopbackHttpServer server([&status](const HttpServerRequest &) {
            return status == 200 ? HttpServerResponse::json(twoAlerts)
                                 : HttpServerResponse::json("{}", status);
        });
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        QDateTime firstAnswer;
        {
            Run first(path, server.baseUrl());
            QVERIFY(first.opened);
            QVERIFY(first.fetch());
            QCOMPARE(first.items(), 2);
            firstAnswer = first.health().lastSuccess;
            first.cache.saveNow();
        } // the store writes what was queued before it closes

        status = 503;
        Run second(path, server.baseUrl());
        QCOMPARE(second.items(), 0);
        QSignalSpy loaded(&second.cache, &SnapshotCache::loaded);
        second.cache.load();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.at(0).at(0).toInt(), 1);
        QCOMPARE(second.items(), 2);
        QCOMPARE(second.board.panel(ItemKind::Andon)->items().at(0).reason,
                 QStringLiteral("no backups"));
        QCOMPARE(second.health().state, HealthState::Stale);
        QVERIFY(second.health().error.contains(QLatin1String("saved copy")));
        QVERIFY(qAbs(second.health().lastSuccess.msecsTo(firstAnswer)) < 1000);

        // The source fails: the saved items stay, still stale, now with the server's reason.
        QVERIFY(second.fetch());
        QCOMPARE(second.items(), 2);
        QCOMPARE(second.health().state, HealthState::Stale);
        QVERIFY2(second.health().error.contains(QLatin1String("503")),
                 qPrintable(second.health().error));

        // It answers again: fresh, the same two items (nothing blinked away).
        status = 200;
        QVERIFY(second.fetch());
        QCOMPARE(second.health().state, HealthState::Ok);
        QCOMPARE(second.items(), 2);
    }

    void aFreshAnswerIsNeverReplacedBySavedItems() {
        std::atomic<bool> empty{false};
        LoopbackHttpServer server([&empty](const HttpServerRequest &) {
            return HttpServerResponse::json(empty ? QByteArray("[]") : twoAlerts);
        });
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        QVERIFY(runOnceAndSave(path, server.baseUrl()));
        empty = true; // every alert resolved while the dashboard was off
        Run second(path, server.baseUrl());
        QVERIFY(second.fetch());
        QSignalSpy loaded(&second.cache, &SnapshotCache::loaded);
        second.cache.load();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.at(0).at(0).toInt(), 0);
        QCOMPARE(second.items(), 0);
        QCOMPARE(second.health().state, HealthState::Ok);
    }

    void aSourceThatFailedFirstKeepsItsReason() {
        std::atomic<int> status{200};
        LoopbackHttpServer server([&status](const HttpServerRequest &) {
            return status == 200 ? HttpServerResponse::json(twoAlerts)
                                 : HttpServerResponse::json("{}", status);
        });
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        QVERIFY(runOnceAndSave(path, server.baseUrl()));
        status = 503;
        Run second(path, server.baseUrl());
        QVERIFY(second.fetch()); // fails before the saved copy is read
        QCOMPARE(second.health().state, HealthState::Failed);
        QSignalSpy loaded(&second.cache, &SnapshotCache::loaded);
        second.cache.load();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(second.items(), 2);
        QCOMPARE(second.health().state, HealthState::Stale);
        QVERIFY2(second.health().error.contains(QLatin1String("503")),
                 qPrintable(second.health().error));
    }

    void aSourceMovedElsewhereStartsEmpty() {
        LoopbackHttpServer server(
            [](const HttpServerRequest &) { return HttpServerResponse::json(twoAlerts); });
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.sqlite"));
        QVERIFY(runOnceAndSave(path, server.baseUrl()));
        Run second(path, "http://127.0.0.1:1"); // same name, another URL
        QSignalSpy loaded(&second.cache, &SnapshotCache::loaded);
        second.cache.load();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.at(0).at(0).toInt(), 0);
        QCOMPARE(second.items(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotCache)
#include "tst_snapshotcache.moc"
