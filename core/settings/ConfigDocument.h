// SPDX-License-Identifier: MIT
// The config file as the sources editor changes it: read with its keys in the user's order,
// written back whole. A save goes through a temporary file, flushed to disk, then renamed over
// the old one, so a crash or a kill never leaves half a file; the previous file is kept as
// "<file>.bak" (one backup). The JSON has no comments: "_comment" keys carry the notes.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

// The document at `path`; on failure, a null document and `error` set.
nlohmann::ordered_json readConfigDocument(const QString &path, QString *error);

// Checks `document` as dutyboard would read it (the same errors as at start: file, JSON
// pointer, expectation), then saves it. Returns the error, empty when saved.
QString saveConfigDocument(const QString &path, const nlohmann::ordered_json &document);
