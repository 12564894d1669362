// SPDX-License-Identifier: MIT
#include "KanbanFixture.h"

#include "tests/support/BoardFixture.h"

KanbanConfig sampleKanbanConfig() {
    return parseKanbanConfig(nlohmann::json::parse(R"({"kanban":{
        "columns":[{"name":"Value engineering","wip":2},{"name":"Dive-in","wip":1},
                   {"name":"Work in progress","wip":1},{"name":"Done"},{"name":"What's next"}],
        "map":{"ve":"Value engineering","dive":"Dive-in","doing":"Work in progress",
               "done":"Done","todo":"What's next"}}})"));
}

Item fixtureCard(const QString &id, const QString &title, const QString &state,
                 const QDateTime &now, int inColumnH) {
    Item card = fixtureItem(ItemKind::Card, QStringLiteral("team-board"), id, title,
                            now.addSecs(-3600LL * (inColumnH + 48)));
    card.state = state;
    card.columnSince = now.addSecs(-3600LL * inColumnH);
    return card;
}

void fillSampleKanban(Board &board, const QDateTime &now) {
    board.setKanbanConfig(sampleKanbanConfig());
    Item halted = fixtureCard(QStringLiteral("P-1"), QStringLiteral("sftp-partner-gateway"),
                              QStringLiteral("ve"), now, 30);
    halted.project = QStringLiteral("sftp-partner-gateway");
    halted.people = {QStringLiteral("mathieu")};
    halted.due = now.addDays(4);
    Item late = fixtureCard(QStringLiteral("P-4"), QStringLiteral("CI runner disk cleanup"),
                            QStringLiteral("doing"), now, 96);
    late.people = {QStringLiteral("victor"), QStringLiteral("emma")};
    late.due = now.addDays(-3);
    Item today = fixtureCard(QStringLiteral("P-3"), QStringLiteral("Kafka credentials rotation"),
                             QStringLiteral("dive"), now, 20);
    today.due = now;
    board.applySnapshot(
        QStringLiteral("team-board"),
        {halted,
         fixtureCard(QStringLiteral("P-2"), QStringLiteral("Read replicas as a service"),
                     QStringLiteral("ve"), now, 52),
         today, late,
         fixtureCard(QStringLiteral("P-5"), QStringLiteral("Grafana folders per team"),
                     QStringLiteral("doing"), now, 10),
         fixtureCard(QStringLiteral("P-6"), QStringLiteral("Alert routing per team"),
                     QStringLiteral("done"), now, 5),
         fixtureCard(QStringLiteral("P-8"), QStringLiteral("Self-service Grafana access"),
                     QStringLiteral("todo"), now, 26),
         fixtureCard(QStringLiteral("P-7"), QStringLiteral("Terraform module for SFTP"),
                     QStringLiteral("todo"), now, 340),
         fixtureCard(QStringLiteral("P-9"), QStringLiteral("Vendor escalation"),
                     QStringLiteral("blocked-by-vendor"), now, 3)});
    Item andon = fixtureItem(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                             QStringLiteral("Andon"), now.addSecs(-600));
    andon.project = QStringLiteral("sftp-partner-gateway");
    board.applySnapshot(QStringLiteral("halts"), {andon});
}
