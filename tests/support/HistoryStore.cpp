// SPDX-License-Identifier: MIT
#include "HistoryStore.h"

#include <QTest>

HistorySample sampleAt(const QDateTime &t, int bugsOpen) {
    HistorySample s;
    s.at = t;
    s.bugsOpen = bugsOpen;
    return s;
}

bool openCleanStore(Store &store) {
    QString notice;
    return store.open(&notice) && notice.isEmpty();
}

HistorySamples loadAllHistory(Store &store) {
    return store.runBlocking([](QSqlDatabase &db) { return HistorySql::load(db, {}); });
}

int pruneHistory(Store &store, const QDateTime &now, const HistoryLimits &limits) {
    return store.runBlocking([&](QSqlDatabase &db) { return HistorySql::prune(db, now, limits); });
}

HistorySamples loadHistoryAndWait(History &history, const QDateTime &since) {
    HistorySamples loaded;
    bool done = false;
    QObject context;
    history.load(since, &context, [&](HistorySamples samples) {
        loaded = std::move(samples);
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        return {};
    return loaded;
}
