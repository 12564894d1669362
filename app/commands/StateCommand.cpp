// SPDX-License-Identifier: MIT
#include "StateCommand.h"

#include "core/lean/StateCopy.h"
#include "core/store/Store.h"
#include "core/store/StoreSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTimer>

namespace {

const char *const leanTables[] = {"investigation_clocks", "triage",   "escalations",
                                  "escalation_claims",    "outbox",   "history",
                                  "ownerships",           "handovers"};

void say(std::FILE *out, const QString &line) {
    std::fprintf(out, "%s\n", qPrintable(line));
}

int countOf(Store &store, const QString &sql) {
    return store.runBlocking([sql](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    });
}

// A notice sent on one connection and heard on another: milliseconds, or -1 after 3 s.
qint64 listenRoundTrip(Store &sender, const StoreLocation &where) {
    Store listener(where);
    QString notice;
    if (!listener.open(&notice) || !listener.isReachable())
        return -1;
    QEventLoop loop;
    bool heard = false;
    QObject::connect(&listener, &Store::changedElsewhere, &loop, [&](const QString &topic) {
        if (topic == QLatin1String("state-check")) {
            heard = true;
            loop.quit();
        }
    });
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    QElapsedTimer took;
    took.start();
    sender.post([](QSqlDatabase &db) { Store::announce(db, QStringLiteral("state-check")); });
    loop.exec();
    return heard ? took.elapsed() : -1;
}

} // namespace

int checkState(const StoreLocation &where, std::FILE *out) {
    say(out, QStringLiteral("backend: %1").arg(where.describe()));
    Store store(where);
    QString notice;
    const bool opened = store.open(&notice);
    QCoreApplication::processEvents(); // the journal's count and the reachability arrive queued
    if (!opened || !store.isReachable()) {
        say(out,
            QStringLiteral("state: %1").arg(notice.isEmpty() ? store.unreachableReason() : notice));
        if (store.journalSize() > 0)
            say(out, QStringLiteral("journal: %1 change(s) waiting in %2")
                         .arg(store.journalSize())
                         .arg(where.journalPath));
        return 1;
    }
    const int version =
        store.runBlocking([](QSqlDatabase &db) { return StoreSchema::versionOf(db); });
    say(out, QStringLiteral("schema version: %1 (this dutyboard writes %2)")
                 .arg(version)
                 .arg(StoreSchema::version));
    QStringList rows;
    for (const char *table : leanTables)
        rows.append(
            QStringLiteral("%1 %2")
                .arg(QLatin1String(table))
                .arg(countOf(store,
                             QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)))));
    say(out, QStringLiteral("rows: %1").arg(rows.join(QStringLiteral(", "))));
    say(out, QStringLiteral("outbox pending: %1")
                 .arg(countOf(store, QStringLiteral(
                                         "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"))));
    if (!where.isShared()) {
        say(out, QStringLiteral("listen: not used (one desk)"));
        return 0;
    }
    say(out,
        QStringLiteral("journal: %1 change(s) waiting on this machine").arg(store.journalSize()));
    const qint64 roundTrip = listenRoundTrip(store, where);
    if (roundTrip < 0) {
        say(out, QStringLiteral("listen: no notice came back within 3 s"));
        return 1;
    }
    say(out, QStringLiteral("listen: ok (a notice came back in %1 ms)").arg(roundTrip));
    return 0;
}

int copyState(const QString &sqlitePath, const StoreLocation &to, std::FILE *out) {
    if (!to.isShared()) {
        say(out, QStringLiteral("state copy: the config's \"state\" is not a team store "
                                "(\"type\": \"postgres\"); nothing to copy into"));
        return 1;
    }
    if (!QFileInfo::exists(sqlitePath)) {
        say(out, QStringLiteral("state copy: no desk state at %1").arg(sqlitePath));
        return 1;
    }
    Store from(sqlitePath);
    StoreLocation target = to;
    target.journalPath.clear(); // copied now or not at all
    Store team(target);
    QString notice;
    if (!from.open(&notice) || !team.open(&notice) || !team.isReachable()) {
        say(out, QStringLiteral("state copy: %1")
                     .arg(notice.isEmpty() ? team.unreachableReason() : notice));
        return 1;
    }
    const StateCopyReport report = copyLeanState(from, team);
    say(out, QStringLiteral("from sqlite:%1 to %2").arg(sqlitePath, to.describe()));
    say(out, QStringLiteral("copied: %1 clock(s), %2 triage decision(s), %3 escalation(s), %4 "
                            "pending action(s) (%5 already there), %6 history sample(s) (%7 "
                            "already covered), %8 owned item(s), %9 handover(s)")
                 .arg(report.clocks)
                 .arg(report.decisions)
                 .arg(report.escalations)
                 .arg(report.actionsNew)
                 .arg(report.actionsThere)
                 .arg(report.samples)
                 .arg(report.samplesThere)
                 .arg(report.owned)
                 .arg(report.handovers));
    for (const QString &refusal : report.refused)
        say(out, QStringLiteral("not copied: %1").arg(refusal));
    if (!report.error.isEmpty()) {
        say(out, QStringLiteral("stopped: %1 (run it again: what was copied stays, once)")
                     .arg(report.error));
        return 1;
    }
    return 0;
}
