// SPDX-License-Identifier: MIT
// A connector's own keys in its source object ("jql", "repo", "labels"…), read with errors
// that name the key's JSON pointer and what it must hold.
#pragma once

#include "core/config/SourceConfig.h"

#include <QHash>
#include <QString>
#include <QStringList>

// The string at `key`; empty when absent and not `required`. Throws ConfigError at
// <pointer>/<key> with "expected <expected>" when it is of another type, or empty or absent
// while required.
QString sourceString(const SourceConfig &config, const char *key, const QString &expected,
                     bool required);

// An optional array of non-empty strings at `key` (empty when absent). Strings must not contain
// any character of `forbidden` (a separator the API joins them with). Throws ConfigError at the
// key or at the offending entry.
QStringList sourceStringList(const SourceConfig &config, const char *key, const QString &expected,
                             const QString &forbidden = {});

// An optional boolean at `key`; `fallback` when absent. Throws ConfigError at <pointer>/<key>
// with "expected true or false" when it is of another type.
bool sourceBool(const SourceConfig &config, const char *key, bool fallback);

// An optional object of non-empty strings at `key` ({"SEV-1": "01H…"}); empty when absent.
// Throws ConfigError at the key, or at the offending entry, with "expected <expected>".
QHash<QString, QString> sourceStringMap(const SourceConfig &config, const char *key,
                                        const QString &expected);
