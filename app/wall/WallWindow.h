// SPDX-License-Identifier: MIT
// The wall screen as a top-level window: frameless, full screen on one monitor, no menus. It
// is left only on purpose: Esc twice within 1.5 s, or Ctrl+Q to quit; a click does nothing.
// The cursor hides after 3 s without movement. Space or Enter acknowledges an alert.
#pragma once

#include "core/config/Objectives.h"

#include <QWidget>

class Board;
class QScreen;
class QTimer;
class WallBand;
class WallView;
struct WallConfig;

class WallWindow final : public QWidget {
    Q_OBJECT
public:
    // objectName "wall-window"; the leave hint is "leave-hint".
    WallWindow(Board *board, const WallConfig &config, const QString &onDuty,
               QWidget *parent = nullptr, const Objectives &objectives = {});
    ~WallWindow() override;

    WallView *view() const { return m_view; }
    // Full screen on `screen`; with a valid `size`, a frameless window of that size at the
    // screen's corner instead (screenshots, and trying a TV's resolution on a desktop).
    void showOn(QScreen *screen, const QSize &size = {});
    QScreen *targetScreen() const { return m_target; }

    bool cursorHidden() const { return m_cursorHidden; }
    const QTimer *cursorTimer() const { return m_cursorTimer; }
    const QTimer *escapeTimer() const { return m_escapeTimer; }
    // Tests shorten the idle and double-Esc delays (defaults 3000 and 1500 ms).
    void setCursorIdleMs(int ms);
    void setEscapeWindowMs(int ms);

Q_SIGNALS:
    void leaveRequested(); // Esc twice: back to the desktop window
    void quitRequested();  // Ctrl+Q

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cursorMoved();
    void placeHint();
    void onScreenAdded(QScreen *screen);
    void onScreenRemoved(QScreen *screen);

    WallView *m_view;
    WallBand *m_hint;
    QTimer *m_cursorTimer;
    QTimer *m_escapeTimer;
    QScreen *m_target = nullptr;
    QString m_targetName; // to come back to after the monitor was unplugged
    QSize m_fixedSize;
    bool m_cursorHidden = false;
};
