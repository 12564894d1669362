// SPDX-License-Identifier: MIT
// Where a lean-workflow test keeps its state: SQLite at the path it gives, or, when the test runs
// with DUTYBOARD_TEST_BACKEND=postgres (the "_postgres" copies ctest registers), a schema of a
// private PostgreSQL started once per test process. The schema is named after the path, so a
// test that reopens the same path restarts on the same state: both backends run the same tests.
#pragma once

#include "core/config/AppConfig.h"
#include "core/store/StoreLocation.h"

#include <nlohmann/json.hpp>

// Whether this run keeps the state on PostgreSQL.
bool testStateIsPostgres();
// The store for `sqlitePath` (for tests that open a Store themselves).
StoreLocation testStateLocation(const QString &sqlitePath);
// The config's "state" section for `sqlitePath`: an empty object on SQLite (the path is given
// to openState), {"state": {"type": "postgres", …}} on PostgreSQL.
nlohmann::json testStateConfig(const QString &sqlitePath);
// `config` with testStateConfig(sqlitePath) in it, parsed.
AppConfig withTestState(nlohmann::json config, const QString &sqlitePath);
