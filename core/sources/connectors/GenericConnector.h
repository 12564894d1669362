// SPDX-License-Identifier: MIT
// Maps any JSON REST API to items by configuration: where the item array is, where each
// field is, value maps, a URL template and one of four pagination styles (see GenericConfig.h).
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/GenericConfig.h"
#include "core/sources/connectors/GenericWrite.h"

class GenericConnector final : public Connector {
public:
    // Throws ConfigError when a required key is missing or a key has the wrong type.
    explicit GenericConnector(SourceConfig config);

    HttpRequest firstRequest() const override;
    ParsedPage parsePage(const HttpResult &result) const override;

    // The "write" section's webhook (GenericWrite.h), for the kinds it lists.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // Any 2xx is accepted; "created" pointers, when configured, fill createdId / createdUrl.
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

private:
    // Fills `item` from one array element; on a shape error returns false with the field's
    // pointer (relative to the element) and what was expected.
    bool mapItem(const nlohmann::json &entry, Item *item, QString *where, QString *expected) const;
    QString renderUrlTemplate(const nlohmann::json &entry) const;
    // The request for the page after `root`; nullopt on the last page. May set `error`.
    std::optional<HttpRequest> nextRequest(const nlohmann::json &root, const HttpResult &result,
                                           QString *error) const;
    // A next-page URL (absolute, or relative to the first request) as a request with auth;
    // refused when it leaves the configured server, so the token never goes elsewhere.
    std::optional<HttpRequest> followUrl(const QByteArray &urlOrPath, QString *error) const;

    GenericConfig m_map;
    std::optional<GenericWrite> m_write;
};
