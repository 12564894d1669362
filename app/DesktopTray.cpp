// SPDX-License-Identifier: MIT
#include "DesktopTray.h"

#include "core/attention/UnownedItems.h"
#include "core/board/Board.h"
#include "widgets/Theme.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace {

QPixmap drawIcon(BoardAlarm alarm, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QRectF r(size * 0.08, size * 0.08, size * 0.84, size * 0.84);
    p.setPen(QPen(QColor(0x10, 0x10, 0x10), std::max(1.0, size / 24.0)));
    switch (alarm) {
    case BoardAlarm::Andon:
        p.setBrush(Theme::andonColor());
        p.drawRect(r);
        break;
    case BoardAlarm::Sev1: {
        QPainterPath diamond;
        diamond.moveTo(r.center().x(), r.top());
        diamond.lineTo(r.right(), r.center().y());
        diamond.lineTo(r.center().x(), r.bottom());
        diamond.lineTo(r.left(), r.center().y());
        diamond.closeSubpath();
        p.setBrush(Theme::severityColor(SeverityLevel::Critical));
        p.drawPath(diamond);
        break;
    }
    case BoardAlarm::StaleSource:
        p.setBrush(Qt::white);
        p.drawEllipse(r);
        p.setBrush(Theme::amberColor());
        p.drawPie(r, 90 * 16, 180 * 16);
        break;
    case BoardAlarm::Ok:
        p.setBrush(Theme::okColor());
        p.drawEllipse(r);
        break;
    }
    return pixmap;
}

} // namespace

QIcon DesktopTray::iconFor(BoardAlarm alarm) {
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(drawIcon(alarm, size));
    return icon;
}

DesktopTray::DesktopTray(Board *board, Notifier *notifier, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_board(board)
    , m_window(window)
    , m_coalesce(new QTimer(this)) {
    // One refresh touches several models: recompute once, after the burst.
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(0);
    connect(m_coalesce, &QTimer::timeout, this, &DesktopTray::updateStatus);
    for (ItemKind kind : {ItemKind::Request, ItemKind::Bug, ItemKind::Incident, ItemKind::Andon}) {
        PanelModel *model = board->panel(kind);
        connect(model, &PanelModel::countChanged, this, &DesktopTray::scheduleUpdate);
        connect(model, &QAbstractItemModel::dataChanged, this, &DesktopTray::scheduleUpdate);
    }
    connect(board->health(), &SourceHealthModel::healthChanged, this, &DesktopTray::scheduleUpdate);
    connect(board->health(), &QAbstractItemModel::rowsInserted, this, &DesktopTray::scheduleUpdate);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_menu = new QMenu;
        QAction *show = m_menu->addAction(QStringLiteral("Show dutyboard"));
        connect(show, &QAction::triggered, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
        m_menu->addSeparator();
        QAction *quit = m_menu->addAction(QStringLiteral("Quit"));
        connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [show](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        show->trigger();
                });
        // With an icon to come back through, closing the window no longer quits.
        QApplication::setQuitOnLastWindowClosed(false);
    }
    connect(notifier, &Notifier::notify, this, &DesktopTray::showMessage);
    connect(notifier, &Notifier::andonSound, this, [] { QApplication::beep(); });
    updateStatus();
    if (m_tray)
        m_tray->show();
}

DesktopTray::~DesktopTray() {
    delete m_menu;
}

void DesktopTray::addMenuAction(QAction *action) {
    if (m_menu)
        m_menu->insertAction(m_menu->actions().value(1), action);
}

void DesktopTray::setUnowned(const UnownedItems *unowned) {
    m_unowned = unowned;
    connect(unowned, &UnownedItems::changed, this, &DesktopTray::scheduleUpdate);
    scheduleUpdate();
}

void DesktopTray::scheduleUpdate() {
    m_coalesce->start();
}

void DesktopTray::updateStatus() {
    BoardCounts counts = countBoard(*m_board);
    counts.unownedSevere = m_unowned ? m_unowned->severeCount() : 0;
    const TrayStatus status = trayStatus(counts);
    const bool alarmChanged = m_first || status.alarm != m_status.alarm;
    const bool changed = alarmChanged || status.toolTip != m_status.toolTip;
    m_first = false;
    m_status = status;
    if (!changed)
        return;
    if (m_tray) {
        if (alarmChanged)
            m_tray->setIcon(iconFor(status.alarm));
        m_tray->setToolTip(status.toolTip);
    }
    Q_EMIT statusChanged(m_status);
}

void DesktopTray::showMessage(NotificationKind kind, const QString &title, const QString &body) {
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return;
    const QSystemTrayIcon::MessageIcon icon =
        kind == NotificationKind::Breach ? QSystemTrayIcon::Warning : QSystemTrayIcon::Critical;
    // Andons and incidents stay until read where the server allows it; breaches time out.
    m_tray->showMessage(title, body, icon, kind == NotificationKind::Breach ? 15000 : 60000);
}
