// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include <QCommandLineParser>
#include <QRegularExpression>

CommandLine parseCommandLine(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("dutyboard: the dashboard of the SRE on duty"));
    parser.addHelpOption();
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Print the version."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Read the configuration from FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Run on the built-in demo (a loopback server)."));
    const QCommandLineOption print(
        QStringLiteral("print"), QStringLiteral("Fetch every source once, print the board as JSON, "
                                                "exit 0 (all answered) or 2 (one failed)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Open the window, wait for every source "
                                                       "(at most 20 s), save a PNG, exit."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size for --screenshot, e.g. 1920x1080."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption stallReport(
        QStringLiteral("stall-report"),
        QStringLiteral("Measure UI-thread stalls; print the longest at exit."));
    parser.addOptions({version, config, demo, print, screenshot, size, stallReport});

    CommandLine cl;
    cl.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        cl.error = parser.errorText();
        return cl;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        cl.error = cl.helpText;
        return cl;
    }
    cl.version = parser.isSet(version);
    cl.demo = parser.isSet(demo);
    cl.print = parser.isSet(print);
    cl.stallReport = parser.isSet(stallReport);
    cl.configPath = parser.value(config);
    cl.screenshotPath = parser.value(screenshot);
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto match = pattern.match(parser.value(size));
        if (!match.hasMatch()) {
            cl.error = QStringLiteral("--size expects WIDTHxHEIGHT, e.g. 1920x1080");
            return cl;
        }
        cl.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    if (cl.demo && !cl.configPath.isEmpty())
        cl.error = QStringLiteral("--demo and --config cannot be used together");
    if (!parser.positionalArguments().isEmpty())
        cl.error =
            QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first());
    return cl;
}
