// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "Board.h"
#include "BoardView.h"
#include "KanbanView.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>
#include <QToolBar>

MainWindow::MainWindow(Board *board, QWidget *parent)
    : QMainWindow(parent)
    , m_boardView(new BoardView(board, this))
    , m_toolBar(new QToolBar(QStringLiteral("Main toolbar"), this))
    , m_viewMenu(nullptr) {
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
    setCentralWidget(m_pages);

    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *quit = file->addAction(QStringLiteral("&Quit"));
    quit->setObjectName(QStringLiteral("action-quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // Quit, not close: a tray icon may keep the application alive after the window closes.
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);

    m_viewMenu = menuBar()->addMenu(QStringLiteral("&View"));

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

void MainWindow::showAbout() {
    QMessageBox::about(this, QStringLiteral("About dutyboard"),
                       QStringLiteral("<h3>dutyboard %1</h3>"
                                      "<p>A dashboard for the SRE on duty: every request, bug, "
                                      "incident and andon on one screen.</p>"
                                      "<p>Licensed under the MIT license.</p>")
                           .arg(QStringLiteral(DUTYBOARD_VERSION)));
}
