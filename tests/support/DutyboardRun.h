// SPDX-License-Identifier: MIT
// The real dutyboard binary run as a user runs it, for command-line tests.
#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

class QTemporaryDir;

struct DutyboardRun {
    int exitCode = -1; // -1: crashed or did not finish within a minute
    QByteArray out;
    QByteArray err;
};

// `input` is its stdin, closed after it (as when a user pipes a secret in).
DutyboardRun runDutyboard(const QStringList &arguments,
                          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                          const QByteArray &input = {});

// Writes `json` as config.json in `dir`; returns its path (empty when it could not).
QString writeConfig(const QTemporaryDir &dir, const QByteArray &json);

// The first item of `items` whose `field` equals `value`, or nullptr.
const nlohmann::json *findItemBy(const nlohmann::json &items, const std::string &field,
                                 const std::string &value);
