// SPDX-License-Identifier: MIT
#include "StateCopy.h"

#include "core/handover/HandoverStore.h"
#include "core/ownership/OwnershipTable.h"

#include "core/lean/EscalationTable.h"
#include "core/lean/Escalations.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/OutboxTable.h"
#include "core/lean/TriageStore.h"
#include "core/store/HistorySql.h"
#include "core/store/Store.h"
#include "core/time/Clock.h"

#include <QSqlQuery>

namespace {

std::vector<Escalation> readEscalations(QSqlDatabase &db) {
    std::vector<Escalation> rows;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT action_id, source, item_id, title, state, bug_id, bug_url, "
                          "bug_target FROM escalations ORDER BY rowid"));
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                        q.value(6).toString(), q.value(7).toString()});
    return rows;
}

} // namespace

StateCopyReport copyLeanState(Store &from, Store &to) {
    StateCopyReport report;
    InvestigationClocks::addWriters(&to);
    TriageStore::addWriters(&to);
    Escalations::addWriters(&to);
    OutboxTable::addWriters(&to);
    HandoverStore::addWriters(&to);
    const auto write = [&to, &report](const QString &kind, const nlohmann::json &data) {
        const StoreWrite result = to.writeAndWait(kind, data);
        if (result.status == StoreWrite::Status::Failed ||
            result.status == StoreWrite::Status::Journaled)
            report.error = result.reason.isEmpty() ? QStringLiteral("the target did not answer")
                                                   : result.reason;
        return result;
    };

    for (const nlohmann::json &clock : from.runBlocking(InvestigationClocks::exportRows)) {
        if (write(QStringLiteral("clock"), clock).status != StoreWrite::Status::Applied)
            return report;
        ++report.clocks;
    }
    for (const nlohmann::json &decision : from.runBlocking(TriageStore::exportRows)) {
        if (write(QStringLiteral("triage"), decision).status != StoreWrite::Status::Applied)
            return report;
        ++report.decisions;
    }
    // Each escalation with its claim (a desk before 0.2 had none): the first claim wins.
    const QDateTime now = Clock::system().now();
    for (const Escalation &e : from.runBlocking(readEscalations)) {
        const OutboxGuard claim{EscalationClaim{e, QStringLiteral("(copied)"), now}, {}};
        const StoreWrite result =
            write(QStringLiteral("outbox-insert"), OutboxTable::insertData({}, claim));
        if (result.status == StoreWrite::Status::Refused)
            report.refused.append(result.reason);
        else if (result.status != StoreWrite::Status::Applied)
            return report;
        else
            ++report.escalations;
    }
    // Who owns what: the target's owner of an item, if it has one, stays.
    const auto owned = from.runBlocking(OwnershipTable::load);
    for (const Ownership &o : owned.value_or(std::vector<Ownership>())) {
        OutboxGuard take;
        take.ownership = OwnershipChange{OwnershipChange::Op::Take, o, QString(), {}, QString()};
        const StoreWrite result =
            write(QStringLiteral("outbox-insert"), OutboxTable::insertData({}, take));
        if (result.status == StoreWrite::Status::Applied)
            ++report.owned;
        else if (result.status != StoreWrite::Status::Refused)
            return report;
    }
    const auto pending = from.runBlocking(OutboxTable::loadPending);
    for (const OutboxEntry &entry : pending.value_or(std::vector<OutboxEntry>())) {
        const StoreWrite result =
            write(QStringLiteral("outbox-insert"), OutboxTable::insertData({entry}, {}));
        if (result.status != StoreWrite::Status::Applied)
            return report;
        const nlohmann::json &ids = result.answer["ids"];
        if (!ids.empty() && ids[0].get<qint64>() > 0)
            ++report.actionsNew;
        else
            ++report.actionsThere;
    }
    // The handovers done (each once), then the notes being written (the latest saved wins).
    for (const nlohmann::json &handover : from.runBlocking(HandoverStore::exportHandovers)) {
        if (write(QStringLiteral("handover"), handover).status != StoreWrite::Status::Applied)
            return report;
        ++report.handovers;
    }
    if (const auto notes = from.runBlocking(HandoverStore::exportNotes)) {
        if (write(QStringLiteral("handover-notes"), *notes).status != StoreWrite::Status::Applied)
            return report;
    }
    const HistorySamples samples =
        from.runBlocking([](QSqlDatabase &db) { return HistorySql::load(db, QDateTime()); });
    const int copied = to.runBlocking(
        [&samples](QSqlDatabase &db) { return HistorySql::insertOlder(db, samples); });
    if (copied < 0) {
        report.error = QStringLiteral("the history could not be written");
        return report;
    }
    report.samples = copied;
    report.samplesThere = static_cast<int>(samples.size()) - copied;
    return report;
}
