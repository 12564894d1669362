// SPDX-License-Identifier: MIT
#include "SlackConnector.h"

#include "core/config/ConfigError.h"
#include "core/handover/HandoverMarkdown.h"
#include "core/http/ResponseCheck.h"
#include "core/sources/connectors/SlackMessages.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/sources/connectors/common/JsonWrite.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>

using nlohmann::json;

namespace {

constexpr int maxOldestHours = 24 * 366;
constexpr qint64 ratelimitedPauseS = 60; // Slack's ok:false "ratelimited" without Retry-After

QString keyAt(const SourceConfig &config, const char *key) {
    return config.pointer + QLatin1Char('/') + QLatin1String(key);
}

// A string key matching `pattern`, or empty when absent.
QString optionalKey(const SourceConfig &config, const char *key, const QRegularExpression &pattern,
                    const QString &expected) {
    const json &raw = config.raw;
    const auto it = raw.is_object() ? raw.find(key) : raw.end();
    if (!raw.is_object() || it == raw.end())
        return {};
    const QString value =
        it->is_string() ? utf8ToQString(&it->get_ref<const std::string &>()) : QString();
    if (!pattern.match(value).hasMatch())
        throw ConfigError(keyAt(config, key), expected);
    return value;
}

QString decisionWords(const QString &decision) {
    if (decision == QLatin1String("new-ve"))
        return QStringLiteral("new value engineering");
    return decision;
}

} // namespace

SlackConnector::SlackConnector(SourceConfig config)
    : Connector(std::move(config)) {
    const SourceConfig &c = this->config();
    static const QRegularExpression channelId(QStringLiteral("^[A-Za-z0-9]+$"));
    m_channel = optionalKey(c, "channel", channelId,
                            QStringLiteral("expected the channel ID such as \"C0123456\" (not its "
                                           "#name: Slack shows the ID in the channel details)"))
                    .toUtf8();
    if (m_channel.isEmpty())
        throw ConfigError(
            keyAt(c, "channel"),
            QStringLiteral("expected the channel ID such as \"C0123456\" (required)"));

    const json &raw = c.raw;
    if (const auto hours = raw.find("oldest_hours"); hours != raw.end()) {
        if (!hours->is_number_integer() || hours->get<long long>() < 1 ||
            hours->get<long long>() > maxOldestHours)
            throw ConfigError(
                keyAt(c, "oldest_hours"),
                QStringLiteral("expected a number of hours from 1 to %1").arg(maxOldestHours));
        m_oldestHours = hours->get<int>();
    }

    static const QRegularExpression workspaceName(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    static const QRegularExpression httpUrl(QStringLiteral("^https?://[^\\s/?#]+(/[^\\s?#]*)?$"));
    const QString workspace = optionalKey(
        c, "workspace", workspaceName,
        QStringLiteral("expected the workspace's name as in https://NAME.slack.com, such as "
                       "\"acme\""));
    QString base = optionalKey(c, "permalink_base", httpUrl,
                               QStringLiteral("expected a URL such as "
                                              "\"https://acme.enterprise.slack.com\""));
    if (!workspace.isEmpty() && !base.isEmpty())
        throw ConfigError(keyAt(c, "permalink_base"),
                          QStringLiteral("expected either \"workspace\" or \"permalink_base\", "
                                         "not both"));
    if (!workspace.isEmpty())
        base = QStringLiteral("https://%1.slack.com").arg(workspace);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (!base.isEmpty())
        m_archiveBase = base + QStringLiteral("/archives/") + QString::fromUtf8(m_channel);
}

QByteArray SlackConnector::historyPath(const QByteArray &cursor) const {
    QByteArray path = "/conversations.history?channel=" + m_channel + "&limit=100";
    if (m_oldestHours > 0) {
        const qint64 oldest =
            clock().now().toSecsSinceEpoch() - static_cast<qint64>(m_oldestHours) * 3600;
        path += "&oldest=" + QByteArray::number(oldest);
    }
    if (!cursor.isEmpty())
        path += "&cursor=" + QUrl::toPercentEncoding(QString::fromUtf8(cursor));
    return path;
}

HttpRequest SlackConnector::firstRequest() const {
    return makeRequest(historyPath({}));
}

ParsedPage SlackConnector::parsePage(const HttpResult &result) const {
    const QString channelUrl =
        QStringLiteral("https://slack.com/app_redirect?channel=") + QString::fromUtf8(m_channel);
    SlackPage slack = parseSlackHistory(result, config().name, m_archiveBase, channelUrl);
    if (slack.page.error.isEmpty() && !slack.cursor.isEmpty())
        slack.page.next = makeRequest(historyPath(slack.cursor));
    return std::move(slack.page);
}

bool SlackConnector::supportsWrite(WriteKind kind) const {
    switch (kind) {
    case WriteKind::React:
    case WriteKind::Reply:
    case WriteKind::RaiseAndon:
    case WriteKind::ResolveAndon:
    case WriteKind::CreateIncident:
    case WriteKind::Acknowledge:
    case WriteKind::Release:
    case WriteKind::Handover:
        return true;
    case WriteKind::CreateBug:
    case WriteKind::CreateCard:
    case WriteKind::CreateSilence:
        break;
    }
    return false;
}

QString SlackConnector::messageText(const WriteAction &action) {
    const auto by = [&action] {
        return action.raisedBy.isEmpty() ? QString()
                                         : QStringLiteral(" (by %1)").arg(action.raisedBy);
    };
    QString text;
    switch (action.kind) {
    case WriteKind::RaiseAndon:
        text = QStringLiteral("\U0001F6D1 Andon on *%1*: %2 (raised by %3)")
                   .arg(action.project, action.reason,
                        action.raisedBy.isEmpty() ? QStringLiteral("someone") : action.raisedBy);
        break;
    case WriteKind::ResolveAndon:
        text = QStringLiteral("\u2705 Andon on *%1* resolved: %2")
                   .arg(action.project, decisionWords(action.decision));
        if (!action.note.isEmpty())
            text += QStringLiteral(" \u2014 ") + action.note;
        text += by();
        break;
    case WriteKind::CreateIncident:
        text = QStringLiteral("\U0001F6A8 Incident declared, %1: *%2*")
                   .arg(action.severity.isEmpty() ? QStringLiteral("severity not set")
                                                  : action.severity,
                        action.title);
        if (!action.description.isEmpty())
            text += QLatin1Char('\n') + action.description;
        if (!action.customerImpact.isEmpty())
            text += QStringLiteral("\nCustomer impact: ") + action.customerImpact;
        text += by();
        break;
    case WriteKind::Handover:
        // Escaped first: the links slackText() makes are Slack's own <url|text>.
        return slackText(slackEscape(action.text));
    default:
        text = action.text;
        break;
    }
    return slackEscape(text);
}

HttpRequest SlackConnector::writeRequest(const WriteAction &action) const {
    // A handover is posted once: its first step looks for a message carrying its key (a post
    // whose answer a kill lost), the second posts it with the key in its metadata.
    if (action.kind == WriteKind::Handover && action.lookups.isEmpty())
        return makeRequest(handoverLookupPath(action));
    json body = {{"channel", m_channel.toStdString()}};
    QByteArray method = QByteArrayLiteral("/chat.postMessage");
    if (action.kind == WriteKind::React || action.kind == WriteKind::Acknowledge ||
        action.kind == WriteKind::Release) {
        // "I'm on it" is the 👀 that "take it" adds; Release takes the token's own away (a
        // person's 👀 stays: the request still shows taken).
        method = action.kind == WriteKind::Release ? QByteArrayLiteral("/reactions.remove")
                                                   : QByteArrayLiteral("/reactions.add");
        body["timestamp"] = action.itemId.toStdString();
        body["name"] = action.kind != WriteKind::React || action.reaction.isEmpty()
                           ? std::string("eyes")
                           : action.reaction.toStdString();
    } else {
        body["text"] = messageText(action).toStdString();
        if (action.kind == WriteKind::Reply && !action.itemId.isEmpty())
            body["thread_ts"] = action.itemId.toStdString();
        if (action.kind == WriteKind::Handover)
            body["metadata"] = {{"event_type", handoverEventType},
                                {"event_payload", {{"key", action.idempotencyKey.toStdString()}}}};
    }
    HttpRequest request = makeRequest(method);
    // Without the charset Slack answers with a "missing_charset" warning.
    setJsonBody(&request, body, QByteArrayLiteral("POST"),
                QByteArrayLiteral("application/json; charset=utf-8"));
    return request;
}

WriteOutcome SlackConnector::parseWriteResult(const WriteAction &action,
                                              const HttpResult &result) const {
    WriteOutcome outcome = Connector::parseWriteResult(action, result);
    if (!outcome.accepted)
        return outcome; // transport, HTTP status, 429 with Retry-After
    json root;
    QString error;
    if (!parseJsonBody(result, &root, &error) || !root.is_object()) {
        outcome.accepted = false;
        outcome.error = QStringLiteral("Slack: %1")
                            .arg(error.isEmpty() ? wrongShape(QString(), QStringLiteral("an "
                                                                                        "object"))
                                                 : error);
        return outcome;
    }
    QString code;
    QString needed;
    if (slackErrorOf(root, &code, &needed)) {
        // A retry after the first attempt got through: what it asked is so.
        if ((action.kind == WriteKind::React || action.kind == WriteKind::Acknowledge) &&
            code == QLatin1String("already_reacted"))
            return outcome;
        if (action.kind == WriteKind::Release && code == QLatin1String("no_reaction"))
            return outcome;
        outcome.accepted = false;
        outcome.error = slackRefusal(code, needed);
        if (code == QLatin1String("ratelimited") || code == QLatin1String("rate_limited")) {
            const QDateTime now = clock().now();
            bool known = false;
            const qint64 after = result.header("retry-after").toLongLong(&known);
            outcome.retryAt = now.addSecs(known && after > 0 ? after : ratelimitedPauseS);
        }
        return outcome;
    }
    if (action.kind == WriteKind::Handover && action.lookups.isEmpty())
        return handoverLookupResult(action, root);
    const json *ok = jsonMember(&root, "ok");
    if (!ok || !ok->is_boolean()) {
        outcome.accepted = false;
        outcome.error =
            QStringLiteral("Slack: %1")
                .arg(wrongShape(QStringLiteral("/ok"), QStringLiteral("true or false")));
        return outcome;
    }
    if (const std::string *ts = jsonString(&root, "ts")) {
        outcome.createdId = utf8ToQString(ts);
        if (!m_archiveBase.isEmpty())
            outcome.createdUrl = slackPermalink(m_archiveBase, outcome.createdId);
    }
    return outcome;
}

QByteArray SlackConnector::handoverLookupPath(const WriteAction &action) const {
    // From a minute before the handover was made: its post, if any, is among the latest.
    const qint64 oldest = action.startsAt.isValid() ? action.startsAt.toSecsSinceEpoch() - 60 : 0;
    return "/conversations.history?channel=" + m_channel +
           "&limit=200&include_all_metadata=true&oldest=" + QByteArray::number(oldest);
}

WriteOutcome SlackConnector::handoverLookupResult(const WriteAction &action,
                                                  const json &root) const {
    WriteOutcome outcome;
    const json *messages = jsonMember(&root, "messages");
    if (!messages || !messages->is_array()) {
        outcome.error =
            QStringLiteral("Slack: %1")
                .arg(wrongShape(QStringLiteral("/messages"), QStringLiteral("an array")));
        return outcome;
    }
    outcome.accepted = true;
    const std::string key = action.idempotencyKey.toStdString();
    for (const json &message : *messages) {
        const json *metadata = jsonMember(&message, "metadata");
        const std::string *type = metadata ? jsonString(metadata, "event_type") : nullptr;
        const json *payload = metadata ? jsonMember(metadata, "event_payload") : nullptr;
        const std::string *found = payload ? jsonString(payload, "key") : nullptr;
        if (!type || *type != handoverEventType || !found || *found != key)
            continue;
        // Posted already (the answer was lost to a kill): done, never twice.
        if (const std::string *ts = jsonString(&message, "ts")) {
            outcome.createdId = utf8ToQString(ts);
            if (!m_archiveBase.isEmpty())
                outcome.createdUrl = slackPermalink(m_archiveBase, outcome.createdId);
        }
        return outcome;
    }
    auto post = std::make_shared<WriteAction>(action);
    post->lookups = {QStringLiteral("not posted yet")};
    outcome.next = post;
    return outcome;
}
