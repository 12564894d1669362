// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QString>

class AppContext;

// What --wall asked for.
struct WallRequest {
    bool enabled = false;
    QString screen; // --screen: a monitor name or index; empty for the default choice
};

// Opens on `page` (--page): a tab of the window by title, or with the wall a page number from
// 1, "kanban" or "charts", held still. An unknown page is said on stderr; the run goes on.

// Opens the main window (or, with `wall.enabled`, the wall screen, the main window hidden
// behind it), the tray icon where there is a tray, and starts polling. With a screenshot path:
// waits until every source answered once (at most 20 s), saves the window or wall as a PNG
// and quits (0 saved, 1 not). `size` sets the window's or the wall's size for the picture.
// `welcomeConfig`: a first start wrote this example config and shows the demo meanwhile; the
// window says so in a banner, with the sources editor one click away.
void startWindowCommand(AppContext *context, const QString &screenshotPath, const QSize &size,
                        const WallRequest &wall = {}, const QString &page = {},
                        const QString &welcomeConfig = {});
