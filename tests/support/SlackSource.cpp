// SPDX-License-Identifier: MIT
#include "SlackSource.h"

#include "tests/support/SlackFixture.h"

#include <QDateTime>

using nlohmann::json;

QByteArray slackOfflineApi() {
    return QByteArrayLiteral("http://slack.test/api");
}

SourceConfig slackConfig(const QByteArray &url, const json &extra) {
    SourceConfig c;
    c.name = QStringLiteral("duty");
    c.type = QStringLiteral("slack");
    c.panel = ItemKind::Request;
    c.url = url;
    c.pointer = QStringLiteral("/sources/0");
    c.timeoutS = 5;
    c.auth.type = QStringLiteral("vendor");
    c.auth.secret = SlackFixture::token;
    c.raw = json{{"name", "duty"}, {"type", "slack"}, {"url", url.toStdString()}};
    c.raw.update(extra);
    return c;
}

json withChannel(json extra) {
    extra["channel"] = SlackFixture::channel;
    return extra;
}

std::string tsAgo(int minutesAgo, int seq) {
    const qint64 s = QDateTime::currentSecsSinceEpoch() - minutesAgo * 60LL;
    return QStringLiteral("%1.%2").arg(s).arg(seq, 6, 10, QLatin1Char('0')).toStdString();
}

json humanMessage(const std::string &ts, const std::string &text) {
    return {{"type", "message"}, {"user", "U01ANN"}, {"text", text}, {"ts", ts}};
}
