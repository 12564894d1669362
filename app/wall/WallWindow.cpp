// SPDX-License-Identifier: MIT
#include "WallWindow.h"

#include "core/board/Board.h"
#include "core/config/WallConfig.h"
#include "widgets/wall/WallBand.h"
#include "widgets/wall/WallStyle.h"
#include "widgets/wall/WallView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

WallWindow::WallWindow(Board *board, const WallConfig &config, const QString &onDuty,
                       QWidget *parent, const Objectives &objectives)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_view(new WallView(board, config, onDuty, this, objectives))
    , m_hint(new WallBand(this))
    , m_cursorTimer(new QTimer(this))
    , m_escapeTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("wall-window"));
    setWindowTitle(QStringLiteral("dutyboard wall"));
    setPalette(WallColors::palette());
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_hint->setObjectName(QStringLiteral("leave-hint"));
    m_hint->setContent(QStringLiteral("Press Esc again to leave the wall screen"),
                       WallColors::rule(), WallColors::text());
    m_hint->hide();

    m_cursorTimer->setSingleShot(true);
    m_cursorTimer->setInterval(3000);
    connect(m_cursorTimer, &QTimer::timeout, this, [this] {
        m_cursorHidden = true;
        setCursor(Qt::BlankCursor);
    });
    m_escapeTimer->setSingleShot(true);
    m_escapeTimer->setInterval(1500);
    connect(m_escapeTimer, &QTimer::timeout, m_hint, &QWidget::hide);

    // Mouse moves reach the window whatever widget is under the cursor.
    qApp->installEventFilter(this);
    connect(qApp, &QGuiApplication::screenAdded, this, &WallWindow::onScreenAdded);
    connect(qApp, &QGuiApplication::screenRemoved, this, &WallWindow::onScreenRemoved);
}

WallWindow::~WallWindow() {
    qApp->removeEventFilter(this);
}

void WallWindow::setCursorIdleMs(int ms) {
    m_cursorTimer->setInterval(ms);
}

void WallWindow::setEscapeWindowMs(int ms) {
    m_escapeTimer->setInterval(ms);
}

void WallWindow::showOn(QScreen *screen, const QSize &size) {
    m_target = screen;
    m_targetName = screen ? screen->name() : QString();
    m_fixedSize = size;
    if (!windowHandle())
        create();
    if (screen)
        windowHandle()->setScreen(screen);
    const QRect area = screen ? screen->geometry() : QRect(QPoint(0, 0), size);
    if (size.isValid()) {
        setGeometry(QRect(area.topLeft(), size));
        show();
    } else {
        setGeometry(area);
        showFullScreen();
    }
    raise();
    activateWindow();
    setFocus();
    cursorMoved();
}

void WallWindow::onScreenRemoved(QScreen *screen) {
    // The TV was switched off or unplugged: carry on on whatever screen is left.
    if (screen != m_target || !isVisible())
        return;
    const QString wanted = m_targetName;
    QScreen *fallback = QGuiApplication::primaryScreen();
    if (fallback == screen) {
        const QList<QScreen *> screens = QGuiApplication::screens();
        fallback = nullptr;
        for (QScreen *s : screens) {
            if (s != screen)
                fallback = s;
        }
    }
    if (!fallback)
        return;
    showOn(fallback, m_fixedSize);
    m_targetName = wanted;
}

void WallWindow::onScreenAdded(QScreen *screen) {
    // ...and back on it when it returns.
    if (isVisible() && screen->name() == m_targetName && screen != m_target)
        showOn(screen, m_fixedSize);
}

void WallWindow::keyPressEvent(QKeyEvent *event) {
    cursorMoved();
    if (event->matches(QKeySequence::Quit) ||
        (event->key() == Qt::Key_Q && event->modifiers().testFlag(Qt::ControlModifier))) {
        Q_EMIT quitRequested();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_escapeTimer->isActive()) {
            m_escapeTimer->stop();
            m_hint->hide();
            Q_EMIT leaveRequested();
        } else {
            // One Esc might be a cat on the keyboard: ask for a second one.
            m_escapeTimer->start();
            placeHint();
            m_hint->show();
            m_hint->raise();
        }
        return;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_view->acknowledge();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void WallWindow::mousePressEvent(QMouseEvent *event) {
    // A stray click (someone leaning on the mouse) shows the cursor and nothing else.
    cursorMoved();
    event->accept();
}

void WallWindow::mouseDoubleClickEvent(QMouseEvent *event) {
    cursorMoved();
    event->accept();
}

void WallWindow::closeEvent(QCloseEvent *event) {
    // The application quitting closes every window first (Qt 6): that close must go through,
    // or Ctrl+Q would be refused. A window manager's close (Alt+F4, spontaneous) leaves the
    // wall the way Esc twice does.
    if (!event->spontaneous()) {
        QWidget::closeEvent(event);
        return;
    }
    event->ignore();
    Q_EMIT leaveRequested();
}

void WallWindow::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    placeHint();
}

void WallWindow::placeHint() {
    const int h = m_hint->sizeHint().height();
    m_hint->setTextPixelSize(m_view->metrics().headerPx, m_view->metrics().pad);
    const int w = std::min(width(), m_hint->sizeHint().width());
    m_hint->setGeometry((width() - w) / 2, height() - 2 * h, w, h);
}

bool WallWindow::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::MouseMove && isVisible()) {
        const bool ours =
            watched == windowHandle() ||
            (watched->isWidgetType() && static_cast<QWidget *>(watched)->window() == this);
        if (ours)
            cursorMoved();
    }
    return QWidget::eventFilter(watched, event);
}

void WallWindow::cursorMoved() {
    if (m_cursorHidden) {
        m_cursorHidden = false;
        unsetCursor();
    }
    m_cursorTimer->start();
}
