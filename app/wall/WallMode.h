// SPDX-License-Identifier: MIT
// Switches between the desktop window and the wall screen. One wall window for the whole run,
// created on first use and reused: entering and leaving a hundred times allocates nothing new.
#pragma once

#include <QObject>
#include <QSize>

class Dashboard;
class MainWindow;
class WallWindow;

class WallMode final : public QObject {
    Q_OBJECT
public:
    WallMode(Dashboard *dashboard, MainWindow *window, QObject *parent = nullptr);
    ~WallMode() override;

    bool isActive() const;
    WallWindow *wallWindow() const { return m_wall; }

public Q_SLOTS:
    // `screen`: a name or index from the command line or the View menu (remembered), empty for
    // the config's choice, the remembered one, or the desktop window's own monitor.
    // A valid `size` gives a window of that size instead of full screen (screenshots).
    void enter(const QString &screen = {}, const QSize &size = {});
    void leave();
    void toggle();

Q_SIGNALS:
    void activeChanged(bool active);

private:
    Dashboard *m_dashboard;
    MainWindow *m_window;
    WallWindow *m_wall = nullptr;
};
