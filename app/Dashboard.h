// SPDX-License-Identifier: MIT
// Everything a running dashboard holds, built from a config: the HTTP client, the board,
// the poller with one connector per source, and (for --demo) the demo server.
#pragma once

#include "core/attention/Notifier.h"
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/config/LeanConfig.h"
#include "core/config/Objectives.h"
#include "core/config/WallConfig.h"
#include "core/http/HttpClient.h"
#include "core/lean/InvestigationClocks.h"
#include "core/lean/Outbox.h"
#include "core/lean/TriageStore.h"
#include "core/sources/OnDutySchedule.h"
#include "core/sources/Poller.h"
#include "core/store/History.h"
#include "core/store/LocalStore.h"
#include "core/store/SnapshotCache.h"
#include "demo/DemoServer.h"

#include <QObject>

#include <memory>

class Dashboard final : public QObject {
    Q_OBJECT
public:
    // Builds every connector first, then reads the lean sections against them: a config error
    // throws ConfigError before anything starts.
    explicit Dashboard(const AppConfig &config, QObject *parent = nullptr);
    ~Dashboard() override;

    // Starts the built-in demo server and returns its config; empty on failure.
    static QByteArray startDemo(std::unique_ptr<DemoServer> *server);

    Board *board() const { return m_board; }
    Poller *poller() const { return m_poller; }
    const AppConfig &config() const { return m_config; }
    // The config's "wall" and "notifications" sections, checked at construction.
    const WallConfig &wallConfig() const { return m_wall; }
    // Decides the desktop notifications; reportBreach() is the 15-minute rule's way in.
    Notifier *notifier() const { return m_notifier; }
    void keepDemoServer(std::unique_ptr<DemoServer> server) { m_demo = std::move(server); }
    DemoServer *demoServer() const { return m_demo.get(); }

    // Opens the local state (`path`; empty: LocalStore::defaultPath()) and starts the lean
    // workflow on it: the outbox loads and sends what earlier runs left pending, clocks and
    // triage decisions load. False when no database could be opened; `notice` says why, or
    // that a corrupt file was moved aside.
    bool openState(const QString &path, QString *notice);
    const LeanConfig &lean() const { return m_lean; }
    // nullptr until openState() succeeded.
    LocalStore *store() const { return m_store.get(); }
    Outbox *outbox() const { return m_outbox; }
    InvestigationClocks *clocks() const { return m_clocks; }
    TriageStore *triage() const { return m_triage; }
    // Who actions are signed with: the person on duty (config or schedule), else $USER.
    QString actingPerson() const;
    void setOnDuty(const QString &person) { m_lean.onDuty = person; }
    // The person on duty for the header: the schedule's when "on_duty_url" is set, else
    // "on_duty". Stale: the schedule failed (the last name it gave, or "on_duty", stands).
    QString onDuty() const { return m_lean.onDuty; }
    bool isOnDutyStale() const { return m_onDuty && m_onDuty->isStale(); }
    // nullptr without "on_duty_url". startOnDuty() starts reading it (once).
    OnDutySchedule *onDutySchedule() const { return m_onDuty; }
    void startOnDuty();
    const Objectives &objectives() const { return m_objectives; }

    // Records history on each refresh, in the store openState() opened (the demo's throwaway
    // store is seeded with two weeks first). nullptr while no state is open.
    History *startHistory();
    History *history() const { return m_history; }

    // Shows the items saved by the last run at once (stale until their source answers) and
    // keeps saving them: for the window and the wall screen, not for one-shot commands.
    // nullptr while no state is open.
    SnapshotCache *startSnapshotCache();

Q_SIGNALS:
    // The schedule named someone else, or became stale, or answered again.
    void onDutyChanged();

private:
    AppConfig m_config;
    Objectives m_objectives;
    History *m_history = nullptr;
    SnapshotCache *m_snapshots = nullptr;
    WallConfig m_wall;
    std::unique_ptr<DemoServer> m_demo; // declared first among owners: outlives the poller
    HttpClient *m_http;
    Board *m_board;
    Poller *m_poller;
    LeanConfig m_lean;
    std::unique_ptr<LocalStore> m_store;
    Outbox *m_outbox = nullptr;
    InvestigationClocks *m_clocks = nullptr;
    TriageStore *m_triage = nullptr;
    Notifier *m_notifier = nullptr;
    OnDutySchedule *m_onDuty = nullptr;
    bool m_onDutyStarted = false;
};
