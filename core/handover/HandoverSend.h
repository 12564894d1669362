// SPDX-License-Identifier: MIT
// The handover as the outbox sends it: one action, its Markdown as the text (Slack posts it
// as one message) and its JSON as the report (a webhook's "{{report}}"). Its idempotency key
// is its action id: a restart sends the same row, and Slack finds the message already posted.
#pragma once

#include "core/handover/HandoverReport.h"
#include "core/lean/WriteAction.h"

WriteAction handoverAction(const HandoverReport &report, const QDateTime &now);
