// SPDX-License-Identifier: MIT
// Switches between the desktop window and the wall screen. One wall window for the whole run,
// created on first use and reused: entering and leaving a hundred times allocates nothing new.
// The wall's rows carry the desk's marks (the lean workflow's "TAKEN · victor · 0:12").
#pragma once

#include <QObject>
#include <QSize>

#include <functional>

struct Item;

class Board;
class History;
class MainWindow;
class OnDuty;
class WallAcknowledgements;
class WallWindow;
struct Objectives;
struct WallConfig;

class WallMode final : public QObject {
    Q_OBJECT
public:
    // Shows `board` as `config` says, with `onDuty` in the header; `history` (may be null) feeds
    // a charts page. Each must outlive this object.
    WallMode(Board *board, const WallConfig &config, const Objectives &objectives,
             const OnDuty *onDuty, History *history, MainWindow *window, QObject *parent = nullptr);
    ~WallMode() override;

    bool isActive() const;
    // Whether a mark on the panels moves every second (an investigation clock runs, an UNOWNED
    // badge pulses): the wall then repaints them each second. Unset: never.
    void setTicking(std::function<bool()> ticking);
    // Where what the room acknowledges is kept (may be null: in memory); set before enter().
    void setAcknowledgements(WallAcknowledgements *acks) { m_acks = acks; }
    WallWindow *wallWindow() const { return m_wall; }
    // Who owns an item now, for the wall's filter (its "owner=" and hide-silenced); unset:
    // the source's word.
    void setOwnerOf(std::function<QString(const Item &)> ownerOf) {
        m_ownerOf = std::move(ownerOf);
    }

public Q_SLOTS:
    // `screen`: a name or index from the command line or the View menu (remembered), empty for
    // the config's choice, the remembered one, or the desktop window's own monitor.
    // A valid `size` gives a window of that size instead of full screen (screenshots).
    void enter(const QString &screen = {}, const QSize &size = {});
    void leave();
    void toggle();
    // The marks changed (a request taken or decided, an owner, here or on another screen).
    void repaintMarks();
    // The config's "wall" section was reloaded: the wall is built again from it (shown again
    // where it was, when it shows).
    void applyConfig();

Q_SIGNALS:
    void activeChanged(bool active);

private:
    void showOnDuty();
    void showDeskMarks();
    void applyFilter();

    Board *m_board;
    const WallConfig &m_config;
    const Objectives &m_objectives;
    const OnDuty *m_onDuty;
    History *m_history;
    MainWindow *m_window;
    WallWindow *m_wall = nullptr;
    std::function<bool()> m_ticking;
    WallAcknowledgements *m_acks = nullptr;
    std::function<QString(const Item &)> m_ownerOf;
    QString m_screen; // enter()'s, to show a rebuilt wall where it was
    QSize m_size;
};
