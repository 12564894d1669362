// SPDX-License-Identifier: MIT
// A source's "group_by": the labels whose values group its alerts into one row on the incidents
// panel. Alertmanager's alerts group by alertname unless told ([] turns it off); other sources
// have no labels to group by. Read from the source's JSON like the connectors' own keys.
#pragma once

#include "core/config/AppConfig.h"
#include "core/config/SourceConfig.h"

#include <QStringList>

#include <functional>

// Throws ConfigError (at /sources/N/group_by…) when the key is there and wrong.
QStringList sourceGroupBy(const SourceConfig &source);

// Each source's group_by as `config` says now (read at every regroup, so a live reload that
// replaces the configuration is seen); a source not configured groups by nothing.
std::function<QStringList(const QString &source)> groupByOfConfig(const AppConfig *config);
