// SPDX-License-Identifier: MIT
// Which monitor the wall screen goes to: the --screen option, else the config's "screen",
// else the one chosen last time (QSettings), else the given fallback.
#pragma once

#include <QStringList>

class QScreen;

// Index into `names` for `spec`: a monitor name (case-insensitive, "HDMI-1") or a decimal
// index from 0. -1 when nothing matches (or spec is empty).
int pickScreen(const QStringList &names, const QString &spec);

struct ScreenChoice {
    QScreen *screen = nullptr;
    QString spec;    // what was asked for ("HDMI-1"), empty when the fallback was taken
    QString warning; // non-empty when a requested screen is missing: said once on stderr
};

// Never null while the application has a screen. `fallback` may be null (primary screen).
ScreenChoice chooseWallScreen(const QString &commandLine, const QString &configured,
                              QScreen *fallback);
// The last screen the wall went to, by name; remembered across runs.
QString rememberedWallScreen();
void rememberWallScreen(const QString &name);
