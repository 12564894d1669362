// SPDX-License-Identifier: MIT
// Slack Web API, one channel as the Pending requests panel: every top-level human message is a
// request; 👀 (eyes) marks it taken, ✅ (white_check_mark) done (it leaves the panel). Writes:
// reactions, replies in the request's thread, and plain channel messages for andons and
// incidents. Slack says its errors in an HTTP 200 with {"ok":false,"error":"…"}.
#pragma once

#include "core/sources/Connector.h"

class SlackConnector final : public Connector {
public:
    // Keys: "channel" (required: the channel ID, C0123456), "oldest_hours" (optional, > 0:
    // read only that far back), "workspace" (acme → links to https://acme.slack.com/archives/…)
    // or "permalink_base" (https://acme.enterprise.slack.com). Throws ConfigError.
    explicit SlackConnector(SourceConfig config);

    // GET conversations.history?channel=…&limit=100[&oldest=now-oldest_hours].
    HttpRequest firstRequest() const override;
    ParsedPage parsePage(const HttpResult &result) const override;

    // React, Reply, RaiseAndon, ResolveAndon, CreateIncident; Acknowledge adds 👀 (eyes) as
    // "take it" does, Release removes the token's 👀 (reactions.remove). Item::owner stays
    // empty: the history names who reacted by user id only, a name would cost a users.info
    // call per person.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // An HTTP 200 with ok:false is refused ("Slack refused: not_in_channel (invite the bot to
    // the channel)"), except already_reacted (a reaction or an acknowledgement) and no_reaction
    // (a release), which a retry meets. createdId: the ts of the posted message.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

    // The text of a message posted for `action` (andon raise/resolve, incident, reply), with
    // &, < and > escaped as Slack requires.
    static QString messageText(const WriteAction &action);
    // The metadata event type a handover's message carries, with its key in the payload.
    static constexpr const char *handoverEventType = "dutyboard_handover";

private:
    QByteArray handoverLookupPath(const WriteAction &action) const;
    WriteOutcome handoverLookupResult(const WriteAction &action, const nlohmann::json &root) const;
    QByteArray historyPath(const QByteArray &cursor) const;

    QByteArray m_channel;
    int m_oldestHours = 0; // 0: the whole history (up to max_pages)
    QString m_archiveBase; // "https://acme.slack.com/archives/C0123456"
};
