// SPDX-License-Identifier: MIT
#include "ExampleConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

// Kept as text (not built from code) so its comments and order read well.
const char exampleConfig[] = R"({
  "_comment": "dutyboard config. Move entries from _examples into sources and set the tokens' environment variables. Reference: README.md",
  "on_duty": "your-name",
  "sources": [
    {"name": "prod-alerts", "type": "alertmanager", "url": "http://127.0.0.1:9093",
     "panel": "incidents", "interval_s": 30}
  ],
  "_examples": [
    {"name": "desk", "type": "generic", "panel": "requests", "url": "https://desk.example.com",
     "path": "/api/requests?status=open", "items": "/data",
     "fields": {"id": "/id", "title": "/subject", "state": "/status", "created_at": "/created",
                "people": "/requester/name", "url": "/link", "severity": "/priority"},
     "values": {"severity": {"P1": "critical", "P2": "high"}},
     "pagination": {"style": "link"},
     "auth": {"type": "bearer", "token_env": "DESK_TOKEN"}},
    {"name": "duty", "type": "slack", "panel": "requests", "url": "https://slack.com/api",
     "channel": "C0123456", "workspace": "acme", "oldest_hours": 72, "interval_s": 60,
     "auth": {"token_env": "SLACK_TOKEN"}},
    {"name": "prod-alerts-tls", "type": "alertmanager", "url": "https://alertmanager.example.com",
     "panel": "incidents", "auth": {"type": "basic", "user": "dutyboard", "password_file": "~/.config/dutyboard/am.secret"},
     "tls": {"ca_file": "/etc/ssl/internal-ca.pem", "client_cert": "/etc/dutyboard/client.pem", "client_key": "/etc/dutyboard/client.key"}},
    {"name": "pd", "type": "pagerduty", "panel": "incidents", "url": "https://api.pagerduty.com",
     "auth": {"token_env": "PD_TOKEN"}, "service_id": "PXXXXXX", "from": "oncall@example.com"},
    {"name": "og", "type": "opsgenie", "panel": "incidents", "url": "https://api.opsgenie.com",
     "auth": {"token_env": "OPSGENIE_KEY"}, "ui_url": "https://example.app.opsgenie.com"},
    {"name": "iio", "type": "incidentio", "panel": "incidents", "url": "https://api.incident.io",
     "auth": {"token_env": "INCIDENTIO_KEY"}, "include_learning": true,
     "severity_ids": {"SEV-1": "01HXXXXXXXXXXXXXXXXXXXXXXX", "SEV-2": "01HYYYYYYYYYYYYYYYYYYYYYYY"}}
  ]
}
)";

} // namespace

QString writeExampleConfig(const QString &path) {
    if (QFileInfo::exists(path))
        return QStringLiteral("a config already exists at %1").arg(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return QStringLiteral("could not write an example config to %1: %2")
            .arg(path, file.errorString());
    file.write(exampleConfig);
    return QStringLiteral("wrote an example config to %1").arg(path);
}
