// SPDX-License-Identifier: MIT
// The tray icon: its shape and colour say the board's worst state (andon > SEV-1 > stale
// source > ok), its tooltip the counts; it shows the notifier's messages (the freedesktop
// notification service, through Qt) and beeps for andons when asked to. Without a system tray
// (offscreen, some desktops) it still tracks the state; only the icon is missing.
#pragma once

#include "core/attention/Notifier.h"
#include "core/attention/TrayState.h"

#include <QIcon>
#include <QObject>

class Board;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;
class QWidget;
class UnownedItems;

class DesktopTray final : public QObject {
    Q_OBJECT
public:
    // `window` is shown and raised when the icon is clicked (may be null).
    DesktopTray(Board *board, Notifier *notifier, QWidget *window, QObject *parent = nullptr);
    ~DesktopTray() override;

    const TrayStatus &status() const { return m_status; }
    bool hasIcon() const { return m_tray != nullptr; }
    // The icon for a state: a shape per state (■ andon, ◆ SEV-1, ◐ stale, ● ok) in its colour.
    static QIcon iconFor(BoardAlarm alarm);
    // Adds "Wall Screen" to the tray's menu.
    void addMenuAction(QAction *action);
    // Counts the SEV-1/SEV-2 incidents nobody owns in the tooltip ("2 unowned SEV-1/2").
    void setUnowned(const UnownedItems *unowned);

Q_SIGNALS:
    void statusChanged(const TrayStatus &status);

private:
    void scheduleUpdate();
    void updateStatus();
    void showMessage(NotificationKind kind, const QString &title, const QString &body);

    Board *m_board;
    const UnownedItems *m_unowned = nullptr;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QTimer *m_coalesce;
    TrayStatus m_status;
    bool m_first = true;
};
