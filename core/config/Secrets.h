// SPDX-License-Identifier: MIT
// Secrets come from an environment variable or a private file, never from the config itself,
// and every secret read is remembered so that logs and messages can be redacted.
#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

// Reads `<base>_env` or `<base>_file` from `auth` (base: "token" or "password").
// Returns an empty array when neither key is present (`<base>_keyring` is read later, from the
// desktop keyring: see secretKeyringEntry). Throws ConfigError (at `pointer`)
// for an unset variable, an unreadable file, a file readable by group or others, or an
// inline `<base>` value.
QByteArray readSecret(const nlohmann::json &auth, const QString &pointer, const char *base);

// The keyring entry `<base>_keyring` names, or an empty string. Throws ConfigError when the key
// is not a non-empty string.
QString secretKeyringEntry(const nlohmann::json &auth, const QString &pointer, const char *base);

// Replaces every secret read so far with "[redacted]".
QString redactSecrets(QString text);
// Whether any secret read so far occurs in `bytes`: one fast search per secret, so a response
// body can be checked before its items are (rarely) redacted field by field.
bool containsSecret(const QByteArray &bytes);
// Registers a secret for redaction (readSecret does it; tests may too).
void rememberSecret(const QByteArray &secret);
