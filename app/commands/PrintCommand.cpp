// SPDX-License-Identifier: MIT
#include "PrintCommand.h"

#include "app/AppContext.h"
#include "app/commands/BoardOnce.h"
#include "core/board/BoardJson.h"
#include "core/config/Secrets.h"

#include <QCoreApplication>

#include <cstdio>

void startPrintCommand(AppContext *context) {
    whenBoardComplete(context, [context]() {
        LeanState *lean = context->leanState();
        Outbox *outbox = lean ? lean->outbox() : nullptr;
        const std::string text =
            boardToJson(*context->board(), lean ? lean->ownerships() : nullptr).dump(2);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        const int code = sayFailedSources(*context);
        if (outbox && outbox->pendingCount() > 0) {
            const QString line = redactSecrets(
                QStringLiteral("dutyboard: %1 action(s) still pending in the outbox: %2\n")
                    .arg(outbox->pendingCount())
                    .arg(outbox->lastError()));
            std::fputs(line.toLocal8Bit().constData(), stderr);
        }
        QCoreApplication::exit(code);
    });
}
