// SPDX-License-Identifier: MIT
#include "PrintCommand.h"

#include "app/AppContext.h"
#include "core/board/BoardJson.h"
#include "core/config/Secrets.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace {

// Prints once every source answered and the outbox had its go at what earlier runs left queued.
void printWhenDone(AppContext *context) {
    static bool printed = false; // one board a run
    LeanState *lean = context->leanState();
    Outbox *outbox = lean ? lean->outbox() : nullptr;
    if (printed || !context->board()->everySourceAnswered() || (outbox && !outbox->isSettled()) ||
        (lean && !lean->ownerships()->isLoaded()))
        return;
    printed = true;
    {
        const std::string text =
            boardToJson(*context->board(), lean ? lean->ownerships() : nullptr).dump(2);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        int code = 0;
        for (const SourceInfo &info : context->board()->health()->sources()) {
            if (info.health.state == HealthState::Ok)
                continue;
            code = 2;
            const QString line = redactSecrets(QStringLiteral("dutyboard: source %1 failed: %2\n")
                                                   .arg(info.name, info.health.error));
            std::fputs(line.toLocal8Bit().constData(), stderr);
        }
        if (outbox && outbox->pendingCount() > 0) {
            const QString line = redactSecrets(
                QStringLiteral("dutyboard: %1 action(s) still pending in the outbox: %2\n")
                    .arg(outbox->pendingCount())
                    .arg(outbox->lastError()));
            std::fputs(line.toLocal8Bit().constData(), stderr);
        }
        QCoreApplication::exit(code);
    }
}

} // namespace

void startPrintCommand(AppContext *context) {
    Board *board = context->board();
    QObject::connect(board, &Board::allAnswered, board, [context]() { printWhenDone(context); });
    if (LeanState *lean = context->leanState()) {
        QObject::connect(lean->outbox(), &Outbox::settled, board,
                         [context]() { printWhenDone(context); });
        QObject::connect(lean->ownerships(), &Ownerships::loaded, board,
                         [context]() { printWhenDone(context); });
    }
    context->poller()->fetchAllOnce();
    // No source at all: the board is complete already.
    QTimer::singleShot(0, board, [context]() { printWhenDone(context); });
}
