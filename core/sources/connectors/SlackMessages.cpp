// SPDX-License-Identifier: MIT
#include "SlackMessages.h"

#include "core/http/ResponseCheck.h"
#include "core/sources/connectors/common/JsonFields.h"
#include "core/time/TimeParse.h"

#include <string>

using nlohmann::json;

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// One <…> markup element as a person reads it.
std::string plainElement(std::string_view inner) {
    const std::size_t bar = inner.find('|');
    const std::string_view target = inner.substr(0, bar);
    const std::string_view label =
        bar == std::string_view::npos ? std::string_view() : inner.substr(bar + 1);
    if (startsWith(target, "@")) // <@U123> or the legacy <@U123|ann>
        return "@" + std::string(label.empty() ? target.substr(1) : label);
    if (startsWith(target, "#")) // <#C123|sre>
        return "#" + std::string(label.empty() ? target.substr(1) : label);
    if (startsWith(target, "!")) { // <!here>, <!subteam^S1|@sre>, <!date^…|fallback>
        if (!label.empty())
            return std::string(label);
        const std::string_view word = target.substr(1, target.find('^') - 1);
        return "@" + std::string(word);
    }
    if (!label.empty())
        return std::string(label);
    return std::string(startsWith(target, "mailto:") ? target.substr(7) : target);
}

void unescapeInto(std::string_view text, std::string *out) {
    static const std::pair<std::string_view, char> entities[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto &[entity, c] : entities) {
                if (startsWith(text.substr(i), entity)) {
                    out->push_back(c);
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out->push_back(text[i++]);
    }
}

QString advice(const QString &code, const QString &needed) {
    if (code == QLatin1String("invalid_auth") || code == QLatin1String("not_authed") ||
        code == QLatin1String("token_revoked") || code == QLatin1String("token_expired") ||
        code == QLatin1String("account_inactive"))
        return QStringLiteral("token refused: check the token");
    if (code == QLatin1String("missing_scope"))
        return needed.isEmpty() ? QStringLiteral("the token lacks a scope")
                                : QStringLiteral("the token lacks the scope %1").arg(needed);
    if (code == QLatin1String("channel_not_found"))
        return QStringLiteral("check \"channel\": it takes the channel ID such as C0123456, "
                              "and a private channel must have the bot in it");
    if (code == QLatin1String("not_in_channel"))
        return QStringLiteral("invite the bot to the channel");
    if (code == QLatin1String("is_archived"))
        return QStringLiteral("the channel is archived");
    if (code == QLatin1String("ratelimited") || code == QLatin1String("rate_limited"))
        return QStringLiteral("rate-limited: trying again later");
    if (code == QLatin1String("message_not_found") || code == QLatin1String("thread_not_found"))
        return QStringLiteral("the message is gone");
    return {};
}

bool hasReaction(const json *reactions, std::string_view name) {
    if (!reactions || !reactions->is_array())
        return false;
    for (const json &reaction : *reactions) {
        const std::string *n = jsonString(&reaction, "name");
        const json *count = jsonMember(&reaction, "count");
        const bool counted = !count || !count->is_number() || count->get<double>() > 0;
        if (n && *n == name && counted)
            return true;
    }
    return false;
}

QString replies(const json *count) {
    if (!count || !count->is_number_integer() || count->get<long long>() <= 0)
        return {};
    const long long n = count->get<long long>();
    return n == 1 ? QStringLiteral(" · 1 reply") : QStringLiteral(" · %1 replies").arg(n);
}

// Not a request: joins, bot posts, thread replies and other events in the history.
bool isRequest(const json &message, const std::string &ts) {
    const std::string *subtype = jsonString(&message, "subtype");
    if (subtype && !subtype->empty())
        return false;
    const json *botId = jsonMember(&message, "bot_id");
    if (botId && !botId->is_null())
        return false;
    const std::string *threadTs = jsonString(&message, "thread_ts");
    return !threadTs || *threadTs == ts;
}

} // namespace

QString slackPlainText(std::string_view text) {
    const std::string_view line = text.substr(0, text.find('\n'));
    std::string out;
    out.reserve(line.size());
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t open = line.find('<', pos);
        const std::size_t close = open == std::string_view::npos ? open : line.find('>', open + 1);
        if (close == std::string_view::npos) {
            unescapeInto(line.substr(pos), &out);
            break;
        }
        unescapeInto(line.substr(pos, open - pos), &out);
        unescapeInto(plainElement(line.substr(open + 1, close - open - 1)), &out);
        pos = close + 1;
    }
    return utf8ToQString(std::string_view(out)).trimmed();
}

QString slackPermalink(const QString &archiveBase, const QString &ts) {
    return archiveBase + QStringLiteral("/p") + QString(ts).remove(QLatin1Char('.'));
}

QString slackEscape(const QString &text) {
    QString out = text;
    out.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    out.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    out.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return out;
}

QString slackRefusal(const QString &code, const QString &needed) {
    const QString shown = code.isEmpty() ? QStringLiteral("(no error code)") : code;
    const QString words = advice(code, needed);
    return words.isEmpty() ? QStringLiteral("Slack refused: %1").arg(shown)
                           : QStringLiteral("Slack refused: %1 (%2)").arg(shown, words);
}

bool slackErrorOf(const json &root, QString *code, QString *needed) {
    code->clear();
    needed->clear();
    const json *ok = jsonMember(&root, "ok");
    if (!ok || !ok->is_boolean() || ok->get<bool>())
        return false;
    *code = utf8ToQString(jsonString(&root, "error"));
    *needed = utf8ToQString(jsonString(&root, "needed"));
    return true;
}

SlackPage parseSlackHistory(const HttpResult &result, const QString &source,
                            const QString &archiveBase, const QString &channelUrl) {
    SlackPage out;
    ParsedPage &page = out.page;
    json root;
    if (!parseJsonBody(result, &root, &page.error))
        return out;
    const json *ok = jsonMember(&root, "ok");
    if (!ok || !ok->is_boolean()) {
        page.error = wrongShape(QStringLiteral("/ok"), QStringLiteral("true or false"));
        return out;
    }
    QString code;
    QString needed;
    if (slackErrorOf(root, &code, &needed)) {
        page.error = slackRefusal(code, needed);
        return out;
    }
    const json *messages = jsonMember(&root, "messages");
    if (!messages || !messages->is_array()) {
        page.error =
            wrongShape(QStringLiteral("/messages"), QStringLiteral("an array of messages"));
        return out;
    }
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const json &message = (*messages)[i];
        const QString at = QStringLiteral("/messages/%1").arg(i);
        const std::string *ts = jsonString(&message, "ts");
        if (!message.is_object() || !ts || ts->empty()) { // left out; the others still show
            if (message.is_object())
                page.unreadable.add(at + QStringLiteral("/ts"), QStringLiteral("a string"));
            else
                page.unreadable.add(at, QStringLiteral("a message object"));
            continue;
        }
        const json *reactions = jsonMember(&message, "reactions");
        if (!isRequest(message, *ts) || hasReaction(reactions, "white_check_mark"))
            continue;

        Item item;
        item.kind = ItemKind::Request;
        item.source = source;
        item.id = utf8ToQString(ts);
        item.createdAt = parseEpochText(*ts);
        const std::string *text = jsonString(&message, "text");
        item.title = text ? slackPlainText(*text) : QString();
        if (item.title.isEmpty())
            item.title = QStringLiteral("(no text)");
        item.state =
            (hasReaction(reactions, "eyes") ? QStringLiteral("taken") : QStringLiteral("open")) +
            replies(jsonMember(&message, "reply_count"));
        const std::string *realName = jsonString(jsonMember(&message, "user_profile"), "real_name");
        const std::string *user = jsonString(&message, "user");
        if (realName && !realName->empty())
            item.people.append(utf8ToQString(realName));
        else if (user && !user->empty())
            item.people.append(utf8ToQString(user));
        item.url = archiveBase.isEmpty() ? channelUrl : slackPermalink(archiveBase, item.id);
        page.items.push_back(std::move(item));
    }
    // Bot messages, replies and done requests are read but not shown: not an empty page.
    page.skipped = static_cast<int>(messages->size() - page.items.size()) - page.unreadable.count;
    const json *hasMore = jsonMember(&root, "has_more");
    const std::string *cursor = jsonString(jsonMember(&root, "response_metadata"), "next_cursor");
    if (hasMore && hasMore->is_boolean() && hasMore->get<bool>() && cursor && !cursor->empty())
        out.cursor = QByteArray::fromStdString(*cursor);
    return out;
}
