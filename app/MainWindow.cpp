// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "core/board/Board.h"
#include "widgets/board/BoardView.h"
#include "widgets/kanban/KanbanView.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(Board *board, QWidget *parent)
    : QMainWindow(parent)
    , m_boardView(new BoardView(board, this))
    , m_toolBar(new QToolBar(QStringLiteral("Main toolbar"), this))
    , m_viewMenu(nullptr)
    , m_screenMenu(nullptr)
    , m_wallAction(nullptr)
    , m_sourcesAction(nullptr) {
    setObjectName(QStringLiteral("main-window"));
    setWindowTitle(QStringLiteral("dutyboard"));
    // Pages: the duty board first; the team's Kanban board beside it when a source feeds one
    // (a single page hides the tab bar).
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->setTabBarAutoHide(true);
    m_pages->addTab(m_boardView, QStringLiteral("Duty"));
    if (!board->health()->sourcesOfPanel(itemKindPanelName(ItemKind::Card)).isEmpty())
        m_pages->addTab(new KanbanView(board, m_pages), QStringLiteral("Kanban"));
    auto *central = new QWidget;
    m_banners = new QVBoxLayout(central);
    m_banners->setContentsMargins(0, 0, 0, 0);
    m_banners->setSpacing(0);
    m_banners->addWidget(m_pages, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *quit = file->addAction(QStringLiteral("&Quit"));
    quit->setObjectName(QStringLiteral("action-quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // Quit, not close: a tray icon may keep the application alive after the window closes.
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);

    m_viewMenu = menuBar()->addMenu(QStringLiteral("&View"));
    m_wallAction = m_viewMenu->addAction(QStringLiteral("&Wall Screen"));
    m_wallAction->setObjectName(QStringLiteral("action-wall"));
    m_wallAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_wallAction->setToolTip(
        QStringLiteral("Full screen for a TV: leave with Esc twice, quit with Ctrl+Q"));
    connect(m_wallAction, &QAction::triggered, this, [this] { Q_EMIT wallScreenRequested({}); });
    m_screenMenu = m_viewMenu->addMenu(QStringLiteral("Wall Screen &On"));
    m_screenMenu->setObjectName(QStringLiteral("menu-wall-screen"));
    // Monitors come and go: the list is read when the menu opens.
    connect(m_screenMenu, &QMenu::aboutToShow, this, &MainWindow::fillScreenMenu);

    QMenu *settings = menuBar()->addMenu(QStringLiteral("&Settings"));
    m_sourcesAction = settings->addAction(QStringLiteral("&Sources…"));
    m_sourcesAction->setObjectName(QStringLiteral("action-sources"));
    m_sourcesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    QAction *about = help->addAction(QStringLiteral("&About dutyboard"));
    about->setObjectName(QStringLiteral("action-about"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    m_toolBar->setObjectName(QStringLiteral("main-toolbar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addToolBar(Qt::TopToolBarArea, m_toolBar);

    resize(1280, 800);
}

void MainWindow::addPage(QWidget *page, const QString &title) {
    m_pages->addTab(page, title);
}

bool MainWindow::showPage(const QString &title) {
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->tabText(i).compare(title, Qt::CaseInsensitive) == 0) {
            m_pages->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::setHeaderWidget(QWidget *widget) {
    m_pages->setCornerWidget(widget, Qt::TopRightCorner);
}

void MainWindow::fillScreenMenu() {
    m_screenMenu->clear();
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        const QScreen *screen = screens[i];
        const QString name = screen->name();
        const QSize size = screen->size();
        QAction *action = m_screenMenu->addAction(
            QStringLiteral("%1 (%2\u00D7%3)").arg(name).arg(size.width()).arg(size.height()));
        connect(action, &QAction::triggered, this,
                [this, name] { Q_EMIT wallScreenRequested(name); });
    }
}

void MainWindow::showAbout() {
    QMessageBox::about(this, QStringLiteral("About dutyboard"),
                       QStringLiteral("<h3>dutyboard %1</h3>"
                                      "<p>A dashboard for the SRE on duty: every request, bug, "
                                      "incident and andon on one screen.</p>"
                                      "<p>Licensed under the MIT license.</p>")
                           .arg(QStringLiteral(DUTYBOARD_VERSION)));
}

void MainWindow::addBanner(QWidget *banner) {
    m_banners->insertWidget(m_banners->count() - 1, banner); // above the pages
}
