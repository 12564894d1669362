// SPDX-License-Identifier: MIT
// The handover as Markdown: headings, short bullet lines, links on the items; it reads well in a
// Git-hosted file and, through slackText(), in a Slack message. Pure.
#pragma once

#include "core/handover/HandoverReport.h"

#include <QString>

QString handoverMarkdown(const HandoverReport &report);
// The same Markdown in Slack's mrkdwn: headings and **bold** become *bold*, [text](url) links
// become <url|text>, backslash escapes go (Slack shows the characters as they are).
QString slackText(const QString &markdown);
