// SPDX-License-Identifier: MIT
// What the user asked for on the command line.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

struct CommandLine {
    bool version = false;
    bool demo = false;
    bool print = false;
    bool stallReport = false;
    QString configPath; // empty: the default path
    QString screenshotPath;
    QSize size;    // --size WxH; invalid when not given
    QString error; // non-empty: bad usage, said for a person
    QString helpText;
};

CommandLine parseCommandLine(const QStringList &arguments);
