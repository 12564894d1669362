// SPDX-License-Identifier: MIT
#include "Screenshot.h"

#include <QDir>
#include <QPixmap>
#include <QWidget>

bool saveScreenshot(QWidget *widget, const QString &name) {
    const QString dir =
        qEnvironmentVariable("DUTYBOARD_SHOTS", QStringLiteral("/tmp/dutyboard-shots"));
    QDir().mkpath(dir);
    return widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")), "PNG");
}
