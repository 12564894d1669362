// SPDX-License-Identifier: MIT
#include "LeanRun.h"

#include "core/lean/LeanState.h"

#include <QSignalSpy>
#include <QSqlQuery>

LeanRun::LeanRun(const AppConfig &config, const QString &localPath)
    : context(std::make_unique<AppContext>(config)) {
    if (!context->openState(localPath, &notice))
        return;
    controller.reset(context->createLeanController(nullptr)); // wired as the app wires it
}

LeanRun::~LeanRun() {
    controller.reset();
    context.reset();
}

Item LeanRun::loadRequest() {
    QSignalSpy answered(context->board(), &Board::allAnswered);
    context->poller()->fetchAllOnce();
    if (!answered.wait(10000))
        qFatal("the desk did not answer");
    return context->board()->panel(ItemKind::Request)->item(0);
}

const InvestigationClock *LeanRun::clock(const Item &request) const {
    return context->leanState()->clocks()->find(request.source, request.id);
}

int LeanRun::count(const QString &sql) const {
    return context->store()
        ->runBlocking([sql](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0) : QVariant(-1);
        })
        .toInt();
}

bool LeanRun::settled() const {
    return context->leanState()->outbox()->isSettled() &&
           context->leanState()->outbox()->pendingCount() == 0;
}
