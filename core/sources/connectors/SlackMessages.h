// SPDX-License-Identifier: MIT
// Slack's answers as items and words: a conversations.history page, message markup, and
// error codes said for a person. Pure functions, for SlackConnector and its tests.
#pragma once

#include "core/sources/Connector.h"

#include <nlohmann/json.hpp>

#include <string_view>

struct SlackPage {
    ParsedPage page;   // items, error, skipped (next is left empty)
    QByteArray cursor; // next page's cursor; empty on the last page
};

// Reads one conversations.history answer. `archiveBase` + "/p<ts digits>" is each item's url
// (the channel's app_redirect link when empty: see slackChannelUrl()).
SlackPage parseSlackHistory(const HttpResult &result, const QString &source,
                            const QString &archiveBase, const QString &channelUrl);

// Slack's mrkdwn on one line, for a title: the first line, <@U1> → @U1, <@U1|ann> → @ann,
// <#C1|sre> → #sre, <!here> → @here, <http://x|label> → label, <http://x> → http://x,
// &lt; &gt; &amp; unescaped.
QString slackPlainText(std::string_view text);

// A message's link: "https://acme.slack.com/archives/C1" + "/p1700000000123456" (ts without
// its dot).
QString slackPermalink(const QString &archiveBase, const QString &ts);

// "&", "<" and ">" escaped, as Slack wants in text it should not read as markup.
QString slackEscape(const QString &text);

// "Slack refused: not_in_channel (invite the bot to the channel)"; `needed` is the scope a
// missing_scope error names.
QString slackRefusal(const QString &code, const QString &needed = {});

// An ok:false answer's error code and needed scope; false when the answer is ok:true. Also
// false (with `code` empty) when the body is not Slack's envelope.
bool slackErrorOf(const nlohmann::json &root, QString *code, QString *needed);
