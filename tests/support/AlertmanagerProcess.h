// SPDX-License-Identifier: MIT
// The real Prometheus Alertmanager for integration tests: a private instance on a free
// 127.0.0.1 port with a throwaway config and storage, stopped when this object goes.
#pragma once

#include "core/config/SourceConfig.h"
#include "core/http/HttpClient.h"
#include "core/http/HttpRequest.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

class AlertmanagerProcess final {
public:
    AlertmanagerProcess();
    ~AlertmanagerProcess(); // stops the process
    AlertmanagerProcess(const AlertmanagerProcess &) = delete;
    AlertmanagerProcess &operator=(const AlertmanagerProcess &) = delete;

    // Starts it and waits until GET /-/ready answers 200 (at most 15 s). False with
    // errorString() when the binary is missing or it did not come up: tests must then fail,
    // not skip, so that a CI image without the package is noticed.
    bool start();
    QString errorString() const { return m_error; }
    // Stops it (its storage stays), and start() again on the same port: a replica that was down.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // `count` replicas gossiping on loopback (each --cluster.listen-address on a free port,
    // --cluster.peer the others), every one started and ready; empty with `error` set when one
    // did not come up.
    static std::vector<std::unique_ptr<AlertmanagerProcess>> cluster(int count, QString *error);
    QByteArray baseUrl() const; // "http://127.0.0.1:PORT"
    // GET /api/v2/alerts (active, silenced, inhibited) and /api/v2/silences as this replica
    // answers them; a null JSON on failure.
    nlohmann::json alerts();
    nlohmann::json silences();
    // An "alertmanager" source named "am" at this instance (pointer /sources/0), with `extra`
    // keys (such as "filter") in its raw config.
    SourceConfig sourceConfig(const nlohmann::json &extra = nlohmann::json::object()) const;

    // POST /api/v2/alerts with a JSON array of alerts; true on HTTP 200.
    bool postAlerts(const QByteArray &jsonArray);
    // POST /api/v2/silences; the new silence's id, or empty on failure (see errorString()).
    QString postSilence(const QByteArray &silenceJson);

    // Sends through HttpClient and waits for the answer while processing events.
    HttpResult send(const HttpRequest &request, int timeoutMs = 10000);

    // PATH first, then /usr/bin; empty when not installed.
    static QString binaryPath();

private:
    bool startOnce(const QString &binary, bool *portTaken);
    HttpRequest apiRequest(const QByteArray &method, const QByteArray &path,
                           const QByteArray &body = {}) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    HttpClient m_http;
    QObject m_context; // receives HttpClient's callbacks
    QString m_error;
    QString m_clusterListen;    // "127.0.0.1:PORT", empty: no HA mode
    QStringList m_clusterPeers; // the others' cluster addresses
};
