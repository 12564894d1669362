// SPDX-License-Identifier: MIT
// What the lean workflow asks a source to do (create a bug, declare an incident, raise an andon…),
// as one plain value: it is stored in the outbox before it is sent, and retried as it is.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

enum class WriteKind {
    CreateBug,
    CreateIncident,
    CreateCard, // a project card (value engineering)
    Reply,      // answer in the item's thread
    React,      // add a reaction (Slack: eyes = taken, white_check_mark = done)
    RaiseAndon,
    ResolveAndon,
    CreateSilence,
};

struct WriteAction {
    WriteKind kind = WriteKind::CreateBug;
    QString idempotencyKey; // stable across retries: a retry after a crash must not duplicate
    QString title;
    QString description;
    QString severity;       // "SEV-1".."SEV-4" for incidents
    QString customerImpact; // optional
    QStringList labels;
    QString itemId;   // Reply / React: the item it is about (Slack: the message ts)
    QString text;     // Reply: the text
    QString reaction; // React: "eyes", "white_check_mark"
    QString project;  // andon
    QString reason;
    QString raisedBy;
    QString decision; // ResolveAndon: continue / abandon / new-ve
    QString note;
    QDateTime startsAt; // andon: when it was raised (a re-post keeps it: same alert)
    QDateTime endsAt;   // silences, andon resolve
};

struct WriteOutcome {
    bool accepted = false;
    QString error;      // for a person, when not accepted
    QString createdId;  // the new bug's key, the incident's id…
    QString createdUrl; // link to it, when the API says
    QDateTime retryAt;  // rate limited: not before then
};

QString writeKindName(WriteKind kind);

// A title as trackers take it: one line (breaks and runs of spaces become one space), cut to
// `maxChars` with an ellipsis (Jira and GitLab refuse more than 255).
QString oneLineTitle(const QString &title, int maxChars = 255);
