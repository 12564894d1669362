// SPDX-License-Identifier: MIT
// The real dutyboard binary as a user runs it, for --print tests: exit code, stdout, stderr.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

class QTemporaryDir;

struct DutyboardRun {
    int exitCode = -1; // -1: crashed or did not finish within a minute
    QByteArray out;
    QByteArray err;
};

DutyboardRun runDutyboard(const QStringList &arguments,
                          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Writes `json` to DIR/config.json; returns its path, or empty when it cannot.
QString writeConfig(const QTemporaryDir &dir, const QByteArray &json);
