// SPDX-License-Identifier: MIT
// Every configured source with its health: the source bar and the freshness badges read it.
#pragma once

#include "core/board/SourceHealth.h"
#include "core/time/Clock.h"

#include <QAbstractListModel>

#include <vector>

struct SourceInfo {
    QString name;
    QString type;
    QString panel;
    int intervalS = 30;
    SourceHealth health;
};

class SourceHealthModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TypeRole,
        PanelRole,
        StateRole,     // HealthState as int
        StateNameRole, // "ok", "stale", "failed", "pending"
        ErrorRole,
        LastSuccessRole, // QDateTime UTC
        RetryAtRole,     // QDateTime UTC, invalid when polling normally
        TlsVerifyOffRole,
        SummaryRole, // one line for a person: "prod-alerts: stale 3 min — timeout (…)"
    };
    Q_ENUM(Role)

    explicit SourceHealthModel(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    void addSource(const SourceInfo &info);
    // A source no longer configured (a live reload): its row goes.
    void removeSource(const QString &name);
    void setHealth(const QString &name, const SourceHealth &health);
    const SourceInfo *source(const QString &name) const;
    const std::vector<SourceInfo> &sources() const { return m_sources; }
    // The names of the sources that feed `panel` ("requests", …).
    QStringList sourcesOfPanel(const QString &panel) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString summary(const SourceInfo &info) const;

Q_SIGNALS:
    void healthChanged(const QString &name);

private:
    const Clock &m_clock;
    std::vector<SourceInfo> m_sources;
};
