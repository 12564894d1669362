// SPDX-License-Identifier: MIT
#include "DemoState.h"

#include "core/handover/HandoverStore.h"
#include "core/lean/InvestigationClocks.h"
#include "core/store/Store.h"
#include "demo/DemoData.h"

namespace {

// The week's requests as the seed's team writes them, French and English: the same asks come
// back in other words (read replicas, docker pulls, Grafana access): the toil candidates.
struct PastRequest {
    const char *title;
    const char *outcome;
    int daysAgo;
    int hour;
    int investigatedMin; // 0: no clock
    bool escalated;
};
const PastRequest pastRequests[] = {
    {"Peux-tu créer un réplica en lecture pour orders-db ?", "toil", 6, 9, 14, false},
    {"Need a read replica of billing for the BI team", "toil", 5, 10, 12, false},
    {"Create a read replica for ledger (analytics)", "toil", 3, 15, 13, false},
    {"Je n'arrive pas à pull les images docker", "toil", 5, 14, 9, false},
    {"docker pull fails with 'unauthorized' on my laptop", "bug", 4, 11, 22, true},
    {"Accès au dossier Grafana prod-eu-1 svp", "toil", 4, 16, 4, false},
    {"Read access to the Grafana prod-eu-1 folder please", "self-service", 2, 10, 0, false},
    {"We need an SFTP server for the partner exports", "project", 3, 9, 0, false},
    {"Disk full on the CI runner again", "toil", 2, 17, 8, false},
    {"Rotate the Kafka credentials for reporting", "toil", 1, 11, 6, false},
    {"Le déploiement staging de ledger-api est bloqué", "bug", 1, 14, 25, true},
};

qint64 ms(const QDateTime &t) {
    return t.toMSecsSinceEpoch();
}

} // namespace

void seedDemoState(InvestigationClocks *clocks, Store *store, const QDateTime &now) {
    clocks->startAt(QLatin1String(demoInvestigatedRequest().source),
                    QLatin1String(demoInvestigatedRequest().id), now.addSecs(-14 * 60));

    const QDateTime lastHandover = QDateTime(now.date().addDays(-6), QTime(9, 0), Qt::UTC);
    store->write(QStringLiteral("handover"),
                 HandoverStore::recordData({lastHandover, QStringLiteral("nina"),
                                            QStringLiteral("victor"), lastHandover.addDays(-7),
                                            QStringLiteral("Kafka upgrade planned Thursday.")}));
    int id = 900;
    for (const PastRequest &r : pastRequests) {
        const QString itemId = QString::number(++id);
        const QDateTime decided =
            QDateTime(now.date().addDays(-r.daysAgo), QTime(r.hour, 0), Qt::UTC);
        if (decided >= now)
            continue;
        if (r.investigatedMin > 0) {
            const QDateTime started = decided.addSecs(-60LL * r.investigatedMin);
            store->write(QStringLiteral("clock"),
                         {{"source", "sre-desk"},
                          {"item_id", itemId.toStdString()},
                          {"started_at", ms(started)},
                          {"breached_at", nullptr},
                          {"escalated_at", r.escalated ? nlohmann::json(ms(decided)) : nullptr},
                          {"bug_id", r.escalated ? "RUN-" + itemId.toStdString() : ""},
                          {"bug_url", ""}});
        }
        // A bug was toil first: the 15-minute rule escalated it.
        const char *first = r.escalated ? "toil" : r.outcome;
        const QDateTime at = r.escalated ? decided.addSecs(-60LL * r.investigatedMin) : decided;
        store->write(QStringLiteral("triage"), {{"source", "sre-desk"},
                                                {"item_id", itemId.toStdString()},
                                                {"decision", first},
                                                {"decided_at", ms(at)},
                                                {"decided_by", "victor"},
                                                {"title", r.title}});
        if (r.escalated)
            store->write(QStringLiteral("triage"), {{"source", "sre-desk"},
                                                    {"item_id", itemId.toStdString()},
                                                    {"decision", r.outcome},
                                                    {"decided_at", ms(decided)},
                                                    {"decided_by", "victor"},
                                                    {"title", r.title}});
    }
}
