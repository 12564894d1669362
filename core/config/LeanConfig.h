// SPDX-License-Identifier: MIT
// The lean workflow's part of the config: where actions go, self-service rules, the 15-minute
// rule's thresholds, the WIP limit and who is on duty. Checked against the sources' connectors,
// so an action can never target a source that cannot make that write call.
#pragma once

#include "core/config/AppConfig.h"
#include "core/sources/ConnectorLookup.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// "read replica" -> `qontoctl rds create-read-replica …`: a recurring request answered by a
// command the requester can run themselves.
struct SelfServiceRule {
    QString pattern; // as written in the config
    QRegularExpression match;
    QString command;
    QString doc; // optional link to the documentation
};

struct LeanConfig {
    // Source names, in config order (`"actions":{"andon":["prod-alerts","duty"],…}`).
    QStringList andonTargets;
    QStringList incidentTargets;
    QStringList bugTargets;
    QStringList projectTargets;
    QStringList handoverTargets; // where the RUN's handover report is sent

    std::vector<SelfServiceRule> selfService;
    int amberMin = 10;
    int redMin = 15;
    int wipLimit = 1;
    // A bug whose state matches is waiting on someone else; one matching inProgress is worked on.
    QRegularExpression waiting{QStringLiteral("wait|blocked|vendor|third"),
                               QRegularExpression::CaseInsensitiveOption};
    QRegularExpression inProgress{QStringLiteral("in.?progress|doing|started"),
                                  QRegularExpression::CaseInsensitiveOption};
    // A declared incident shows as "declaring…" until its source lists it, at most this long.
    int declaringTimeoutMin = 10;

    QString onDuty; // from "on_duty"; empty when not configured
    // "on_duty_url": a generic source object (url, path, items, fields, auth…) whose first
    // item's title names the person on duty.
    std::optional<SourceConfig> onDutySource;

    // The first rule matching the request's text, or nullptr.
    const SelfServiceRule *suggestionFor(const QString &text) const;
};

// Reads the lean sections of `config.raw`. Throws ConfigError (file set) with the exact pointer:
// "/actions/andon/1: no source named \"dutty\"", "/self_service/0/match: not a valid regular
// expression…", "/investigation/red_min: expected …".
LeanConfig parseLeanConfig(const AppConfig &config, const ConnectorLookup &connectorOf);

// The person actions are signed with: the one on duty, else $USER, else "someone".
QString actingPerson(const QString &onDuty);
