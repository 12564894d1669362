// SPDX-License-Identifier: MIT
// The running application's context, built from a config: it makes and owns every long-lived
// object (HTTP client, board, sources, poller, local state, lean state, history) and wires them.
// Only the commands that start a run (window, print, actions) and tests use it; each class
// they build gets the pieces it uses, never the context. Members are declared in the order
// they depend on each other, so destruction runs in the reverse: what posts to the store and
// the HTTP client goes before them.
#pragma once

#include "app/reload/ConfigChange.h"
#include "core/board/Board.h"
#include "core/config/AppConfig.h"
#include "core/config/LeanConfig.h"
#include "core/config/Objectives.h"
#include "core/config/WallConfig.h"
#include "core/http/HttpClient.h"
#include "core/lean/LeanState.h"
#include "core/lean/OnDuty.h"
#include "core/sources/Poller.h"
#include "core/sources/SourceSet.h"
#include "core/store/History.h"
#include "core/store/SnapshotCache.h"
#include "core/store/Store.h"
#include "demo/DemoServer.h"

#include <memory>
#include <optional>

class LeanController;
class Notifier;
class OnDutyByHand;
class WallAcknowledgements;

class AppContext final {
public:
    // Builds every connector first, then reads the lean sections against them: a config error
    // throws ConfigError (naming the config's file) before anything starts.
    explicit AppContext(const AppConfig &config);
    ~AppContext();
    AppContext(const AppContext &) = delete;
    AppContext &operator=(const AppContext &) = delete;

    // A live reload (`next` read and checked, keyring secrets read; app/reload/ApplyConfig.cpp).
    // Sources added start polling, removed ones stop and their items go, changed ones (any key,
    // or their secret) start over; the others keep their items, health and backoff. The lean
    // keys (actions, self_service, investigation, wip_limit, on_duty…), "wall" (but its name),
    // "notifications" and "kanban" apply too; "state" and "objectives" wait for a restart, and
    // the change says so. Everything is read and every connector made first, against the new
    // sources: a mistake throws ConfigError (naming the file) and changes nothing.
    ConfigChange applyConfig(const AppConfig &next);

    // Starts the built-in demo server and returns its config; empty on failure.
    static QByteArray startDemo(std::unique_ptr<DemoServer> *server);
    void keepDemoServer(std::unique_ptr<DemoServer> server) { m_demo = std::move(server); }
    DemoServer *demoServer() const { return m_demo.get(); }

    const AppConfig &config() const { return m_config; }
    const LeanConfig &lean() const { return m_lean; }
    // The config's "wall" and "notifications" sections, checked at construction (and reload).
    const WallConfig &wallConfig() const { return m_wall; }
    const Objectives &objectives() const { return m_objectives; }

    Board *board() const { return m_board.get(); }
    // The HTTP client every source and write goes through (the sources editor's Test too).
    HttpClient *http() const { return m_http.get(); }
    const SourceSet &sources() const { return m_sources; }
    Poller *poller() const { return m_poller.get(); }
    // Decides the desktop notifications; reportBreach() is the 15-minute rule's way in.
    Notifier *notifier() const { return m_notifier.get(); }
    // Who is on duty: "on_duty", or the schedule's name when "on_duty_url" is set (the poller
    // reads it with the sources once started).
    OnDuty *onDuty() const { return m_onDuty.get(); }
    bool hasOnDutySchedule() const { return static_cast<bool>(m_onDutySource); }
    // Asks the schedule now, without starting the poller (a command that signs an action).
    void fetchOnDutyNow();

    // Opens the state and starts the lean workflow on it: the outbox loads and sends what
    // earlier runs left pending, clocks and triage decisions load. The local SQLite file is
    // `path`, else the config's "state" path, else Store::defaultPath(); with a "postgres"
    // state the lean workflow and the history live in the team's store, and the local file
    // keeps what is this machine's (the saved snapshot, the journal). False when no database
    // could be opened, or the team's refused us; `notice` says why, or that a corrupt file was
    // moved aside, or that the team's store is unreachable for now (it keeps trying).
    // `opening`: whether to wait for the team's store to answer (commands), or to connect in
    // the background (the window).
    bool openState(const QString &path, QString *notice,
                   Store::Opening opening = Store::Opening::Wait);
    // Where the lean state is (the team's store, or the local one); nullptr until openState().
    Store *store() const { return m_teamStore ? m_teamStore.get() : m_localStore.get(); }
    // This machine's store; nullptr until openState().
    Store *localStore() const { return m_localStore.get(); }
    LeanState *leanState() const { return m_leanState.get(); }
    // The on-duty name set by hand, kept where the lean state is; nullptr until openState().
    OnDutyByHand *onDutyByHand() const { return m_onDutyByHand.get(); }
    // What the room acknowledged on this wall (the config's wall name, else the host name),
    // kept where the lean state is; nullptr until openState().
    WallAcknowledgements *wallAcknowledgements() const { return m_wallAcks.get(); }
    // The lean workflow's actions over this context's board, state and sources (openState()
    // done), owned by `parent`.
    LeanController *createLeanController(QObject *parent) const;

    // Records history on each refresh, where the lean state is (the demo's throwaway
    // store is seeded with two weeks first). nullptr while no state is open.
    History *startHistory();
    History *history() const { return m_history.get(); }

    // Shows the items saved by the last run at once (stale until their source answers) and
    // keeps saving them: for the window and the wall screen, not for one-shot commands.
    // nullptr while no state is open.
    SnapshotCache *startSnapshotCache();

    // A QObject destroyed first when the context goes: windows built on the context are tied
    // to it (they go before the board they show), and connections use it as their context.
    QObject *lifetime() const { return m_lifetime.get(); }

private:
    // Reads the on-duty schedule through the poller, into m_onDuty.
    void followSchedule(std::unique_ptr<Connector> schedule);

    AppConfig m_config;
    Objectives m_objectives;
    WallConfig m_wall;
    LeanConfig m_lean;
    std::unique_ptr<DemoServer> m_demo;           // first: outlives every client of it
    std::optional<StoreLocation> m_stateLocation; // the config's "state"
    std::unique_ptr<Store> m_localStore;          // runs the writes still queued when it goes
    std::unique_ptr<Store> m_teamStore;           // the same, for a "postgres" state
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<Board> m_board;
    SourceSet m_sources;
    std::unique_ptr<Connector> m_onDutySource;
    std::unique_ptr<OnDuty> m_onDuty;
    std::unique_ptr<Poller> m_poller; // waits for parses in flight; feeds m_onDuty
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<LeanState> m_leanState;
    std::unique_ptr<OnDutyByHand> m_onDutyByHand;
    std::unique_ptr<WallAcknowledgements> m_wallAcks;
    std::unique_ptr<History> m_history;
    std::unique_ptr<SnapshotCache> m_snapshots; // saves the last items when it goes
    std::unique_ptr<QObject> m_lifetime = std::make_unique<QObject>(); // last: goes first
};
