// SPDX-License-Identifier: MIT
// Screenshots the GUI tests leave for a person to look at: $DUTYBOARD_SHOTS (default
// /tmp/dutyboard-shots)/<name>.png.
#pragma once

#include <QString>

class QWidget;

// Grabs `widget` as it is painted now; false when the file could not be written.
bool saveScreenshot(QWidget *widget, const QString &name);
