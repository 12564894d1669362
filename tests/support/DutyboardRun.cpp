// SPDX-License-Identifier: MIT
#include "DutyboardRun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

DutyboardRun runDutyboard(const QStringList &arguments, const QProcessEnvironment &env,
                          const QByteArray &input) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DUTYBOARD_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
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
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        return {};
    return path;
}

const nlohmann::json *findItemBy(const nlohmann::json &items, const std::string &field,
                                 const std::string &value) {
    for (const auto &item : items) {
        if (item.is_object() && item.value(field, std::string()) == value)
            return &item;
    }
    return nullptr;
}
