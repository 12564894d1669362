// SPDX-License-Identifier: MIT
// Sources that read the same server. A new user who wants the Andon panel adds a second
// alertmanager source on the same URL with "panel": "andons"; without care every alert would
// then show twice. Pure functions: run at start, and usable by a settings editor.
#pragma once

#include "core/config/SourceConfig.h"

#include <QStringList>

#include <vector>

// One warning per pair of sources that share a URL (a replica counts): "sources "A" and "B"
// read the same URL http://…", and what dutyboard does about it.
QStringList duplicateSourceWarnings(const std::vector<SourceConfig> &sources);

// Sets andonsElsewhere on every alertmanager source not on the Andon panel when another
// alertmanager source reads the same Alertmanager (the same set of URLs) onto the Andon panel.
// Then sets `repeats` on every alertmanager source that reads the same alerts as an earlier one
// (the same set of URLs, the same "filter", both on the Andon panel or both not, andons left
// alike): what it would show is already shown.
void showEachAlertOnce(std::vector<SourceConfig> *sources);
