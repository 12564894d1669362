// SPDX-License-Identifier: MIT
#include "BoardOnce.h"

#include "app/AppContext.h"
#include "core/config/Secrets.h"

#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

bool isComplete(const AppContext &context) {
    const LeanState *lean = context.leanState();
    const Outbox *outbox = lean ? lean->outbox() : nullptr;
    return context.board()->everySourceAnswered() && (!outbox || outbox->isSettled()) &&
           (!lean || lean->ownerships()->isLoaded());
}

} // namespace

void whenBoardComplete(AppContext *context, std::function<void()> done) {
    Board *board = context->board();
    auto pending = std::make_shared<std::function<void()>>(std::move(done));
    const auto attempt = [context, pending]() {
        if (!*pending || !isComplete(*context))
            return;
        const std::function<void()> run = std::move(*pending);
        *pending = nullptr; // once
        run();
    };
    QObject::connect(board, &Board::allAnswered, board, attempt);
    if (LeanState *lean = context->leanState()) {
        QObject::connect(lean->outbox(), &Outbox::settled, board, attempt);
        QObject::connect(lean->ownerships(), &Ownerships::loaded, board, attempt);
    }
    context->poller()->fetchAllOnce();
    // No source at all: the board is complete already.
    QTimer::singleShot(0, board, attempt);
}

int sayFailedSources(const AppContext &context) {
    int code = 0;
    for (const SourceInfo &info : context.board()->health()->sources()) {
        if (info.health.state == HealthState::Ok) {
            // Not a failure (the exit code stays 0), but what a script's reader should know.
            if (const QString warning = healthWarning(info.health); !warning.isEmpty()) {
                const QString line = redactSecrets(
                    QStringLiteral("dutyboard: source %1: %2\n").arg(info.name, warning));
                std::fputs(line.toLocal8Bit().constData(), stderr);
            }
            continue;
        }
        code = 2;
        const QString line = redactSecrets(
            QStringLiteral("dutyboard: source %1 failed: %2\n").arg(info.name, info.health.error));
        std::fputs(line.toLocal8Bit().constData(), stderr);
    }
    return code;
}
