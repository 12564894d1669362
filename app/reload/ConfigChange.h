// SPDX-License-Identifier: MIT
// What a live reload changed (AppContext::applyConfig), for a person and for the window.
#pragma once

#include <QString>
#include <QStringList>

struct ConfigChange {
    // For a person: "1 source added, 1 changed; wip_limit, wall applied"; empty: nothing.
    QString what;
    // The config's top-level keys applied besides "sources" ("wall", "wip_limit"…).
    QStringList sections;
    // What waits for a restart: "\"state\" changed: restart dutyboard to apply it"; empty: none.
    QString notApplied;
};
