// SPDX-License-Identifier: MIT
// The demo's world: realistic, evolving answers in the real API shapes, computed from the
// seconds since the demo started (pure functions: safe on the server thread).
#pragma once

#include <QByteArray>
#include <QDateTime>

struct DemoMoment {
    QDateTime start; // when the demo started (UTC)
    qint64 elapsedS; // seconds since then
    QByteArray base; // the demo server's base URL, for links back to items
};

// Alertmanager API v2 `GET /api/v2/alerts`: incidents, a silenced alert, an unknown severity,
// and an andon. One incident resolves after a while; another appears.
QByteArray demoAlerts(const DemoMoment &m);
// A service desk's requests, read through the generic connector: new ones keep arriving.
QByteArray demoRequests(const DemoMoment &m);
// A bug tracker's open bugs, paginated by cursor (page 0 and 1), read through the generic
// connector.
QByteArray demoBugs(const DemoMoment &m, int page);
// Whether the bug tracker is "down" at this moment (it fails now and then, then recovers).
bool demoBugTrackerDown(qint64 elapsedS);
// The request whose investigation the demo starts 14 minutes in (the CI disk one, "taken").
struct DemoRequestRef {
    const char *source;
    const char *id;
};
DemoRequestRef demoInvestigatedRequest();
// A team's Kanban board, read through the generic connector: a card in every column, "Work in
// progress" over its WIP limit, and the project the demo's andon halts.
QByteArray demoCards(const DemoMoment &m);
// The dashboard config pointing every source at the demo server.
QByteArray demoConfig(const QByteArray &base);
