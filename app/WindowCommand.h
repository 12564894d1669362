// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QString>

class Dashboard;

// Opens the main window and starts polling. With a screenshot path: waits until every source
// answered once (at most 20 s), saves the window as a PNG and quits (0 saved, 1 not).
void startWindowCommand(Dashboard *dashboard, const QString &screenshotPath, const QSize &size);
