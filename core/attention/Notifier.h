// SPDX-License-Identifier: MIT
// Decides which desktop notifications to send: a new incident, a new andon, a 15-minute
// breach, each switchable in the config; an item nobody owns past "unowned_alert_min". Emits them;
// the tray icon shows them. Items already there when a source first answers are the baseline, never
// notified.
#pragma once

#include "core/board/Item.h"
#include "core/config/NotificationConfig.h"

#include <QObject>

class Board;
class PanelModel;

enum class NotificationKind { Incident, Andon, Breach, Unowned };

class Notifier final : public QObject {
    Q_OBJECT
public:
    Notifier(Board *board, const NotificationConfig &config, QObject *parent = nullptr);

    const NotificationConfig &config() const { return m_config; }
    // A reloaded config's "notifications": what arrives from now on is judged by it.
    void setConfig(const NotificationConfig &config) { m_config = config; }

public Q_SLOTS:
    // The 15-minute rule: a request (or investigation) nobody took, or that went past 15
    // minutes. Called by whatever measures it; shown unless "breach" is switched off.
    void reportBreach(const QString &title, const QString &detail);
    // Items that need an owner have had none for "unowned_alert_min" (UnownedItems says each
    // once): one notification each, or one summary for more than three.
    void reportUnowned(const Items &items);

Q_SIGNALS:
    void notify(NotificationKind kind, const QString &title, const QString &body);
    // An andon arrived and "andon_sound" is on: the tray beeps.
    void andonSound();

private:
    void onInserted(PanelModel *model, int first, int last);

    Board *m_board;
    NotificationConfig m_config;
};
