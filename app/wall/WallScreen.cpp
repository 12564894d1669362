// SPDX-License-Identifier: MIT
#include "WallScreen.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>

namespace {

// Beside the config file, so a TV machine keeps its choice with the rest of dutyboard's.
QSettings wallSettings() {
    return QSettings(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                         QStringLiteral("/dutyboard/state.ini"),
                     QSettings::IniFormat);
}

const QString screenKey = QStringLiteral("wall/screen");

QStringList screenNames(const QList<QScreen *> &screens) {
    QStringList names;
    for (const QScreen *s : screens)
        names.append(s->name());
    return names;
}

} // namespace

int pickScreen(const QStringList &names, const QString &spec) {
    const QString wanted = spec.trimmed();
    if (wanted.isEmpty())
        return -1;
    for (int i = 0; i < names.size(); ++i) {
        if (names[i].compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    }
    bool isNumber = false;
    const int index = wanted.toInt(&isNumber);
    if (isNumber && index >= 0 && index < names.size())
        return index;
    return -1;
}

ScreenChoice chooseWallScreen(const QString &commandLine, const QString &configured,
                              QScreen *fallback) {
    const QList<QScreen *> screens = QGuiApplication::screens();
    const QStringList names = screenNames(screens);
    ScreenChoice choice;
    QStringList missing;
    for (const QString &spec : {commandLine, configured, rememberedWallScreen()}) {
        if (spec.trimmed().isEmpty())
            continue;
        const int index = pickScreen(names, spec);
        if (index >= 0) {
            choice.screen = screens[index];
            choice.spec = spec.trimmed();
            break;
        }
        missing.append(spec.trimmed());
    }
    if (!choice.screen)
        choice.screen = fallback ? fallback : QGuiApplication::primaryScreen();
    // A monitor that is off or unplugged must not keep the wall dark: say so, show it anyway.
    if (!missing.isEmpty())
        choice.warning = QStringLiteral("screen \"%1\" not found (screens: %2); using %3")
                             .arg(missing.first(), names.join(QStringLiteral(", ")),
                                  choice.screen ? choice.screen->name() : QStringLiteral("none"));
    return choice;
}

QString rememberedWallScreen() {
    return wallSettings().value(screenKey).toString();
}

void rememberWallScreen(const QString &name) {
    QSettings settings = wallSettings();
    settings.setValue(screenKey, name);
}
