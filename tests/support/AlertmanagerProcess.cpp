// SPDX-License-Identifier: MIT
#include "AlertmanagerProcess.h"

#include "tests/support/FreePort.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace {

// Routes everything to a receiver that notifies nobody: the tests only read the API.
const char *const configYaml = "route:\n"
                               "  receiver: \"null\"\n"
                               "receivers:\n"
                               "  - name: \"null\"\n";

constexpr int readyTimeoutMs = 15000;

nlohmann::json jsonOf(const HttpResult &result) {
    if (!result.ok() || result.status != 200)
        return nullptr;
    return nlohmann::json::parse(result.body.constData(),
                                 result.body.constData() + result.body.size(), nullptr, false);
}

} // namespace

AlertmanagerProcess::AlertmanagerProcess() {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

AlertmanagerProcess::~AlertmanagerProcess() {
    stop();
}

void AlertmanagerProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

std::vector<std::unique_ptr<AlertmanagerProcess>> AlertmanagerProcess::cluster(int count,
                                                                               QString *error) {
    std::vector<std::unique_ptr<AlertmanagerProcess>> replicas;
    QStringList addresses;
    for (int i = 0; i < count; ++i) {
        const quint16 port = freeLoopbackPort();
        if (port == 0) {
            *error = QStringLiteral("no free port on 127.0.0.1");
            return {};
        }
        addresses.append(QStringLiteral("127.0.0.1:%1").arg(port));
    }
    for (int i = 0; i < count; ++i) {
        auto replica = std::make_unique<AlertmanagerProcess>();
        replica->m_clusterListen = addresses[i];
        replica->m_clusterPeers = addresses;
        replica->m_clusterPeers.removeAt(i);
        if (!replica->start()) {
            *error = QStringLiteral("replica %1: %2").arg(i).arg(replica->errorString());
            return {};
        }
        replicas.push_back(std::move(replica));
    }
    return replicas;
}

QString AlertmanagerProcess::binaryPath() {
    const QString inPath =
        QStandardPaths::findExecutable(QStringLiteral("prometheus-alertmanager"));
    if (!inPath.isEmpty())
        return inPath;
    const QString fallback = QStringLiteral("/usr/bin/prometheus-alertmanager");
    return QFileInfo(fallback).isExecutable() ? fallback : QString();
}

QByteArray AlertmanagerProcess::baseUrl() const {
    return "http://127.0.0.1:" + QByteArray::number(m_port);
}

SourceConfig AlertmanagerProcess::sourceConfig(const nlohmann::json &extra) const {
    SourceConfig c;
    c.name = QStringLiteral("am");
    c.type = QStringLiteral("alertmanager");
    c.url = baseUrl();
    c.pointer = QStringLiteral("/sources/0");
    c.timeoutS = 5;
    c.raw = nlohmann::json{{"name", "am"}, {"type", "alertmanager"}, {"url", c.url.toStdString()}};
    c.raw.update(extra);
    return c;
}

bool AlertmanagerProcess::start() {
    const QString binary = binaryPath();
    if (binary.isEmpty()) {
        m_error = QStringLiteral("prometheus-alertmanager not found in PATH nor in /usr/bin: "
                                 "install the Debian package prometheus-alertmanager");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error =
            QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    QFile config(m_dir.filePath(QStringLiteral("alertmanager.yml")));
    if (!config.open(QIODevice::WriteOnly) || config.write(configYaml) < 0) {
        m_error = QStringLiteral("cannot write %1").arg(config.fileName());
        return false;
    }
    config.close();
    if (m_port != 0) { // started before: the same port, as a replica coming back
        bool portTaken = false;
        return startOnce(binary, &portTaken);
    }
    bool portTaken = false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (startOnce(binary, &portTaken))
            return true;
        if (!portTaken)
            return false;
    }
    return false;
}

bool AlertmanagerProcess::startOnce(const QString &binary, bool *portTaken) {
    if (m_port == 0 || *portTaken)
        m_port = freeLoopbackPort();
    if (m_port == 0) {
        m_error = QStringLiteral("no free port on 127.0.0.1");
        return false;
    }
    QStringList arguments = {
        QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("alertmanager.yml")),
        QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("data")),
        QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
        QStringLiteral("--cluster.listen-address=") + m_clusterListen};
    for (const QString &peer : m_clusterPeers)
        arguments.append(QStringLiteral("--cluster.peer=") + peer);
    if (!m_clusterListen.isEmpty()) // loopback is not a private address: say it is meant
        arguments.append(QStringLiteral("--cluster.advertise-address=") + m_clusterListen);
    m_process.start(binary, arguments);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot run %1: %2").arg(binary, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(readyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        const HttpResult ready = send(apiRequest("GET", "/-/ready"), 1000);
        if (ready.ok() && ready.status == 200)
            return true;
        QTest::qWait(100);
    }
    const QString output = QString::fromLocal8Bit(m_process.readAll()).right(2000);
    *portTaken = output.contains(QLatin1String("address already in use"));
    m_error = QStringLiteral("Alertmanager on port %1 was not ready within %2 s; its output:\n%3")
                  .arg(m_port)
                  .arg(readyTimeoutMs / 1000)
                  .arg(output);
    m_process.kill();
    m_process.waitForFinished(5000);
    return false;
}

HttpRequest AlertmanagerProcess::apiRequest(const QByteArray &method, const QByteArray &path,
                                            const QByteArray &body) const {
    HttpRequest r;
    r.method = method;
    r.url = baseUrl() + path;
    r.body = body;
    r.conditional = false;
    r.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!body.isEmpty())
        r.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

HttpResult AlertmanagerProcess::send(const HttpRequest &request, int timeoutMs) {
    // Shared: a late answer after a timeout must not write into a dead stack frame.
    auto answer = std::make_shared<std::optional<HttpResult>>();
    m_http.send(request, &m_context, [answer](const HttpResult &r) { *answer = r; });
    if (QTest::qWaitFor([&answer] { return answer->has_value(); }, timeoutMs + 2000))
        return **answer;
    HttpResult timedOut;
    timedOut.error = HttpError::Timeout;
    timedOut.errorText = QStringLiteral("no answer from HttpClient within %1 ms").arg(timeoutMs);
    return timedOut;
}

nlohmann::json AlertmanagerProcess::alerts() {
    return jsonOf(
        send(apiRequest("GET", "/api/v2/alerts?active=true&silenced=true&inhibited=true")));
}

nlohmann::json AlertmanagerProcess::silences() {
    return jsonOf(send(apiRequest("GET", "/api/v2/silences")));
}

bool AlertmanagerProcess::postAlerts(const QByteArray &jsonArray) {
    const HttpResult result = send(apiRequest("POST", "/api/v2/alerts", jsonArray));
    if (result.ok() && result.status == 200)
        return true;
    m_error = QStringLiteral("POST /api/v2/alerts: HTTP %1 %2 %3")
                  .arg(result.status)
                  .arg(result.errorText, QString::fromUtf8(result.body.left(500)));
    return false;
}

QString AlertmanagerProcess::postSilence(const QByteArray &silenceJson) {
    const HttpResult result = send(apiRequest("POST", "/api/v2/silences", silenceJson));
    if (result.ok() && result.status == 200) {
        const auto answer = nlohmann::json::parse(
            result.body.constData(), result.body.constData() + result.body.size(), nullptr, false);
        if (answer.is_object() && answer.contains("silenceID") && answer["silenceID"].is_string())
            return QString::fromStdString(answer["silenceID"].get<std::string>());
    }
    m_error = QStringLiteral("POST /api/v2/silences: HTTP %1 %2 %3")
                  .arg(result.status)
                  .arg(result.errorText, QString::fromUtf8(result.body.left(500)));
    return {};
}
