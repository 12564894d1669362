// SPDX-License-Identifier: MIT
// Boards filled by hand for widget tests and screenshots: no network, no config, fixed times.
#pragma once

#include "core/board/Board.h"

#include <QDateTime>

// The widget tests' "now": 2026-11-30 09:41:30 UTC, when their manual clocks start.
QDateTime fixtureStart();
// An item with the fields every panel shows; its url is https://tracker.example/<id>.
Item fixtureItem(ItemKind kind, const QString &source, const QString &id, const QString &title,
                 const QDateTime &createdAt, SeverityLevel level = SeverityLevel::Unknown);
// fixtureItem() created `ageSecs` before fixtureStart().
Item agedItem(ItemKind kind, const QString &source, const QString &id, const QString &title,
              qint64 ageSecs, SeverityLevel level = SeverityLevel::Unknown);
SourceInfo fixtureSource(const QString &name, const QString &type, const QString &panel);
SourceHealth okHealthAt(const QDateTime &at);
// One source per panel: "alerts" (incidents), "halts" (andons), "jira-run" (requests),
// "jira-bugs" (bugs); all pending.
void addStandardSources(Board &board);
// A realistic morning on duty at `now`: every severity, an unseen one, an andon, requests,
// a stale bug source, a source with TLS verification off and one still pending ("statuspage").
// Expects addStandardSources() first.
void fillSampleBoard(Board &board, const QDateTime &now);
