// SPDX-License-Identifier: MIT
#include "BoardFixture.h"

QDateTime fixtureStart() {
    return QDateTime(QDate(2026, 11, 30), QTime(9, 41, 30), Qt::UTC);
}

Item fixtureItem(ItemKind kind, const QString &source, const QString &id, const QString &title,
                 const QDateTime &createdAt, SeverityLevel level) {
    Item item;
    item.kind = kind;
    item.source = source;
    item.id = id;
    item.title = title;
    item.state = QStringLiteral("open");
    item.createdAt = createdAt;
    item.url = QStringLiteral("https://tracker.example/") + id;
    item.severity.level = level;
    return item;
}

Item agedItem(ItemKind kind, const QString &source, const QString &id, const QString &title,
              qint64 ageSecs, SeverityLevel level) {
    return fixtureItem(kind, source, id, title, fixtureStart().addSecs(-ageSecs), level);
}

SourceInfo fixtureSource(const QString &name, const QString &type, const QString &panel) {
    SourceInfo info;
    info.name = name;
    info.type = type;
    info.panel = panel;
    return info;
}

SourceHealth okHealthAt(const QDateTime &at) {
    SourceHealth h;
    h.state = HealthState::Ok;
    h.lastSuccess = at;
    h.lastAttempt = at;
    return h;
}

void addStandardSources(Board &board) {
    board.health()->addSource(fixtureSource(
        QStringLiteral("alerts"), QStringLiteral("alertmanager"), QStringLiteral("incidents")));
    board.health()->addSource(fixtureSource(QStringLiteral("halts"), QStringLiteral("alertmanager"),
                                            QStringLiteral("andons")));
    board.health()->addSource(fixtureSource(QStringLiteral("jira-run"), QStringLiteral("jira"),
                                            QStringLiteral("requests")));
    board.health()->addSource(
        fixtureSource(QStringLiteral("jira-bugs"), QStringLiteral("jira"), QStringLiteral("bugs")));
}

void fillSampleBoard(Board &board, const QDateTime &now) {
    board.health()->addSource(fixtureSource(
        QStringLiteral("statuspage"), QStringLiteral("generic-json"), QStringLiteral("incidents")));
    auto item = [&now](ItemKind kind, const QString &source, const QString &id,
                       const QString &title, qint64 ageSecs, const QString &state,
                       const QStringList &people, SeverityLevel level = SeverityLevel::Unknown) {
        Item it = fixtureItem(kind, source, id, title, now.addSecs(-ageSecs), level);
        it.state = state;
        it.people = people;
        return it;
    };
    const QString alerts = QStringLiteral("alerts");
    board.applySnapshot(
        alerts,
        {item(ItemKind::Incident, alerts, QStringLiteral("i1"),
              QStringLiteral("Payments API returns 5xx for 12% of card authorisations"), 14 * 60,
              QStringLiteral("declared"),
              {QStringLiteral("Alice Martin"), QStringLiteral("Bruno Diaz")},
              SeverityLevel::Critical),
         item(ItemKind::Incident, alerts, QStringLiteral("i2"),
              QStringLiteral("Ledger replication lag above 30 s"), 52 * 60,
              QStringLiteral("mitigated"), {QStringLiteral("Chloé Bernard")}, SeverityLevel::High),
         item(ItemKind::Incident, alerts, QStringLiteral("i3"),
              QStringLiteral("Disk usage 91% on pg-core-3"), 3 * 3600, QStringLiteral("active"), {},
              SeverityLevel::Warning),
         item(ItemKind::Incident, alerts, QStringLiteral("i4"),
              QStringLiteral("Certificate for status.example.com expires in 9 days"), 26 * 3600,
              QStringLiteral("suppressed"), {}, SeverityLevel::Info)});
    Item unseen = item(ItemKind::Incident, QStringLiteral("statuspage"), QStringLiteral("s1"),
                       QStringLiteral("Partner bank SFTP degraded"), 40 * 60,
                       QStringLiteral("investigating"), {});
    unseen.severity.raw = QStringLiteral("degraded");
    board.applySnapshot(QStringLiteral("statuspage"), {unseen});

    Item andon = item(ItemKind::Andon, QStringLiteral("halts"), QStringLiteral("h1"),
                      QStringLiteral("halt"), 25 * 60, QStringLiteral("halted"), {});
    andon.project = QStringLiteral("SFTP server for partner banks");
    andon.reason = QStringLiteral("no backup or retention plan");
    andon.raisedBy = QStringLiteral("Dana");
    board.applySnapshot(QStringLiteral("halts"), {andon});

    const QString run = QStringLiteral("jira-run");
    const QString todo = QStringLiteral("to do");
    board.applySnapshot(run, {item(ItemKind::Request, run, QStringLiteral("RUN-412"),
                                   QStringLiteral("Create a read replica for analytics-db"),
                                   3 * 3600, todo, {QStringLiteral("Emma")}),
                              item(ItemKind::Request, run, QStringLiteral("RUN-415"),
                                   QStringLiteral("I cannot pull docker images from the registry"),
                                   35 * 60, todo, {QStringLiteral("Farid")}),
                              item(ItemKind::Request, run, QStringLiteral("RUN-416"),
                                   QStringLiteral("Grant read access to the billing bucket"),
                                   8 * 60, todo, {QStringLiteral("Gaëlle")})});
    const QString bugs = QStringLiteral("jira-bugs");
    board.applySnapshot(
        bugs, {item(ItemKind::Bug, bugs, QStringLiteral("BUG-88"),
                    QStringLiteral("Nightly backup job times out on large tables"), 3 * 86400,
                    QStringLiteral("in progress"), {QStringLiteral("Hugo")}, SeverityLevel::High),
               item(ItemKind::Bug, bugs, QStringLiteral("BUG-91"),
                    QStringLiteral("Alert routing drops team label"), 26 * 3600,
                    QStringLiteral("open"), {})});

    board.applyHealth(alerts, okHealthAt(now));
    board.applyHealth(QStringLiteral("halts"), okHealthAt(now));
    SourceHealth stale = okHealthAt(now.addSecs(-4 * 60));
    stale.state = HealthState::Stale;
    stale.error = QStringLiteral("timeout after 10 s");
    board.applyHealth(bugs, stale);
    SourceHealth insecure = okHealthAt(now);
    insecure.tlsVerifyOff = true;
    board.applyHealth(run, insecure);
}
