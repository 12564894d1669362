// SPDX-License-Identifier: MIT
// Slack sources and messages for the Slack connector's tests, alongside SlackFixture.
#pragma once

#include "core/config/SourceConfig.h"

#include <nlohmann/json.hpp>

#include <QByteArray>

#include <string>

// "http://slack.test/api": nothing answers there; for canned answers and built requests.
QByteArray slackOfflineApi();

// A "slack" source "duty" on the requests panel at `url` (pointer /sources/0), with
// SlackFixture's token and the keys of `extra` in its raw config.
SourceConfig slackConfig(const QByteArray &url, const nlohmann::json &extra);
// `extra` with SlackFixture's channel.
nlohmann::json withChannel(nlohmann::json extra);

// A Slack ts `minutesAgo` old, unique by `seq`.
std::string tsAgo(int minutesAgo, int seq);
// A top-level message by a person (U01ANN).
nlohmann::json humanMessage(const std::string &ts, const std::string &text);
