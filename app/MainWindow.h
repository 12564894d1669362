// SPDX-License-Identifier: MIT
// The desktop window: the board in the middle, menus, and a toolbar that later holds the
// andon button and "declare incident".
#pragma once

#include <QMainWindow>

class Board;
class BoardView;
class QAction;
class QMenu;
class QTabWidget;
class QToolBar;
class QVBoxLayout;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Board *board, QWidget *parent = nullptr);

    BoardView *boardView() const { return m_boardView; }
    // objectName "main-toolbar": actions are added here by the features that own them.
    QToolBar *mainToolBar() const { return m_toolBar; }
    // The View menu: wall-screen mode, and panel toggles later.
    QMenu *viewMenu() const { return m_viewMenu; }
    // Adds a page after the duty board (and the Kanban board): trends, for instance.
    void addPage(QWidget *page, const QString &title);
    // Shows the page titled `title` ("Kanban", "Trends", case-insensitive); false when none is.
    bool showPage(const QString &title);
    // A widget in the header, right of the page tabs and seen on every page: the objectives.
    void setHeaderWidget(QWidget *widget);
    // A band above the pages (NoticeBanner), seen on every page until dismissed.
    void addBanner(QWidget *banner);

    // "action-wall" (F11): asks for the wall screen on its default monitor.
    QAction *wallAction() const { return m_wallAction; }
    // "action-sources" (Settings ▸ Sources…, Ctrl+,): the sources editor, opened by its owner.
    QAction *sourcesAction() const { return m_sourcesAction; }

Q_SIGNALS:
    // The wall screen was asked for: on `screen` (a monitor name, from the "Wall Screen On"
    // submenu), or empty for the default choice.
    void wallScreenRequested(const QString &screen);

private:
    void showAbout();
    void fillScreenMenu();

    BoardView *m_boardView;
    QTabWidget *m_pages;
    QVBoxLayout *m_banners;
    QToolBar *m_toolBar;
    QMenu *m_viewMenu;
    QMenu *m_screenMenu;
    QAction *m_wallAction;
    QAction *m_sourcesAction;
};
