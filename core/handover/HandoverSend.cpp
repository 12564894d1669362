// SPDX-License-Identifier: MIT
#include "HandoverSend.h"

#include "core/handover/HandoverJson.h"
#include "core/handover/HandoverMarkdown.h"
#include "core/handover/HandoverText.h"

WriteAction handoverAction(const HandoverReport &report, const QDateTime &now) {
    WriteAction action;
    action.kind = WriteKind::Handover;
    action.title = HandoverText::title(report);
    action.text = handoverMarkdown(report);
    action.report = QString::fromStdString(handoverJson(report).dump());
    action.raisedBy = report.outgoing;
    action.startsAt = now; // where a lookup for a post lost to a kill starts
    return action;
}
