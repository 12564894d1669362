// SPDX-License-Identifier: MIT
#include "StateConfig.h"

#include "core/config/ConfigError.h"
#include "core/config/ConfigSection.h"
#include "core/config/Secrets.h"

#include <QRegularExpression>

namespace {

using json = nlohmann::json;

const char *const sslModes[] = {"disable", "allow",     "prefer",
                                "require", "verify-ca", "verify-full"};

QString stringAt(const json &object, const char *key, const QString &pointer, bool required,
                 const QString &fallback = QString()) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            throw ConfigError(jsonPointerAt(pointer, QLatin1String(key)),
                              QStringLiteral("required for \"type\": \"postgres\""));
        return fallback;
    }
    if (!it->is_string() || it->get<std::string>().empty())
        throw ConfigError(jsonPointerAt(pointer, QLatin1String(key)),
                          QStringLiteral("expected a non-empty string"));
    const QString value = QString::fromStdString(it->get<std::string>());
    // Qt hands the options to libpq separated by ';' and spaces: a value cannot hold them.
    if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char(' ')))
        throw ConfigError(jsonPointerAt(pointer, QLatin1String(key)),
                          QStringLiteral("may not contain ';' or spaces"));
    return value;
}

StoreLocation parsePostgres(const json &state, const QString &pointer) {
    rejectUnknownKeys(state, pointer,
                      {"type", "host", "port", "database", "user", "password_env", "password_file",
                       "password_keyring", "password", "sslmode", "sslrootcert", "schema"});
    StoreLocation where;
    where.backend = StoreLocation::Backend::Postgres;
    where.host = stringAt(state, "host", pointer, true);
    where.database = stringAt(state, "database", pointer, false, QStringLiteral("dutyboard"));
    where.user = stringAt(state, "user", pointer, false, QStringLiteral("dutyboard"));
    if (const auto port = state.find("port"); port != state.end()) {
        if (!port->is_number_integer() || port->get<int>() < 1 || port->get<int>() > 65535)
            throw ConfigError(jsonPointerAt(pointer, QStringLiteral("port")),
                              QStringLiteral("expected a port number from 1 to 65535"));
        where.port = port->get<int>();
    }
    // An inline "password" is refused by readSecret, naming the _env and _file ways.
    where.password = readSecret(state, pointer, "password");
    if (where.password.isEmpty())
        where.passwordKeyring = secretKeyringEntry(state, pointer, "password");
    where.sslmode = stringAt(state, "sslmode", pointer, false);
    if (!where.sslmode.isEmpty()) {
        bool known = false;
        for (const char *mode : sslModes)
            known = known || where.sslmode == QLatin1String(mode);
        if (!known)
            throw ConfigError(jsonPointerAt(pointer, QStringLiteral("sslmode")),
                              QStringLiteral("expected one of disable, allow, prefer, require, "
                                             "verify-ca, verify-full"));
    }
    where.sslrootcert = stringAt(state, "sslrootcert", pointer, false);
    where.schema = stringAt(state, "schema", pointer, false, QStringLiteral("public"));
    // Written into SQL as an identifier (search_path, the LISTEN channel): only a plain one.
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]{0,50}$"));
    if (!identifier.match(where.schema).hasMatch())
        throw ConfigError(jsonPointerAt(pointer, QStringLiteral("schema")),
                          QStringLiteral("expected a lowercase identifier: letters a-z, digits and "
                                         "'_', not starting with a digit, at most 51 characters"));
    return where;
}

} // namespace

std::optional<StoreLocation> parseStateConfig(const json &document) {
    const json *state = configSection(document, "state");
    if (!state)
        return std::nullopt;
    const QString pointer = QStringLiteral("/state");
    const auto type = state->find("type");
    const std::string name =
        type != state->end() && type->is_string() ? type->get<std::string>() : std::string();
    if (name == "postgres")
        return parsePostgres(*state, pointer);
    if (name != "sqlite")
        throw ConfigError(jsonPointerAt(pointer, QStringLiteral("type")),
                          QStringLiteral("expected \"sqlite\" or \"postgres\""));
    rejectUnknownKeys(*state, pointer, {"type", "path"});
    const QString path = stringAt(*state, "path", pointer, false);
    if (path.isEmpty())
        return std::nullopt;
    return StoreLocation::sqlite(path);
}
