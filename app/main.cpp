// SPDX-License-Identifier: MIT
// dutyboard: a thin main. Parse the command line, load the config, hand over to a command.
#include "app/AppContext.h"
#include "app/CommandLine.h"
#include "app/DemoState.h"
#include "app/ExampleConfig.h"
#include "app/PaintTrace.h"
#include "app/QuitOnSignal.h"
#include "app/StallReport.h"
#include "app/commands/ActionCommand.h"
#include "app/commands/HandoverCommand.h"
#include "app/commands/KeyringCommand.h"
#include "app/commands/PrintCommand.h"
#include "app/commands/StateCommand.h"
#include "app/commands/WindowCommand.h"
#include "core/config/ConfigError.h"
#include "core/config/DuplicateSources.h"
#include "core/config/Keyring.h"
#include "core/config/Secrets.h"
#include "core/config/StateConfig.h"
#include "core/runtime/MemoryReturn.h"

#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

// Every log line goes through the redactor: a token read from the environment never leaks.
void redactingMessageHandler(QtMsgType, const QMessageLogContext &, const QString &message) {
    const QString line = redactSecrets(message) + QLatin1Char('\n');
    std::fputs(line.toLocal8Bit().constData(), stderr);
}

QStringList argumentsOf(int argc, char *argv[]) {
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

int fail(const QString &message) {
    std::fprintf(stderr, "dutyboard: %s\n", qPrintable(redactSecrets(message)));
    return 2;
}

} // namespace

int main(int argc, char *argv[]) {
    configureMallocForLongRuns();
    qInstallMessageHandler(redactingMessageHandler);
    const CommandLine cl = parseCommandLine(argumentsOf(argc, argv));
    if (!cl.error.isEmpty())
        return fail(cl.error);
    if (cl.version) {
        std::printf("dutyboard %s\n", DUTYBOARD_VERSION);
        return 0;
    }

    // --print and actions need no display; everything else opens a window.
    const bool headless = cl.print || !cl.action.verb.isEmpty() || !cl.stateCommand.isEmpty() ||
                          !cl.keyringCommand.isEmpty() || cl.handover.wanted;
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dutyboard"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("dutyboard.dev"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DUTYBOARD_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("dev.dutyboard.Dutyboard"));

    if (!cl.keyringCommand.isEmpty())
        return runKeyringCommand(cl.keyringCommand, cl.keyringEntry, stdin, stderr);

    std::unique_ptr<DemoServer> demoServer;
    AppConfig config;
    QString welcomeConfig; // a first start: the example written, the demo shown meanwhile
    try {
        QString path = cl.configPath;
        bool demo = cl.demo;
        if (!demo && path.isEmpty()) {
            path = defaultConfigPath();
            if (!QFileInfo::exists(path)) {
                if (headless)
                    return fail(
                        QStringLiteral("no config at %1: pass --config FILE or --demo").arg(path));
                // First run: leave an example to edit, and show the demo meanwhile.
                const QString written = writeExampleConfig(path);
                std::fprintf(stderr, "dutyboard: no config yet; %s. Showing the demo.\n",
                             qPrintable(written));
                demo = true;
                welcomeConfig = path;
            }
        }
        if (demo) {
            const QByteArray demoConfig = AppContext::startDemo(&demoServer);
            if (demoConfig.isEmpty())
                return fail(QStringLiteral("the demo server could not listen on 127.0.0.1"));
            config = parseConfig(demoConfig, QStringLiteral("(built-in demo)"));
            // --demo --config FILE: the demo's sources on FILE's state (a team store to try).
            if (!cl.configPath.isEmpty()) {
                const AppConfig file = loadConfigFile(cl.configPath);
                if (file.raw.contains("state"))
                    config.raw["state"] = file.raw["state"];
            }
        } else {
            config = loadConfigFile(path);
        }
    } catch (const ConfigError &e) {
        return fail(e.describe());
    }
    for (const QString &warning : duplicateSourceWarnings(config.sources))
        std::fprintf(stderr, "dutyboard: %s: %s\n", qPrintable(config.file), qPrintable(warning));

    if (!cl.stateCommand.isEmpty()) {
        try {
            const QString local = cl.statePath.isEmpty() ? Store::defaultPath() : cl.statePath;
            StoreLocation where =
                parseStateConfig(config.raw).value_or(StoreLocation::sqlite(local));
            if (where.isShared())
                where.journalPath = local;
            else if (!cl.statePath.isEmpty())
                where.path = cl.statePath;
            if (cl.stateCommand == QLatin1String("copy"))
                return copyState(cl.stateFrom.mid(7), where, stdout);
            return checkState(where, stdout);
        } catch (ConfigError &e) {
            e.setFile(config.file);
            return fail(e.describe());
        }
    }

    // Before any source starts: a keyring that cannot answer is that source's error, said on
    // its row and by --print, never a refusal to start.
    readKeyringSecrets(&config.sources);

    std::unique_ptr<AppContext> context;
    try {
        context = std::make_unique<AppContext>(config);
    } catch (const ConfigError &e) {
        return fail(e.describe());
    }
    const bool demo = static_cast<bool>(demoServer);
    context->keepDemoServer(std::move(demoServer));

    quitOnTerminationSignals();
    const bool trace = qEnvironmentVariableIsSet("DUTYBOARD_TRACE_PAINT");
    if (cl.stallReport)
        startStallReport(trace);
    if (trace)
        traceFirstDataPaint(context->board());

    // Local state: the outbox first (what earlier runs left pending goes before anything else).
    // The demo keeps its own throwaway state, so it never mixes with real actions.
    // Only for the demo: a command killed mid-run leaves no empty directory behind.
    std::optional<QTemporaryDir> demoState;
    QString statePath = cl.statePath;
    if (demo && statePath.isEmpty())
        statePath = demoState.emplace().filePath(QStringLiteral("demo-state.sqlite"));
    QString notice;
    // The window never waits for a team store to answer: it connects in the background.
    const bool window = cl.action.verb.isEmpty() && !cl.print && !cl.handover.wanted;
    const bool stateOpen = context->openState(
        statePath, &notice, window ? Store::Opening::InBackground : Store::Opening::Wait);
    if (!notice.isEmpty())
        std::fprintf(stderr, "dutyboard: %s\n", qPrintable(notice));
    if (!stateOpen) {
        std::fprintf(stderr, "dutyboard: the state could not be opened; actions are off\n");
        if (!cl.action.verb.isEmpty())
            return 1;
    }
    // The demo's sample clocks and week go into its throwaway state, never into a team's store.
    if (demo && context->leanState() && !context->store()->isShared())
        seedDemoState(context->leanState()->clocks(), context->store(),
                      context->board()->clock().now());

    if (!cl.action.verb.isEmpty())
        startActionCommand(context.get(), cl.action);
    else if (cl.print)
        startPrintCommand(context.get());
    else if (cl.handover.wanted)
        startHandoverCommand(context.get(), cl.handover);
    else
        startWindowCommand(context.get(), cl.screenshotPath, cl.size, {cl.wall, cl.screen}, cl.page,
                           welcomeConfig);
    const int code = QCoreApplication::exec();
    context.reset();
    return code;
}
