// SPDX-License-Identifier: MIT
// One run of the app for the lean workflow's tests: an application context on a config and a
// state, its lean controller, and what the tests ask of them (load the desk's request, count
// rows in the state).
#pragma once

#include "app/AppContext.h"
#include "core/lean/LeanController.h"

#include <memory>

struct LeanRun {
    std::unique_ptr<AppContext> context;
    std::unique_ptr<LeanController> controller; // null when the state did not open
    QString notice;                             // what opening the state said

    // Opens the state with `localPath` as the local file (the config may name a team store).
    LeanRun(const AppConfig &config, const QString &localPath);
    ~LeanRun(); // the controller before the context
    LeanRun(const LeanRun &) = delete;
    LeanRun &operator=(const LeanRun &) = delete;

    bool opened() const { return controller != nullptr; }
    // Fetches every source once and returns the first request (fatal after 10 s).
    Item loadRequest();
    const InvestigationClock *clock(const Item &request) const;
    // A number from the lean state (SELECT COUNT(*) …), read on the store's thread; -1 on error.
    int count(const QString &sql) const;
    // Nothing pending in the outbox, nothing on the way.
    bool settled() const;
};
