// SPDX-License-Identifier: MIT
// The desktop board's widgets found the way the widget tests look for them: by objectName.
#pragma once

#include "widgets/board/BoardView.h"
#include "widgets/board/PanelView.h"

#include <QLabel>
#include <QTreeView>

// The panel "panel-<name>" (requests, bugs, incidents, andons), or nullptr.
PanelView *findPanel(BoardView &view, const QString &name);
// The label `name` ("count", "freshness", "empty-state"…) inside `parent`; nullptr when either
// is missing.
QLabel *findLabel(QWidget *parent, const QString &name);
// The item list of panel `name`, or nullptr.
QTreeView *findItemList(BoardView &view, const QString &name);
// The item id shown in `row` of `list`.
QString itemIdAt(QTreeView *list, int row);
