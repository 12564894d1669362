// SPDX-License-Identifier: MIT
// What the user asked for on the command line.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

// `andon raise|resolve`, `incident declare`, `ack`, `release`: an action sent through the
// outbox.
struct ActionRequest {
    // "andon raise", "andon resolve", "incident declare", "ack", "release"; empty: no action
    QString verb;
    QString project;
    QString reason;
    QString by;
    QString decision;
    QString note;
    QString name;
    QString description;
    QString severity;
    QString impact;
    QString source; // ack, release: the item's source and id, as --print shows them
    QString id;
};

// `handover`: the report of the period, printed (and sent).
struct HandoverRequest {
    bool wanted = false;
    QString since;                               // as typed: "7d", "2026-11-30"; empty: default
    QString format = QStringLiteral("markdown"); // markdown, json, html
    bool send = false;                           // also to the "handover" action's targets
};

struct CommandLine {
    bool version = false;
    bool demo = false;
    bool print = false;
    bool stallReport = false;
    bool wall = false;  // --wall: the wall screen instead of the desktop window
    QString screen;     // --screen N|NAME (with --wall)
    QString configPath; // empty: the default path
    QString screenshotPath;
    QSize size;        // --size WxH; invalid when not given
    QString page;      // --page: the page to open on (duty, kanban, trends; wall: a number too)
    QString statePath; // --state FILE: the local SQLite state; empty: the default
    ActionRequest action;
    QString stateCommand;   // "check", "copy": `dutyboard state check|copy`
    QString stateFrom;      // state copy --from sqlite:PATH
    QString keyringCommand; // "set", "delete": `dutyboard keyring set|delete ENTRY`
    QString keyringEntry;
    HandoverRequest handover;
    QString error; // non-empty: bad usage, said for a person
    QString helpText;
};

CommandLine parseCommandLine(const QStringList &arguments);
