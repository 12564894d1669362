// SPDX-License-Identifier: MIT
// What the issue-tracker connectors (Jira, GitLab, GitHub) share: the labels of a new issue,
// reading the create answer, and the tracker's own words when it refuses a request.
#pragma once

#include "core/http/HttpRequest.h"
#include "core/lean/WriteAction.h"

#include <QStringList>

#include <string_view>

// Labels for a list query ("labels=a,b"): each percent-encoded, joined by commas.
QByteArray labelsParam(const QStringList &labels);

// The labels a new issue gets: the action's, then the source's configured ones (so the issue
// shows up on the board), trimmed, without empties or repeats.
QStringList issueLabels(const WriteAction &action, const QStringList &configured);

// The new issue's id and link from a create answer into `outcome` (`urlKey` empty: no link in
// the answer). Left empty when the answer does not say: the issue exists all the same.
void readCreatedIssue(const HttpResult &result, std::string_view idKey, std::string_view urlKey,
                      WriteOutcome *outcome);

// "<Vendor> refused it (HTTP 422): <message>" when the answer is a 400 or 422 whose body
// `message` can read; empty otherwise.
QString refusal(const HttpResult &result, const QString &vendor,
                QString (*message)(const HttpResult &));
