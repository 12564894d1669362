// SPDX-License-Identifier: MIT
// Prometheus Alertmanager API v2: alerts become incidents; an alert labelled andon="true" is
// an andon (a halted project), which every dashboard sees through the shared Alertmanager.
#pragma once

#include "core/sources/Connector.h"

#include <QByteArrayList>
#include <QDateTime>

#include <memory>
#include <vector>

struct AlertFields;

class AlertmanagerConnector final : public Connector {
public:
    // Optional key "filter": a matcher string or an array of them (`team="sre"`), sent as
    // repeated filter= parameters. Throws ConfigError when it has another shape.
    // A cluster ("url" a list) is read replica by replica (SourceFetcher merges the answers).
    explicit AlertmanagerConnector(SourceConfig config);

    void setClock(const Clock &clock) override;
    // Alerts are not gossiped between replicas (Prometheus sends each alert to every one), so
    // an andon or a declared incident goes to every replica, one outbox row each
    // ("prod@am-1:9093"): a replica that is down gets it when it is back. Silences are
    // gossiped: they go to the source, which moves on to the next replica when one cannot be
    // reached.
    QStringList writeTargets(WriteKind kind) const override;
    const Connector *replica(const QString &target) const override;

    HttpRequest firstRequest() const override;
    // The body is the array GET /api/v2/alerts answers; one alert without a fingerprint makes
    // the whole page a shape error (an id is what keeps items stable between refreshes).
    ParsedPage parsePage(const HttpResult &result) const override;

    // Writes (AlertmanagerWrites.cpp): RaiseAndon and ResolveAndon post the andon alert (same
    // labels: a re-post is the same alert, so retries never duplicate), CreateIncident posts a
    // "DeclaredIncident" alert, CreateSilence posts a silence.
    bool supportsWrite(WriteKind kind) const override;
    HttpRequest writeRequest(const WriteAction &action) const override;
    // 2xx is accepted; a silence's id goes to createdId, its page to createdUrl. A 4xx says
    // Alertmanager's own reason ("Alertmanager refused (HTTP 400): …").
    WriteOutcome parseWriteResult(const WriteAction &action,
                                  const HttpResult &result) const override;

    // Acknowledge: a silence whose matchers are exactly the alert's labels, commented
    // "acknowledged by NAME via dutyboard", for acknowledgementLifetimeS() (4 h), renewed by
    // the OwnershipKeeper while the alert fires (the same silence, read first, then posted with
    // its id and start; a new one if it was expired meanwhile). Release expires it. Both first look
    // for the silence an earlier attempt made (by its comment and matchers), so a kill between its
    // creation and its mark leaves one silence, not two.
    qint64 acknowledgementLifetimeS() const override;
    static constexpr qint64 acknowledgementSilenceS = 4 * 3600;

    // The JSON a write sends, as of `now`: the alerts array, or the silence object.
    static nlohmann::json writeBody(const WriteAction &action, const QDateTime &now);
    // `name=value`, `name!=value`, `name=~regex`, `name!~regex` (the value may be quoted) as an
    // API v2 matcher; false when `text` is not one.
    static bool parseMatcher(const QString &text, nlohmann::json *matcher);

private:
    HttpRequest requestOnFirstReplica(const WriteAction &action) const;
    // The Alertmanager UI of the replica `action` talks to.
    QByteArray uiBase(const WriteAction &action) const;
    // A source on the Andon panel shows only andons; one whose andons another source of the
    // same Alertmanager shows leaves them to it; one that repeats an earlier source shows none.
    bool shows(const Item &item) const;
    Item toItem(const AlertFields &alert) const;
    // The first step of an acknowledgement or a release: GET /api/v2/silences.
    WriteOutcome parseSilenceLookup(const WriteAction &action, const HttpResult &result) const;
    // The first step of a renewal: GET /api/v2/silence/{id}.
    WriteOutcome parseRenewalLookup(const WriteAction &action, const HttpResult &result) const;

    QByteArray m_pathAndQuery;
    QString m_alertsPageUrl; // the Alertmanager UI's alert list, for alerts without generatorURL
    std::vector<std::unique_ptr<AlertmanagerConnector>> m_replicas; // a cluster's, for writes
};
