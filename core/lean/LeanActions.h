// SPDX-License-Identifier: MIT
// The lean workflow's actions as WriteActions: what a bug escalated from a request says, what
// a project card holds, how an andon is raised and resolved. Pure: the window and the command
// line build the same actions.
#pragma once

#include "core/board/Item.h"
#include "core/lean/WriteAction.h"

#include <QStringList>

namespace LeanActions {

// The design checklist from the talk, asked before any project is built.
QStringList designChecklist();

// "continue", "abandon", "new-ve" (new value engineering).
bool isAndonDecision(const QString &decision);
// "SEV-1" .. "SEV-4".
bool isSeverityLabel(const QString &severity);

WriteAction raiseAndon(const QString &project, const QString &reason, const QString &raisedBy,
                       const QDateTime &now);
// `startsAt`: when the andon was raised, when known (a re-post of the same alert).
WriteAction resolveAndon(const QString &project, const QString &decision, const QString &note,
                         const QString &resolvedBy, const QDateTime &startsAt,
                         const QDateTime &now);
WriteAction declareIncident(const QString &name, const QString &description,
                            const QString &severity, const QString &customerImpact,
                            const QString &declaredBy);
// The 15-minute rule: the request's text, link, requester and the time spent on it.
WriteAction bugFromRequest(const Item &request, qint64 spentS, const QString &escalatedBy);
// A project card for the value engineering column, with the design checklist.
WriteAction projectCard(const Item &request, const QString &by);
WriteAction reply(const Item &request, const QString &text);
WriteAction react(const Item &request, const QString &reaction);
// "I'm on it": `by` owns `item` in its source. `endsAt`, when valid, is when what the source
// makes ends by itself (a silence), renewed later; `reference`: what an earlier
// acknowledgement made, which a renewal extends.
WriteAction acknowledge(const Item &item, const QString &by, const QDateTime &now,
                        const QDateTime &endsAt, const QString &reference = QString());
// Undoes it: `reference` names what the acknowledgement made (a silence), when known.
WriteAction release(const Item &item, const QString &by, const QString &reference);

// What the requester is told.
QString selfServiceReply(const QString &command, const QString &doc);
QString projectReply(const Item &request);
QString bugReply(const QString &bugRef);

} // namespace LeanActions
