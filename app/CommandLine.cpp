// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include "core/lean/LeanActions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace {

struct ActionOption {
    const char *name;
    const char *help;
    QString ActionRequest::*field;
    QStringList verbs; // the actions it goes with
};

const QString raise = QStringLiteral("andon raise");
const QString resolve = QStringLiteral("andon resolve");
const QString declare = QStringLiteral("incident declare");
const QString ack = QStringLiteral("ack");
const QString release = QStringLiteral("release");

const ActionOption actionOptions[] = {
    {"project", "andon: the project halted.", &ActionRequest::project, {raise, resolve}},
    {"reason", "andon raise: why (required).", &ActionRequest::reason, {raise}},
    {"by",
     "andon raise, ack: who does it (default: the person on duty, else $USER).",
     &ActionRequest::by,
     {raise, resolve, ack}},
    {"decision",
     "andon resolve: continue, abandon or new-ve.",
     &ActionRequest::decision,
     {resolve}},
    {"note", "andon resolve: a note on the decision.", &ActionRequest::note, {resolve}},
    {"name", "incident declare: the incident's name.", &ActionRequest::name, {declare}},
    {"description", "incident declare: what is happening.", &ActionRequest::description, {declare}},
    {"severity",
     "incident declare: SEV-1..SEV-4 (default SEV-3).",
     &ActionRequest::severity,
     {declare}},
    {"impact", "incident declare: customer impact (optional).", &ActionRequest::impact, {declare}},
    {"source", "ack, release: the item's source.", &ActionRequest::source, {ack, release}},
    {"id", "ack, release: the item's id, as --print shows it.", &ActionRequest::id, {ack, release}},
};

// The action's required options and allowed values; empty when it is complete.
QString checkAction(ActionRequest *a) {
    const auto missing = [a](const char *option) {
        return QStringLiteral("%1 needs --%2").arg(a->verb, QLatin1String(option));
    };
    if (a->verb == raise) {
        if (a->project.trimmed().isEmpty())
            return missing("project");
        if (a->reason.trimmed().isEmpty())
            return missing("reason");
    } else if (a->verb == resolve) {
        if (a->project.trimmed().isEmpty())
            return missing("project");
        if (a->decision.isEmpty())
            return missing("decision");
        if (!LeanActions::isAndonDecision(a->decision))
            return QStringLiteral("--decision expects continue, abandon or new-ve, not \"%1\"")
                .arg(a->decision);
    } else if (a->verb == ack || a->verb == release) {
        if (a->source.trimmed().isEmpty())
            return missing("source");
        if (a->id.trimmed().isEmpty())
            return missing("id");
    } else {
        if (a->name.trimmed().isEmpty())
            return missing("name");
        if (a->description.trimmed().isEmpty())
            return missing("description");
        if (a->severity.isEmpty())
            a->severity = QStringLiteral("SEV-3");
        a->severity = a->severity.toUpper();
        if (!LeanActions::isSeverityLabel(a->severity))
            return QStringLiteral("--severity expects SEV-1, SEV-2, SEV-3 or SEV-4, not \"%1\"")
                .arg(a->severity);
    }
    return {};
}

} // namespace

CommandLine parseCommandLine(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("dutyboard: the dashboard of the SRE on duty"));
    parser.addHelpOption();
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Print the version."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Read the configuration from FILE (with "
                                                   "--demo: only its \"state\" section)."),
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
    const QCommandLineOption size(
        QStringLiteral("size"),
        QStringLiteral("Window (or wall) size for --screenshot, e.g. 1920x1080."),
        QStringLiteral("WxH"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QStringLiteral("The page to open on: duty, kanban or trends; with --wall, kanban, charts "
                       "or a page number from 1, held still (no rotation)."),
        QStringLiteral("NAME"));
    const QCommandLineOption wall(QStringLiteral("wall"),
                                  QStringLiteral("Open the wall screen: full screen, no chrome, "
                                                 "for a TV. Leave with Esc twice, quit with "
                                                 "Ctrl+Q."));
    const QCommandLineOption screen(
        QStringLiteral("screen"),
        QStringLiteral("Monitor for --wall: a name (HDMI-1) or an index from 0. Remembered."),
        QStringLiteral("N|NAME"));
    const QCommandLineOption stallReport(
        QStringLiteral("stall-report"),
        QStringLiteral("Measure UI-thread stalls; print the longest at exit."));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("Keep local state (outbox, clocks) in FILE."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("state copy: the desk's state to move into the config's (sqlite:PATH)."),
        QStringLiteral("sqlite:PATH"));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("handover: the period's start, 7d, 36h or 2026-11-30 (default: the last "
                       "handover, else 7 days)."),
        QStringLiteral("WHEN"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("handover: markdown (default), json or html."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption send(
        QStringLiteral("send"),
        QStringLiteral("handover: also send it to the \"handover\" action's targets."));
    parser.addOptions({version, config, demo, print, screenshot, size, page, state, from,
                       stallReport, wall, screen, since, format, send});
    for (const ActionOption &option : actionOptions)
        parser.addOption(QCommandLineOption(QLatin1String(option.name), QLatin1String(option.help),
                                            QStringLiteral("VALUE")));
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral(
            "andon raise | andon resolve | incident declare | ack | release: send an "
            "action through the outbox; exit 0 when every target accepted it, 3 when "
            "it is queued, 2 on bad input. handover: print the RUN's handover report (exit 2 "
            "when a source failed)."),
        QStringLiteral("[andon raise|andon resolve|incident declare|ack|release|handover]"));

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
    cl.wall = parser.isSet(wall);
    cl.screen = parser.value(screen).trimmed();
    cl.configPath = parser.value(config);
    cl.screenshotPath = parser.value(screenshot);
    cl.page = parser.value(page).trimmed();
    cl.statePath = parser.value(state);
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto match = pattern.match(parser.value(size));
        if (!match.hasMatch()) {
            cl.error = QStringLiteral("--size expects WIDTHxHEIGHT, e.g. 1920x1080");
            return cl;
        }
        cl.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    if (parser.isSet(screen) && !cl.wall)
        cl.error = QStringLiteral("--screen only applies to --wall");
    else if (parser.isSet(screen) && cl.screen.isEmpty())
        cl.error = QStringLiteral("--screen expects a monitor name or an index from 0");
    if (cl.wall && cl.print)
        cl.error = QStringLiteral("--wall and --print cannot be used together");
    const QStringList positional = parser.positionalArguments();
    const bool handoverOption = parser.isSet(since) || parser.isSet(format) || parser.isSet(send);
    if (positional == QStringList{QStringLiteral("handover")}) {
        cl.handover.wanted = true;
        cl.handover.since = parser.value(since);
        if (parser.isSet(format))
            cl.handover.format = parser.value(format).trimmed().toLower();
        cl.handover.send = parser.isSet(send);
        static const QStringList formats{QStringLiteral("markdown"), QStringLiteral("json"),
                                         QStringLiteral("html")};
        if (!formats.contains(cl.handover.format))
            cl.error = QStringLiteral("--format expects markdown, json or html");
        else if (cl.print || cl.wall || !cl.screenshotPath.isEmpty() || parser.isSet(from))
            cl.error = QStringLiteral("handover goes with --config or --demo only");
        return cl;
    }
    if (handoverOption) {
        cl.error = QStringLiteral("--since, --format and --send go with handover");
        return cl;
    }
    if (positional.isEmpty()) {
        for (const ActionOption &option : actionOptions) {
            if (parser.isSet(QLatin1String(option.name)))
                cl.error =
                    QStringLiteral("--%1 goes with an action (%2)")
                        .arg(QLatin1String(option.name), option.verbs.join(QStringLiteral(", ")));
        }
        return cl;
    }
    const bool oneWord = positional.at(0) == ack || positional.at(0) == release;
    const QString verb = positional.mid(0, oneWord ? 1 : 2).join(QLatin1Char(' '));
    if ((verb == QLatin1String("state check") || verb == QLatin1String("state copy")) &&
        positional.size() == 2) {
        if (cl.demo || cl.print || cl.wall || !cl.screenshotPath.isEmpty())
            cl.error =
                QStringLiteral("%1 goes with --config (or the default config) only").arg(verb);
        cl.stateCommand = positional.at(1);
        cl.stateFrom = parser.value(from);
        if (cl.stateCommand == QLatin1String("copy") &&
            !cl.stateFrom.startsWith(QLatin1String("sqlite:")))
            cl.error =
                QStringLiteral("state copy needs --from sqlite:PATH (the desk's state file)");
        else if (cl.stateCommand == QLatin1String("check") && parser.isSet(from))
            cl.error = QStringLiteral("--from goes with state copy");
        return cl;
    }
    if ((verb == QLatin1String("keyring set") || verb == QLatin1String("keyring delete"))) {
        if (positional.size() != 3 || positional.at(2).trimmed().isEmpty())
            cl.error =
                QStringLiteral("%1 needs the entry's name, e.g. dutyboard/prod-alerts").arg(verb);
        else if (cl.demo || cl.print || cl.wall || !cl.screenshotPath.isEmpty() ||
                 parser.isSet(from))
            cl.error = QStringLiteral("%1 takes no other option").arg(verb);
        cl.keyringCommand = positional.at(1);
        cl.keyringEntry = positional.value(2).trimmed();
        return cl;
    }
    if (parser.isSet(from))
        cl.error = QStringLiteral("--from goes with state copy");
    if (positional.size() != (oneWord ? 1 : 2) ||
        (verb != raise && verb != resolve && verb != declare && verb != ack && verb != release)) {
        cl.error = QStringLiteral("unexpected argument: %1 (actions: andon raise, andon resolve, "
                                  "incident declare, ack, release; state check, state copy; "
                                  "keyring set, keyring delete; handover)")
                       .arg(positional.join(QLatin1Char(' ')));
        return cl;
    }
    if (cl.demo || cl.print || cl.wall || !cl.screenshotPath.isEmpty()) {
        cl.error = QStringLiteral("%1 goes with --config (or the default config) only").arg(verb);
        return cl;
    }
    cl.action.verb = verb;
    for (const ActionOption &option : actionOptions) {
        if (!parser.isSet(QLatin1String(option.name)))
            continue;
        if (!option.verbs.contains(verb)) {
            cl.error =
                QStringLiteral("--%1 does not go with %2").arg(QLatin1String(option.name), verb);
            return cl;
        }
        cl.action.*option.field = parser.value(QLatin1String(option.name));
    }
    cl.error = checkAction(&cl.action);
    return cl;
}
