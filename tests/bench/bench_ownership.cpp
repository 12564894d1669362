// SPDX-License-Identifier: MIT
// What "I'm on it" costs the UI thread on a bad day (figures, not assertions). Run after building:
//   ./build/tests/bench/bench_ownership [alerts] [owned] [runs]
// Prints the median and range of: the OwnershipKeeper's check of one source after it answered
// (every owned item looked up among the source's alerts, nothing to renew or end), and the
// UnownedItems check (every SEV-1/2 looked at for an owner), on a board of `alerts` alerts
// (default 50,000) of which `owned` (default 50) are owned through dutyboard.
#include "core/attention/UnownedItems.h"
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/config/LeanConfig.h"
#include "core/http/HttpClient.h"
#include "core/lean/LeanState.h"
#include "core/ownership/OwnershipKeeper.h"
#include "core/ownership/OwnershipTable.h"
#include "core/sources/ConnectorRegistry.h"
#include "core/store/Store.h"
#include "tests/bench/BenchTiming.h"
#include "tests/support/BoardFixture.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int alerts = argc > 1 ? std::max(1, atoi(argv[1])) : 50000;
    const int owned = argc > 2 ? std::clamp(atoi(argv[2]), 0, alerts) : 50;
    const int runs = argc > 3 ? std::max(1, atoi(argv[3])) : 50;
    const QString source = QStringLiteral("prod-alerts");

    const QDateTime now = QDateTime::currentDateTimeUtc();
    ManualClock clock(now);
    Board board(clock);
    board.health()->addSource(
        fixtureSource(source, QStringLiteral("alertmanager"), QStringLiteral("incidents")));
    Items items;
    items.reserve(static_cast<std::size_t>(alerts));
    for (int i = 0; i < alerts; ++i) {
        Item item;
        item.kind = ItemKind::Incident;
        item.source = source;
        item.id = QStringLiteral("fp%1").arg(i);
        item.title = QStringLiteral("synthetic alert %1").arg(i);
        item.state = QStringLiteral("active");
        item.createdAt = now.addSecs(-3600);
        item.severity =
            severityFromText(i % 10 == 0 ? QStringLiteral("critical") : QStringLiteral("warning"));
        items.push_back(std::move(item));
    }
    board.applySnapshot(source, items);

    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("state.sqlite")));
    QString notice;
    if (!store.open(&notice)) {
        std::fprintf(stderr, "state: %s\n", qPrintable(notice));
        return 1;
    }
    HttpClient http;
    LeanConfig config;
    LeanState state(
        &store, &http, [](const QString &) -> const Connector * { return nullptr; }, clock, config);
    for (int i = 0; i < owned; ++i) {
        OwnershipChange take;
        take.ownership.source = source;
        take.ownership.itemId = QStringLiteral("fp%1").arg(i * (alerts / std::max(1, owned)));
        take.ownership.title = QStringLiteral("owned");
        take.ownership.owner = QStringLiteral("victor");
        take.ownership.since = now;
        const QString refusal = store.runBlocking([&take](QSqlDatabase &db) {
            bool failed = false;
            return OwnershipTable::apply(db, take, &failed);
        });
        if (!refusal.isEmpty())
            std::fprintf(stderr, "not owned: %s\n", qPrintable(refusal));
    }
    QSignalSpy loaded(state.ownerships(), &Ownerships::loaded);
    state.ownerships()->load();
    loaded.wait(10000);

    // The keeper reads this source: an Alertmanager connector (never asked to write here:
    // every owned alert is listed, and no silence is near its end).
    const auto connector = ConnectorRegistry::builtin().create(
        parseConfig(R"({"sources":[{"name":"prod-alerts","type":"alertmanager",)"
                    R"("panel":"incidents","url":"http://127.0.0.1:1"}]})",
                    QStringLiteral("bench"))
            .sources[0]);
    OwnershipKeeper keeper(&board, &state, [&connector](const QString &) -> const Connector * {
        return connector.get();
    });
    std::printf("%d alerts, %d owned, %d runs\n", alerts, owned, runs);
    benchReport("keeper: a source's owned alerts checked after it answered",
                benchTimed(runs, [&]() { keeper.check(source); }));
    if (static_cast<int>(state.ownerships()->all().size()) != owned)
        std::fprintf(stderr, "the keeper ended some: %zu left\n", state.ownerships()->all().size());

    UnownedItems unowned(
        &board, 5,
        [&state](const Item &item) {
            const Ownership *o = state.ownerships()->find(item.source, item.id);
            return o ? o->owner : item.owner;
        },
        config.inProgress);
    benchReport("unowned: every SEV-1/2 looked at for an owner",
                benchTimed(runs, [&]() { unowned.check(); }));
    std::printf("unowned SEV-1/2 now: %d\n", unowned.severeCount());
    return 0;
}
