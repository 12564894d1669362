// SPDX-License-Identifier: MIT
#include "HandoverCommand.h"

#include "app/AppContext.h"
#include "app/commands/ActionCommand.h"
#include "app/commands/BoardOnce.h"
#include "app/handover/HandoverInputsOf.h"
#include "core/handover/HandoverHtml.h"
#include "core/handover/HandoverJson.h"
#include "core/handover/HandoverMarkdown.h"
#include "core/handover/HandoverSend.h"
#include "core/time/SinceParse.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace {

void say(std::FILE *out, const QString &text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), out);
    std::fflush(out);
}

QString rendered(const HandoverReport &report, const QString &format) {
    if (format == QLatin1String("json"))
        return QString::fromStdString(handoverJson(report).dump(2)) + QLatin1Char('\n');
    if (format == QLatin1String("html"))
        return handoverHtml(report);
    return handoverMarkdown(report);
}

// The board is complete: the report of the period from `since` (invalid: the default one).
void report(AppContext *context, const HandoverRequest &request, const QDateTime &since) {
    LeanState *lean = context->leanState();
    const QDateTime now = context->board()->clock().now();
    HandoverState state;
    if (Store *store = context->store())
        state = store->runBlocking(
            [since, now](QSqlDatabase &db) { return HandoverStore::read(db, since, now); });
    if (!context->store() || !state.readable) {
        say(stderr, QStringLiteral("dutyboard: the state could not be read: the report holds "
                                   "the board only\n"));
        state.since = since.isValid() ? since : now.addDays(-HandoverStore::defaultDays);
    }
    const HandoverReport report = buildHandoverReport(
        handoverInputsOf(*context->board(), *context->onDuty(), lean ? lean->ownerships() : nullptr,
                         context->lean(), context->objectives(), std::move(state), now));
    say(stdout, rendered(report, request.format));
    const int code = sayFailedSources(*context);
    if (!request.send) {
        QCoreApplication::exit(code);
        return;
    }
    const QStringList targets = context->lean().handoverTargets;
    if (targets.isEmpty() || !lean) {
        say(stderr, lean ? QStringLiteral("dutyboard: nowhere to send the handover: set "
                                          "\"actions\": {\"handover\": \"<source>\"}\n")
                         : QStringLiteral("dutyboard: the handover was not sent: the state "
                                          "could not be opened\n"));
        QCoreApplication::exit(2);
        return;
    }
    // Exits like the actions: 0 delivered, 3 queued (it goes with the next run).
    reportWhenSettled(context, QStringLiteral("handover"),
                      lean->outbox()->submit(handoverAction(report, now), targets), targets);
}

} // namespace

void startHandoverCommand(AppContext *context, const HandoverRequest &request) {
    QDateTime since;
    if (!request.since.isEmpty()) {
        QString error;
        since = parseSince(request.since, context->board()->clock().now(), &error);
        if (!since.isValid()) {
            say(stderr, QStringLiteral("dutyboard: %1\n").arg(error));
            QTimer::singleShot(0, QCoreApplication::instance(),
                               []() { QCoreApplication::exit(2); });
            return;
        }
    }
    // The demo's past weeks are seeded with its history: its handover has a period to tell.
    if (context->demoServer())
        context->startHistory();
    whenBoardComplete(context, [context, request, since]() { report(context, request, since); });
}
