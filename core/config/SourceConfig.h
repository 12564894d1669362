// SPDX-License-Identifier: MIT
// One configured data source, with its secrets already resolved (never printed).
#pragma once

#include "core/board/Item.h"
#include "core/http/HttpRequest.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

struct AuthConfig {
    // "none", "bearer", "basic", "header" (custom header name), or "vendor" (the
    // connector's own header: GenieKey, Token token=, PRIVATE-TOKEN…).
    QString type = QStringLiteral("none");
    QString user;          // basic
    QByteArray headerName; // header
    QByteArray secret;     // token or password; redact everywhere
    QString keyringEntry;  // token_keyring / password_keyring: where `secret` is read from
    QString secretError;   // the keyring could not give the secret: the source's error
};

struct SourceConfig {
    QString name;
    QString type;
    QByteArray url; // API base; a path prefix is kept
    // Every replica of a cluster ("url" given as a list, alertmanager only); urls[0] == url.
    // One entry for a plain source.
    QByteArrayList urls;
    ItemKind panel = ItemKind::Incident;
    int intervalS = 30;
    int timeoutS = 20;
    int maxPages = 20;
    int maxBodyMb = 64; // an answer larger than this is refused (max_body_mb)
    AuthConfig auth;
    TlsOptions tls;
    QByteArray proxy;
    // Another source reads the same Alertmanager onto the Andon panel: this one leaves the
    // andon alerts to it, so each shows once (see DuplicateSources.h).
    bool andonsElsewhere = false;
    // The name of an earlier alertmanager source that reads exactly the same alerts (same URLs,
    // filter and panel role): this one shows none of them, so each shows once.
    QString repeats;
    QString pointer;    // where this source sits in the config: "/sources/2"
    nlohmann::json raw; // the source's whole JSON object, for connector-specific keys

    // The replicas to read: `urls`, or `url` alone when a test or the demo set only that.
    QByteArrayList replicaUrls() const { return urls.isEmpty() ? QByteArrayList{url} : urls; }
};
