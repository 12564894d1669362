// SPDX-License-Identifier: MIT
// A vendor connector test's source: the object the test writes (its secret inline) and the
// environment variable a user would name instead; and the parse table the vendors share.
#pragma once

#include "core/sources/Connector.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

class VendorSource final {
public:
    VendorSource(nlohmann::json source, const char *tokenEnv)
        : m_source(std::move(source))
        , m_tokenEnv(tokenEnv) {}

    // The connector the registry makes for the source at `url`, with `patch` merged in.
    std::unique_ptr<Connector> connectorAt(const QByteArray &url,
                                           const nlohmann::json &patch = nullptr) const;
    // The source as a user writes it, at `url`, its token read from the environment: the JSON
    // SourceProbe takes.
    QByteArray probeJson(const QByteArray &url, const nlohmann::json &patch = nullptr) const;

private:
    nlohmann::json m_source;
    const char *m_tokenEnv;
};

// The columns of a vendor's parse table: the fixture file, a patch to the source, the expected
// items (as ItemMatch reads them); and one row of it.
void addParseColumns();
void addParseRow(const char *name, const char *file, const char *patch,
                 const std::string &expected);
