// SPDX-License-Identifier: MIT
#include "DutyboardRun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

DutyboardRun runDutyboard(const QStringList &arguments, const QProcessEnvironment &env) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DUTYBOARD_BINARY), arguments);
    DutyboardRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString writeConfig(const QTemporaryDir &dir, const QByteArray &json) {
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(json);
    return path;
}
