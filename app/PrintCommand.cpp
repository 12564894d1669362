// SPDX-License-Identifier: MIT
#include "PrintCommand.h"

#include "BoardJson.h"
#include "Dashboard.h"
#include "Secrets.h"

#include <QCoreApplication>

#include <cstdio>

void startPrintCommand(Dashboard *dashboard) {
    QObject::connect(dashboard->poller(), &Poller::allAnswered, dashboard, [dashboard]() {
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
        QCoreApplication::exit(code);
    });
    dashboard->poller()->fetchAllOnce();
}
