// SPDX-License-Identifier: MIT
// What the lean workflow asks a source to do (create a bug, declare an incident, raise an andon…),
// as one plain value: it is stored in the outbox before it is sent, and retried as it is.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

enum class WriteKind {
    CreateBug,
    CreateIncident,
    CreateCard, // a project card (value engineering)
    Reply,      // answer in the item's thread
    React,      // add a reaction (Slack: eyes = taken, white_check_mark = done)
    RaiseAndon,
    ResolveAndon,
    CreateSilence,
    // "I'm on it": the acting person (raisedBy) owns the item (itemId) in the source where it
    // can say so (an acknowledgement, an assignee, a reaction, a silence); Release undoes it.
    Acknowledge,
    Release,
    // The RUN's handover report: `title`, the Markdown in `text`, the JSON in `report`. Sent
    // once per handover (idempotencyKey), whatever kills and restarts happen.
    Handover,
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
    QString report;     // Handover: the report as JSON text (a webhook's "{{report}}")
    QDateTime startsAt; // andon: when it was raised (a re-post keeps it: same alert)
    QDateTime endsAt;   // silences, andon resolve, an acknowledgement's silence
    // What an earlier write made in the source that this one acts on (the silence an
    // acknowledgement created, which a renewal extends and a release expires).
    QString reference;
    // What the earlier steps of this same attempt found (the token's own user, a role's id, a
    // silence already there), in order; empty on the first step. Never stored: an attempt
    // after a restart looks them up again.
    QStringList lookups;
    // A cluster source: the replica (index in its URLs) this attempt talks to, moved on when one
    // does not answer. Never stored: an attempt after a restart starts at the first.
    int replica = 0;
};

struct WriteOutcome {
    bool accepted = false;
    QString error;      // for a person, when not accepted
    QString createdId;  // the new bug's key, the incident's id…
    QString createdUrl; // link to it, when the API says
    QDateTime retryAt;  // rate limited: not before then
    // A step of a write that needs more than one call (look the user up, then assign): the
    // answer was accepted and this action, with what was found in its lookups, is sent next in
    // the same attempt. Unset: the write is done (or failed).
    std::shared_ptr<const WriteAction> next;
};

QString writeKindName(WriteKind kind);

// A title as trackers take it: one line (breaks and runs of spaces become one space), cut to
// `maxChars` with an ellipsis (Jira and GitLab refuse more than 255).
QString oneLineTitle(const QString &title, int maxChars = 255);
