// SPDX-License-Identifier: MIT
#include "StoreSchema.h"

#include "core/store/HistorySql.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace StoreSchema {

namespace {

// Times are milliseconds since the epoch: BIGINT (PostgreSQL's INTEGER is 32 bits; SQLite reads
// BIGINT as INTEGER). %1 is the outbox's own row id, the one type the two spell differently.
const char *const versionOneTables[] = {
    "CREATE TABLE IF NOT EXISTS investigation_clocks("
    " source TEXT NOT NULL, item_id TEXT NOT NULL,"
    " started_at BIGINT NOT NULL, breached_at BIGINT,"
    " escalated_at BIGINT, bug_id TEXT, bug_url TEXT,"
    " PRIMARY KEY(source, item_id))",

    "CREATE TABLE IF NOT EXISTS triage("
    " source TEXT NOT NULL, item_id TEXT NOT NULL, decision TEXT NOT NULL,"
    " decided_at BIGINT NOT NULL, decided_by TEXT, PRIMARY KEY(source, item_id))",

    "CREATE TABLE IF NOT EXISTS escalations("
    " action_id TEXT PRIMARY KEY, source TEXT NOT NULL,"
    " item_id TEXT NOT NULL, title TEXT NOT NULL, state TEXT NOT NULL,"
    " bug_id TEXT, bug_url TEXT, bug_target TEXT)",

    // One row per request ever escalated: the database, not timing, decides who files the bug.
    "CREATE TABLE IF NOT EXISTS escalation_claims("
    " source TEXT NOT NULL, item_id TEXT NOT NULL, action_id TEXT NOT NULL,"
    " claimed_by TEXT NOT NULL, claimed_at BIGINT NOT NULL, PRIMARY KEY(source, item_id))",

    "CREATE TABLE IF NOT EXISTS outbox("
    " id %1,"
    " action_id TEXT NOT NULL,"
    " target TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " payload TEXT NOT NULL,"
    " idempotency_key TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'pending',"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " last_error TEXT NOT NULL DEFAULT '',"
    " created_at BIGINT NOT NULL,"
    " next_attempt_at BIGINT NOT NULL,"
    " delivered_at BIGINT,"
    " created_id TEXT, created_url TEXT,"
    " claimed_by TEXT, claimed_until BIGINT,"
    " UNIQUE(action_id, target))",

    "CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, id)",
};

// Version 2: what a team shares beyond the lean workflow. The history moves here from its own
// ad-hoc table creation (HistorySql::createSchema, which also upgrades a 0.1 table).
const char *const versionTwoTables[] = {
    // Each first triage outcome and each toil escalated to a bug, as the store decided them:
    // the history counts these, whichever instance made the decision.
    // kind: "first" (its outcome) or "escalated"; once each per request.
    "CREATE TABLE IF NOT EXISTS triage_events("
    " id %1, source TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL,"
    " outcome TEXT NOT NULL, at BIGINT NOT NULL, UNIQUE(source, item_id, kind))",
    "CREATE INDEX IF NOT EXISTS triage_events_at ON triage_events(at)",

    // What someone in front of a wall acknowledged, per wall name: two TVs can differ.
    "CREATE TABLE IF NOT EXISTS wall_acks("
    " wall TEXT NOT NULL, kind TEXT NOT NULL, item_key TEXT NOT NULL,"
    " acked_at BIGINT NOT NULL, PRIMARY KEY(wall, kind, item_key))",

    // The on-duty person set by hand, in place of `replaced` (the schedule's name then): one
    // row; an empty person clears it.
    "CREATE TABLE IF NOT EXISTS on_duty("
    " id INTEGER PRIMARY KEY CHECK (id = 1), person TEXT NOT NULL,"
    " set_at BIGINT NOT NULL, set_by TEXT NOT NULL, replaced TEXT NOT NULL)",
};

// Version 3: who owns what ("I'm on it"), one owner per item: the primary key decides between
// two screens acknowledging at once. action_id: the outbox action that does it in the source.
const char *const versionThreeTables[] = {
    "CREATE TABLE IF NOT EXISTS ownerships("
    " source TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,"
    " owner TEXT NOT NULL, owned_since BIGINT NOT NULL, action_id TEXT NOT NULL,"
    " target TEXT NOT NULL, acknowledged_at BIGINT, reference TEXT, reference_url TEXT,"
    " ends_at BIGINT, PRIMARY KEY(source, item_id))",
};

// Version 4: the handover. One row per handover done (the next period starts at `at`); the
// notes the outgoing person is writing, one row, the latest saved wins; the request's text on
// each triage event, so the period's requests can be grouped once they left the board.
const char *const versionFourTables[] = {
    "CREATE TABLE IF NOT EXISTS handovers("
    " id %1, at BIGINT NOT NULL, from_person TEXT NOT NULL, to_person TEXT NOT NULL,"
    " period_since BIGINT NOT NULL, notes TEXT NOT NULL, UNIQUE(at, to_person))",
    "CREATE TABLE IF NOT EXISTS handover_notes("
    " id INTEGER PRIMARY KEY CHECK (id = 1), notes TEXT NOT NULL,"
    " saved_at BIGINT NOT NULL, saved_by TEXT NOT NULL)",
    "ALTER TABLE triage_events ADD COLUMN title TEXT NOT NULL DEFAULT ''",
};

bool run(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1 (in: %2)").arg(q.lastError().text(), sql.left(60));
    return false;
}

template <size_t N>
bool createTables(QSqlDatabase &db, const char *const (&tables)[N], QString *error) {
    const QString id = isPostgres(db) ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                      : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    for (const char *sql : tables) {
        QString text = QString::fromLatin1(sql);
        if (text.contains(QLatin1String("%1")))
            text = text.arg(id);
        if (!run(db, text, error))
            return false;
    }
    return true;
}

bool createVersionTwo(QSqlDatabase &db, QString *error) {
    if (!createTables(db, versionTwoTables, error))
        return false;
    if (!HistorySql::createSchema(db)) {
        *error = QStringLiteral("the history table: %1").arg(db.lastError().text());
        return false;
    }
    return true;
}

bool migrateLocked(QSqlDatabase &db, QString *error) {
    if (!run(
            db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS dutyboard_schema(version INTEGER NOT NULL)"),
            error))
        return false;
    const int found = versionOf(db);
    if (found > version) {
        *error = QStringLiteral("the state's schema is at version %1, newer than this dutyboard "
                                "knows (%2): upgrade dutyboard; the state was left as it is")
                     .arg(found)
                     .arg(version);
        return false;
    }
    if (found == version)
        return true;
    if (found < 1 && !createTables(db, versionOneTables, error))
        return false;
    if (found < 2 && !createVersionTwo(db, error))
        return false;
    if (found < 3 && !createTables(db, versionThreeTables, error))
        return false;
    if (found < 4 && !createTables(db, versionFourTables, error))
        return false;
    return run(db, QStringLiteral("DELETE FROM dutyboard_schema"), error) &&
           run(db, QStringLiteral("INSERT INTO dutyboard_schema(version) VALUES (%1)").arg(version),
               error);
}

} // namespace

bool isPostgres(const QSqlDatabase &db) {
    return db.driverName() == QLatin1String("QPSQL");
}

int versionOf(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM dutyboard_schema")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool migrate(QSqlDatabase &db, QString *error) {
    // One instance at a time: PostgreSQL by a lock for this schema, SQLite by taking the write
    // lock at BEGIN. DDL is transactional in both: a failed step leaves nothing half-made.
    const bool postgres = isPostgres(db);
    if (!run(db, postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    if (postgres && !run(db,
                         QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('dutyboard schema ' "
                                        "|| current_schema()))"),
                         error)) {
        run(db, QStringLiteral("ROLLBACK"), error);
        return false;
    }
    if (!migrateLocked(db, error)) {
        QString ignored;
        run(db, QStringLiteral("ROLLBACK"), &ignored);
        return false;
    }
    return run(db, QStringLiteral("COMMIT"), error);
}

} // namespace StoreSchema
