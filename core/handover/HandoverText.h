// SPDX-License-Identifier: MIT
// The words the handover's renderings share (Markdown, HTML, the dialog), so each says an item,
// a period or a toil group the same way. Pure.
#pragma once

#include "core/handover/HandoverReport.h"

#include <QString>

namespace HandoverText {

// "Handover of alice's RUN, Mon 30 Nov → Mon 7 Dec 2026"
QString title(const HandoverReport &report);
// "since the last handover (Mon 30 Nov 09:00 UTC)", "the last 7 days", "since Mon 30 Nov…"
QString period(const HandoverReport &report);
// The owner, or "unowned".
QString owner(const HandoverItem &item);
// "3 h", or "age unknown".
QString age(const HandoverItem &item);
// "SEV-2 · Checkout latency above SLO", "payments-v2: migration paused (raised by bob)"…
QString itemText(const HandoverItem &item);
// "self-service 3 · toil 6 · bug 2 · project 1"
QString triageCounts(const HandoverPeriodTotals &period);
// "52 % RUN" or "no request triaged"
QString runShare(const HandoverPeriodTotals &period);
// "6 requests like “create a read replica” — 1 h 40 min of toil — no self-service rule"
QString toilLine(const ToilCandidate &candidate);
// "continue", "abandon", "new value engineering"
QString decision(const QString &decision);
// "Mon 30 Nov 2026 09:00 UTC"
QString when(const QDateTime &t);
// A time spent, to the minute: "0 min", "25 min", "1 h 40 min", "2 d 3 h".
QString spent(qint64 seconds);

} // namespace HandoverText
