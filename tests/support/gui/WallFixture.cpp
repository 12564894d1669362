// SPDX-License-Identifier: MIT
#include "WallFixture.h"

#include "tests/support/BoardFixture.h"

AnsweredBoard::AnsweredBoard()
    : clock(fixtureStart())
    , board(clock) {
    addStandardSources(board);
    for (const char *name : {"alerts", "halts", "jira-run", "jira-bugs"})
        board.applyHealth(QLatin1String(name), okHealthAt(fixtureStart()));
}

Item andonItem(const QString &id, const QString &project, qint64 ageSecs) {
    Item a =
        agedItem(ItemKind::Andon, QStringLiteral("halts"), id, QStringLiteral("halt"), ageSecs);
    a.project = project;
    a.reason = QStringLiteral("no backup or retention plan");
    a.raisedBy = QStringLiteral("Dana");
    return a;
}

WallPanel *panelOf(WallView *view, const QString &name) {
    return view->findChild<WallPanel *>(QStringLiteral("wall-panel-") + name);
}

bool isRed(const QColor &c) {
    return c.red() > 150 && c.green() < 80 && c.blue() < 80;
}
