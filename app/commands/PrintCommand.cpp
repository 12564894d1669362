// SPDX-License-Identifier: MIT
#include "PrintCommand.h"

#include "app/Dashboard.h"
#include "core/board/BoardJson.h"
#include "core/config/Secrets.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

// Prints once every source answered and the outbox had its go at what earlier runs left queued.
void printWhenDone(Dashboard *dashboard) {
    Outbox *outbox = dashboard->outbox();
    if (!dashboard->poller()->everySourceAnswered() || (outbox && !outbox->isSettled()))
        return;
    if (dashboard->property("dutyboard-printed").toBool())
        return;
    dashboard->setProperty("dutyboard-printed", true);
    {
        const std::string text = boardToJson(*dashboard->board()).dump(2);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        int code = 0;
        for (const SourceInfo &info : dashboard->board()->health()->sources()) {
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

void startPrintCommand(Dashboard *dashboard) {
    QObject::connect(dashboard->poller(), &Poller::allAnswered, dashboard,
                     [dashboard]() { printWhenDone(dashboard); });
    if (Outbox *outbox = dashboard->outbox())
        QObject::connect(outbox, &Outbox::settled, dashboard,
                         [dashboard]() { printWhenDone(dashboard); });
    dashboard->poller()->fetchAllOnce();
}
